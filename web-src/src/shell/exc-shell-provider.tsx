/**
 * Runs the console inside the Adobe Experience Cloud shell: credentials, locale, theme and sandbox
 * come from the exc-app runtime's `ready` and `configuration` events.
 */
import { type ReactNode, useEffect, useMemo, useRef, useState } from 'react'
import { applyShellPayload, INITIAL_SHELL_STATE, type Shell, ShellContext, type ShellState } from './shell-state'

/** The part of the exc-app runtime the console uses (its typings omit `done`). */
export interface ExcRuntimeLike {
  on(type: string, handler: (payload?: unknown) => void): void
  off(type: string, handler: (payload?: unknown) => void): void
  configured?: boolean
  lastConfigurationPayload?: unknown
}

function callDone(runtime: ExcRuntimeLike): void {
  const done: unknown = (runtime as unknown as Record<string, unknown>).done
  if (typeof done === 'function') done.call(runtime)
}

export function ExcShellProvider({ runtime, children }: { runtime: ExcRuntimeLike; children: ReactNode }): JSX.Element {
  const [state, setState] = useState<ShellState>({ ...INITIAL_SHELL_STATE, mode: 'shell' })
  const doneSent = useRef(false)

  useEffect(() => {
    const onEvent = (payload?: unknown): void => setState((s) => applyShellPayload(s, payload))
    // `ready` may have fired before this effect ran: start from the last configuration the runtime holds.
    if (runtime.configured && runtime.lastConfigurationPayload) onEvent(runtime.lastConfigurationPayload)
    runtime.on('ready', onEvent)
    runtime.on('configuration', onEvent)
    return () => {
      runtime.off('ready', onEvent)
      runtime.off('configuration', onEvent)
    }
  }, [runtime])

  const shell = useMemo<Shell>(
    () => ({
      ...state,
      done: () => {
        if (doneSent.current) return
        doneSent.current = true
        callDone(runtime)
      },
      // The shell renews the token itself and announces it through `configuration`.
      renewCredentials: async () => false,
      retry: () => undefined
    }),
    [state, runtime]
  )

  return <ShellContext.Provider value={shell}>{children}</ShellContext.Provider>
}
