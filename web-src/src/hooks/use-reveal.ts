/**
 * Masked-by-default personal data for one customer: `reveal()` asks the `customer-reveal` action to
 * audit the reveal first, and only its `revealed: true` unmasks. A failure keeps the data masked.
 */
import { useCallback, useEffect, useRef, useState } from 'react'
import type { ActionClient } from '../api/action-client'
import { ApiError } from '../api/api-error'
import type { RevealQuery } from '../api/types'

export type RevealState =
  | { status: 'masked' }
  | { status: 'revealing' }
  | { status: 'revealed' }
  | { status: 'error'; error: ApiError }

export interface PersonalData {
  state: RevealState
  /** True while values must be shown masked. */
  masked: boolean
  reveal(): void
}

export function useReveal(
  client: Pick<ActionClient, 'reveal'>,
  query: RevealQuery,
  maskByDefault: boolean
): PersonalData {
  const [state, setState] = useState<RevealState>({ status: maskByDefault ? 'masked' : 'revealed' })
  const inFlight = useRef<AbortController | null>(null)
  useEffect(() => () => inFlight.current?.abort(), [])
  // The deployment's setting can arrive after the customer (metadata answered later): follow it.
  useEffect(() => {
    if (!maskByDefault) setState((s) => (s.status === 'masked' ? { status: 'revealed' } : s))
  }, [maskByDefault])

  const { namespace, id, sandbox } = query
  const reveal = useCallback(() => {
    inFlight.current?.abort()
    const controller = new AbortController()
    inFlight.current = controller
    setState({ status: 'revealing' })
    client.reveal({ namespace, id, sandbox }, controller.signal).then(
      () => setState({ status: 'revealed' }),
      (err: unknown) => {
        if (controller.signal.aborted) return
        const error = err instanceof ApiError ? err : new ApiError('INTERNAL_ERROR', 0, String(err))
        setState({ status: 'error', error })
      }
    )
  }, [client, namespace, id, sandbox])

  return { state, masked: state.status !== 'revealed', reveal }
}
