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
  return err instanceof ApiError
    ? err
    : new ApiError('INTERNAL_ERROR', 0, err instanceof Error ? err.message : String(err))
}

function isAbort(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { name?: unknown }).name === 'AbortError'
}

function appendEvents(current: CustomerEvent[], more: CustomerEvent[]): CustomerEvent[] {
  const seen = new Set(current.map((e) => e.id))
  return [...current, ...more.filter((e) => !seen.has(e.id))]
}

type Loaded = Extract<CustomerState, { kind: 'loaded' }>

function answered(lookup: Lookup, seq: number, view: CustomerView): Loaded {
  const { events } = view.customer
  const { nextCursor } = view.meta.events
  const more: MoreState = { status: 'idle' }
  return { kind: 'loaded', lookup, seq, view, events, nextCursor, more, refreshing: false, refreshError: null }
}

/** A failed refresh keeps the customer on screen (`shown`) with its error beside it; a failed search shows it. */
function failed(lookup: Lookup, seq: number, error: ApiError, shown: Loaded | null): CustomerState {
  if (error.code === 'PROFILE_NOT_FOUND') return { kind: 'not-found', lookup, seq }
  return shown ? { ...shown, seq, refreshing: false, refreshError: error } : { kind: 'error', lookup, seq, error }
}

export function useCustomer(client: ActionClient, sandbox: string | null): CustomerLookup {
  const [state, setState] = useState<CustomerState>({ kind: 'idle' })
  const seq = useRef(0)
  const inFlight = useRef<AbortController | null>(null)
  const current = useRef(state)
  current.current = state

  useEffect(() => () => inFlight.current?.abort(), [])

  const start = useCallback((): { id: number; signal: AbortSignal } => {
    inFlight.current?.abort()
    inFlight.current = new AbortController()
    seq.current += 1
    return { id: seq.current, signal: inFlight.current.signal }
  }, [])

  /**
   * Looks `lookup` up and handles the answer, for search and refresh alike. `shown` is the loaded
   * customer a refresh keeps on screen while it bypasses the cache; null for a search.
   */
  const fetchCustomer = useCallback(
    (lookup: Lookup, shown: Loaded | null) => {
      const { id, signal } = start()
      setState(
        shown ? { ...shown, seq: id, refreshing: true, refreshError: null } : { kind: 'loading', lookup, seq: id }
      )
      const query = { ...lookup, sandbox: sandbox ?? undefined, ...(shown ? { refresh: true } : {}) }
      client.getCustomer(query, signal).then(
        (view) => {
          if (id !== seq.current) return
          markProfileAnswered()
          setState(answered(lookup, id, view))
        },
        (err: unknown) => {
          if (id !== seq.current || isAbort(err)) return
          setState(failed(lookup, id, asApiError(err), shown))
        }
      )
    },
    [client, sandbox, start]
  )

  const search = useCallback((lookup: Lookup) => fetchCustomer(lookup, null), [fetchCustomer])

  const retry = useCallback(() => {
    const s = current.current
    if (s.kind !== 'idle') search(s.lookup)
  }, [search])

  const refresh = useCallback(() => {
    const s = current.current
    if (s.kind !== 'idle') fetchCustomer(s.lookup, s.kind === 'loaded' ? s : null)
  }, [fetchCustomer])

  const loadMore = useCallback(() => {
    const s = current.current
    if (s.kind !== 'loaded' || !s.nextCursor || s.more.status === 'loading' || s.refreshing) return
    const forSeq = s.seq
    const signal = inFlight.current?.signal
    setState({ ...s, more: { status: 'loading' } })
    client.getEvents({ ...s.lookup, sandbox: sandbox ?? undefined, cursor: s.nextCursor }, signal).then(
      (page) =>
        setState((prev) =>
          prev.kind === 'loaded' && prev.seq === forSeq
            ? {
                ...prev,
                events: appendEvents(prev.events, page.events),
                nextCursor: page.nextCursor,
                more: { status: 'idle' }
              }
            : prev
        ),
      (err: unknown) => {
        if (isAbort(err)) return
        setState((prev) =>
          prev.kind === 'loaded' && prev.seq === forSeq
            ? { ...prev, more: { status: 'error', error: asApiError(err) } }
            : prev
        )
      }
    )
  }, [client, sandbox])

  return { state, search, retry, refresh, loadMore }
}
