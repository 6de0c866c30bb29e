/** The action client for the signed-in agent; it always sends the shell's current credentials. */
import { useMemo, useRef } from 'react'
import { type ActionClient, createActionClient, type FetchLike } from '../api/action-client'
import { type ActionUrls, createActionUrls } from '../api/action-urls'
import { useShell } from '../shell/shell-state'

export function useActionClient(fetchFn: FetchLike, urls?: ActionUrls): ActionClient {
  const shell = useShell()
  const latest = useRef(shell)
  latest.current = shell
  return useMemo(
    () =>
      createActionClient({
        fetch: fetchFn,
        urls: urls ?? createActionUrls(),
        credentials: () => latest.current.credentials,
        renewCredentials: () => latest.current.renewCredentials()
      }),
    [fetchFn, urls]
  )
}
