/**
 * One customer lookup at a time: search, refresh (bypassing the cache), retry and "load more"
 * events. A newer search aborts the older one, so a slow answer never replaces a newer customer.
 */
import { useCallback, useEffect, useRef, useState } from 'react'
import type { ActionClient } from '../api/action-client'
import { ApiError } from '../api/api-error'
import type { CustomerEvent, CustomerView, EventsPage, Lookup } from '../api/types'
import { markProfileAnswered } from '../lib/paint-timing'

export type MoreState = { status: 'idle' } | { status: 'loading' } | { status: 'error'; error: ApiError }

/**
 * The one extra events page the 12-month chart may read. A `ready` page is kept aside (the timeline
 * is not changed behind the agent's back) and is what "load more" shows next for the same cursor.
 */
export type HistoryState =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'ready'; cursor: string; page: EventsPage }
  | { status: 'error' }

/** The chart's page is larger than a timeline page: one call should cover a year for most customers. */
export const HISTORY_PAGE_LIMIT = 100

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
      history: HistoryState
      refreshing: boolean
      refreshError: ApiError | null
    }

export interface CustomerLookup {
  state: CustomerState
  search(lookup: Lookup): void
  retry(): void
  refresh(): void
  loadMore(): void
  /** Reads one more events page (at most once per view) for the chart; does nothing without a cursor. */
  loadHistory(): void
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
  const history: HistoryState = { status: 'idle' }
  return { kind: 'loaded', lookup, seq, view, events, nextCursor, more, history, refreshing: false, refreshError: null }
}

/** A failed refresh keeps the customer on screen (`shown`) with its error beside it; a failed search shows it. */
function failed(lookup: Lookup, seq: number, error: ApiError, shown: Loaded | null): CustomerState {
  if (error.code === 'PROFILE_NOT_FOUND') return { kind: 'not-found', lookup, seq }
  if (!shown) return { kind: 'error', lookup, seq, error }
  // A chart page still loading when the refresh began was dropped with the old seq: allow it again.
  const history: HistoryState = shown.history.status === 'loading' ? { status: 'idle' } : shown.history
  return { ...shown, seq, history, refreshing: false, refreshError: error }
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
    const { history } = s
    if (history.status === 'ready' && history.cursor === s.nextCursor) {
      const { page } = history
      setState({ ...s, events: appendEvents(s.events, page.events), nextCursor: page.nextCursor })
      return
    }
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

  const loadHistory = useCallback(() => {
    const s = current.current
    if (s.kind !== 'loaded' || !s.nextCursor || s.history.status !== 'idle') return
    const { seq: forSeq, nextCursor: cursor } = s
    const signal = inFlight.current?.signal
    const settle = (history: HistoryState): void =>
      setState((prev) => (prev.kind === 'loaded' && prev.seq === forSeq ? { ...prev, history } : prev))
    settle({ status: 'loading' })
    const query = { ...s.lookup, sandbox: sandbox ?? undefined, cursor, limit: HISTORY_PAGE_LIMIT }
    client.getEvents(query, signal).then(
      (page) => settle({ status: 'ready', cursor, page }),
      (err: unknown) => {
        if (!isAbort(err)) settle({ status: 'error' })
      }
    )
  }, [client, sandbox])

  return { state, search, retry, refresh, loadMore, loadHistory }
}
