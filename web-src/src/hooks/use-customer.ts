/**
 * One customer lookup at a time: search, refresh (bypassing the cache), retry and "load more"
 * events. A newer search aborts the older one, so a slow answer never replaces a newer customer.
 */
import { useCallback, useEffect, useRef, useState } from 'react'
import type { ActionClient } from '../api/action-client'
import { ApiError } from '../api/api-error'
import type { CustomerEvent, CustomerView, Lookup } from '../api/types'
import { markProfileAnswered } from '../lib/paint-timing'

export type MoreState = { status: 'idle' } | { status: 'loading' } | { status: 'error'; error: ApiError }

export type CustomerState =
  | { kind: 'idle' }
  | { kind: 'loading'; lookup: Lookup; seq: number }
  | { kind: 'not-found'; lookup: Lookup; seq: number }
  | { kind: 'error'; lookup: Lookup; seq: number; error: ApiError }
  | {
    kind: 'loaded'
    lookup: Lookup
    seq: number
    view: CustomerView
    events: CustomerEvent[]
    nextCursor: string | null
    more: MoreState
    refreshing: boolean
    refreshError: ApiError | null
  }

export interface CustomerLookup {
  state: CustomerState
  search(lookup: Lookup): void
  retry(): void
  refresh(): void
  loadMore(): void
}

function asApiError(err: unknown): ApiError {
  return err instanceof ApiError ? err : new ApiError('INTERNAL_ERROR', 0, err instanceof Error ? err.message : String(err))
}

function isAbort(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { name?: unknown }).name === 'AbortError'
}

function appendEvents(current: CustomerEvent[], more: CustomerEvent[]): CustomerEvent[] {
  const seen = new Set(current.map((e) => e.id))
  return [...current, ...more.filter((e) => !seen.has(e.id))]
}

export function useCustomer(client: ActionClient, sandbox: string | null): CustomerLookup {
  const [state, setState] = useState<CustomerState>({ kind: 'idle' })
  const seq = useRef(0)
  const inFlight = useRef<AbortController | null>(null)
  const current = useRef(state)
  current.current = state

  useEffect(() => () => inFlight.current?.abort(), [])

  const start = (): { id: number; signal: AbortSignal } => {
    inFlight.current?.abort()
    inFlight.current = new AbortController()
    seq.current += 1
    return { id: seq.current, signal: inFlight.current.signal }
  }

  const search = useCallback((lookup: Lookup) => {
    const { id, signal } = start()
    setState({ kind: 'loading', lookup, seq: id })
    client.getCustomer({ ...lookup, sandbox: sandbox ?? undefined }, signal).then(
      (view) => {
        if (id !== seq.current) return
        markProfileAnswered()
        setState({ kind: 'loaded', lookup, seq: id, view, events: view.customer.events, nextCursor: view.meta.events.nextCursor, more: { status: 'idle' }, refreshing: false, refreshError: null })
      },
      (err: unknown) => {
        if (id !== seq.current || isAbort(err)) return
        const error = asApiError(err)
        setState(error.code === 'PROFILE_NOT_FOUND' ? { kind: 'not-found', lookup, seq: id } : { kind: 'error', lookup, seq: id, error })
      }
    )
  }, [client, sandbox])

  const retry = useCallback(() => {
    const s = current.current
    if (s.kind !== 'idle') search(s.lookup)
  }, [search])

  const refresh = useCallback(() => {
    const s = current.current
    if (s.kind === 'idle') return
    if (s.kind !== 'loaded') return search(s.lookup)
    const { id, signal } = start()
    setState({ ...s, seq: id, refreshing: true, refreshError: null })
    client.getCustomer({ ...s.lookup, sandbox: sandbox ?? undefined, refresh: true }, signal).then(
      (view) => {
        if (id !== seq.current) return
        markProfileAnswered()
        setState({ ...s, seq: id, view, events: view.customer.events, nextCursor: view.meta.events.nextCursor, more: { status: 'idle' }, refreshing: false, refreshError: null })
      },
      (err: unknown) => {
        if (id !== seq.current || isAbort(err)) return
        const error = asApiError(err)
        setState(error.code === 'PROFILE_NOT_FOUND' ? { kind: 'not-found', lookup: s.lookup, seq: id } : { ...s, seq: id, refreshing: false, refreshError: error })
      }
    )
  }, [client, sandbox, search])

  const loadMore = useCallback(() => {
    const s = current.current
    if (s.kind !== 'loaded' || !s.nextCursor || s.more.status === 'loading' || s.refreshing) return
    const forSeq = s.seq
    const signal = inFlight.current?.signal
    setState({ ...s, more: { status: 'loading' } })
    client.getEvents({ ...s.lookup, sandbox: sandbox ?? undefined, cursor: s.nextCursor }, signal).then(
      (page) => setState((prev) => prev.kind === 'loaded' && prev.seq === forSeq
        ? { ...prev, events: appendEvents(prev.events, page.events), nextCursor: page.nextCursor, more: { status: 'idle' } }
        : prev),
      (err: unknown) => {
        if (isAbort(err)) return
        setState((prev) => prev.kind === 'loaded' && prev.seq === forSeq ? { ...prev, more: { status: 'error', error: asApiError(err) } } : prev)
      }
    )
  }, [client, sandbox])

  return { state, search, retry, refresh, loadMore }
}
