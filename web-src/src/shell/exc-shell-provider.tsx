/**
 * Runs the console inside the Adobe Experience Cloud shell: credentials, locale, theme and sandbox
 * come from the exc-app runtime's `ready` and `configuration` events; the shell's URL (back button,
 * a screen-pop deep link) arrives as `history` events and is followed in the location hash; the
 * shell's header shows the solution and title the console sets.
 */
import { type ReactNode, useEffect, useMemo, useRef, useState } from 'react'
import { hashOfShellPath } from './shell-history'
import { applyShellPayload, INITIAL_SHELL_STATE, type Shell, ShellContext, type ShellState } from './shell-state'

/** What the shell's header shows for the app (exc-app's `runtime.solution`). */
export interface ShellSolution {
  icon: string
  title: string
  shortTitle: string
}

/** The part of the exc-app runtime the console uses (its typings omit `done`, `solution`, `title`). */
export interface ExcRuntimeLike {
  on(type: string, handler: (payload?: unknown) => void): void
  off(type: string, handler: (payload?: unknown) => void): void
  configured?: boolean
  lastConfigurationPayload?: unknown
  solution?: ShellSolution
  title?: string
}

export const SOLUTION: ShellSolution = {
  icon: 'AdobeExperienceCloud',
  title: 'Customer Activity Hub',
  shortTitle: 'CAH'
}

function callDone(runtime: ExcRuntimeLike): void {
  const done: unknown = (runtime as unknown as Record<string, unknown>).done
  if (typeof done === 'function') done.call(runtime)
}

/** Follows a shell navigation without adding an entry of our own: the shell owns the history. */
function followShellHistory(win: Window, payload: unknown): void {
  const hash = hashOfShellPath(payload)
  if (hash === null || hash === win.location.hash) return
  // replaceState never reloads (not even for an empty hash); the route hook listens for hashchange.
  win.history.replaceState(win.history.state, '', `${win.location.pathname}${win.location.search}${hash}`)
  win.dispatchEvent(new HashChangeEvent('hashchange'))
}

export function ExcShellProvider({
  runtime,
  children,
  win = window
}: {
  runtime: ExcRuntimeLike
  children: ReactNode
  win?: Window
}): JSX.Element {
  const [state, setState] = useState<ShellState>({ ...INITIAL_SHELL_STATE, mode: 'shell' })
  const doneSent = useRef(false)

  useEffect(() => {
    runtime.solution = SOLUTION
    runtime.title = SOLUTION.title
    const onEvent = (payload?: unknown): void => setState((s) => applyShellPayload(s, payload))
    const onHistory = (payload?: unknown): void => followShellHistory(win, payload)
    // `ready` may have fired before this effect ran: start from the last configuration the runtime holds.
    if (runtime.configured && runtime.lastConfigurationPayload) onEvent(runtime.lastConfigurationPayload)
    runtime.on('ready', onEvent)
    runtime.on('configuration', onEvent)
    runtime.on('history', onHistory)
    return () => {
      runtime.off('ready', onEvent)
      runtime.off('configuration', onEvent)
      runtime.off('history', onHistory)
    }
  }, [runtime, win])

  const shell = useMemo<Shell>(
    () => ({
      ...state,
      done: () => {
        if (doneSent.current) return
        doneSent.current = true
        callDone(runtime)
      },
      setTitle: (title: string) => {
        runtime.title = title
      },
      // The shell renews the token itself and announces it through `configuration`.
      renewCredentials: async () => false,
      retry: () => undefined
    }),
    [state, runtime]
  )

  return <ShellContext.Provider value={shell}>{children}</ShellContext.Provider>
}
