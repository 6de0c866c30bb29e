/**
 * Runs the console outside the Experience Cloud shell. With a demo sign-in (local runs) it fetches
 * an agent token without any manual step and keeps it in memory only; without one it reports
 * `unavailable` and the console asks the agent to open it inside Experience Cloud.
 */
import { type ReactNode, useCallback, useEffect, useMemo, useRef, useState } from 'react'
import type { FetchLike } from '../api/action-client'
import { type DemoSignIn, fetchDemoToken } from './demo-token'
import { INITIAL_SHELL_STATE, type Shell, ShellContext, type ShellState } from './shell-state'

interface Props {
  demo: DemoSignIn | null
  fetch: FetchLike
  children: ReactNode
}

export function StandaloneShellProvider({ demo, fetch, children }: Props): JSX.Element {
  const [state, setState] = useState<ShellState>({ ...INITIAL_SHELL_STATE, status: demo ? 'starting' : 'unavailable' })
  const [attempt, setAttempt] = useState(0)
  const pending = useRef<Promise<boolean> | null>(null)

  const signIn = useCallback((): Promise<boolean> => {
    if (!demo) return Promise.resolve(false)
    // Concurrent 401s share one token request.
    pending.current ??= fetchDemoToken(demo, fetch)
      .then((credentials) => {
        setState((s) => ({ ...s, credentials, status: 'ready' }))
        return true
      })
      .catch(() => {
        setState((s) => ({ ...s, credentials: null, status: 'failed' }))
        return false
      })
      .finally(() => {
        pending.current = null
      })
    return pending.current
  }, [demo, fetch])

  // biome-ignore lint/correctness/useExhaustiveDependencies: attempt is the trigger: retry() bumps it to sign in again
  useEffect(() => {
    void signIn()
  }, [signIn, attempt])

  const shell = useMemo<Shell>(
    () => ({
      ...state,
      done: () => undefined,
      setTitle: () => undefined,
      renewCredentials: signIn,
      retry: () => {
        setState((s) => ({ ...s, status: 'starting' }))
        setAttempt((n) => n + 1)
      }
    }),
    [state, signIn]
  )

  return <ShellContext.Provider value={shell}>{children}</ShellContext.Provider>
}
