/**
 * The wrap-ups of the customer on screen that AEP has not shown yet (lib/pending-interactions.ts).
 * An interaction whose event the view already holds is never listed, and is then forgotten, so the
 * timeline shows each interaction exactly once: pending, then stored.
 */
import { useCallback, useEffect, useMemo, useSyncExternalStore } from 'react'
import type { CustomerEvent } from '../api/types'
import { type PendingInteraction, type PendingInteractionsStore, sharedPendingStore } from '../lib/pending-interactions'

export interface PendingInteractions {
  /** Newest first, without those already in `events`. */
  items: PendingInteraction[]
  add(entry: PendingInteraction): void
}

export function usePendingInteractions(
  scope: string,
  events: CustomerEvent[],
  store: PendingInteractionsStore = sharedPendingStore()
): PendingInteractions {
  const subscribe = store.subscribe
  const all = useSyncExternalStore(subscribe, () => store.list(scope))
  const ids = useMemo(() => new Set(events.map((e) => e.id)), [events])
  const items = useMemo(() => all.filter((p) => !ids.has(p.eventId)), [all, ids])
  const arrived = all.length !== items.length

  useEffect(() => {
    if (arrived) store.settle(scope, ids)
  }, [arrived, store, scope, ids])

  const add = useCallback((entry: PendingInteraction) => store.add(scope, entry), [store, scope])
  return { items, add }
}
