/** Recent lookups of this browser tab (masked; see lib/recents-store.ts for what is kept where). */
import { useSyncExternalStore } from 'react'
import type { Lookup } from '../api/types'
import { type RecentLookup, type RecentsStore, sharedRecentsStore } from '../lib/recents-store'

export interface Recents {
  items: RecentLookup[]
  add(lookup: Lookup): void
  lookupFor(ref: string): Lookup | null
  clear(): void
}

export function useRecents(store: RecentsStore = sharedRecentsStore()): Recents {
  const items = useSyncExternalStore(store.subscribe, store.list)
  return { items, add: (l) => store.add(l), lookupFor: (ref) => store.lookupFor(ref), clear: () => store.clear() }
}
