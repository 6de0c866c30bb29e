/**
 * The screen-pop route in the location hash (`#/customer?ns=…&id=…`), followed as it changes, so a
 * telephony system can re-open the same tab on the next caller.
 */
import { useCallback, useEffect, useMemo, useState } from 'react'
import { parseScreenPop, type ScreenPop } from '../lib/screen-pop'

export interface ScreenPopRoute {
  /** The raw hash, to tell one screen-pop from the next. */
  hash: string
  pop: ScreenPop
  /** Drops the customer route from the address bar (after the agent searches someone else). */
  clear(): void
}

export function useScreenPop(win: Window = window): ScreenPopRoute {
  const [hash, setHash] = useState(() => win.location.hash)
  useEffect(() => {
    const onChange = (): void => setHash(win.location.hash)
    win.addEventListener('hashchange', onChange)
    return () => win.removeEventListener('hashchange', onChange)
  }, [win])
  const clear = useCallback(() => {
    if (!win.location.hash) return
    win.history.replaceState(win.history.state, '', `${win.location.pathname}${win.location.search}`)
    setHash('')
  }, [win])
  const pop = useMemo(() => parseScreenPop(hash), [hash])
  return { hash, pop, clear }
}
