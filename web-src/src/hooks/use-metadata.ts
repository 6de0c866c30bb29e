/** The org's identity namespaces, sandboxes and merge policies, loaded once per sandbox. */
import { useEffect, useState } from 'react'
import type { ActionClient } from '../api/action-client'
import type { ApiError } from '../api/api-error'
import type { Metadata } from '../api/types'

export type MetadataState =
  | { status: 'loading'; data: null }
  | { status: 'ready'; data: Metadata }
  | { status: 'error'; data: null; error: ApiError | Error }

export function useMetadata(client: ActionClient, sandbox: string | null): MetadataState {
  const [state, setState] = useState<MetadataState>({ status: 'loading', data: null })
  useEffect(() => {
    const controller = new AbortController()
    setState({ status: 'loading', data: null })
    client.getMetadata(sandbox ?? undefined, controller.signal).then(
      (data) => setState({ status: 'ready', data }),
      (error: unknown) => {
        if (!controller.signal.aborted)
          setState({ status: 'error', data: null, error: error instanceof Error ? error : new Error(String(error)) })
      }
    )
    return () => controller.abort()
  }, [client, sandbox])
  return state
}

/**
 * Whether personal data starts masked. True unless the deployment's metadata answer says
 * `ui.maskPersonalData: false`, so a shared screen stays private while metadata loads or fails.
 */
export function masksPersonalData(state: MetadataState): boolean {
  return state.status !== 'ready' || state.data.ui?.maskPersonalData !== false
}
