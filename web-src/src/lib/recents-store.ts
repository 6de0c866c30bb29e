/**
 * Recent lookups. Only a masked form (j•••@example.com) and the namespace are written to
 * sessionStorage (tab-scoped, gone when the tab closes; never localStorage). The real value is
 * kept in this module's memory, so a recent is one click away for as long as the page lives;
 * after a reload the masked entry remains as a reminder but the agent types the value again.
 */

import type { Lookup } from '../api/types'
import { maskIdentity } from './mask'
import { sessionStorageOrNull } from './session-storage'

export interface RecentLookup {
  ref: string
  namespace: string
  masked: string
  /** Epoch ms of the lookup. */
  at: number
  /** false once the real value is gone (after a reload). */
  searchable: boolean
}

interface StoredRecent {
  ref: string
  namespace: string
  masked: string
  at: number
}

export const RECENTS_KEY = 'cah.recentLookups.v1'
export const MAX_RECENTS = 8
export const RECENTS_TTL_MS = 12 * 60 * 60 * 1000

function isStored(v: unknown): v is StoredRecent {
  if (typeof v !== 'object' || v === null) return false
  const r = v as Record<string, unknown>
  return (
    typeof r.ref === 'string' &&
    typeof r.namespace === 'string' &&
    typeof r.masked === 'string' &&
    typeof r.at === 'number'
  )
}

export class RecentsStore {
  private readonly values = new Map<string, Lookup>()
  private readonly listeners = new Set<() => void>()
  private memoryOnly: StoredRecent[] = []
  private snapshot: RecentLookup[] | null = null
  private seq = 0
  private storage: Storage | null

  constructor(
    storage: Storage | null,
    private readonly now: () => number = Date.now
  ) {
    this.storage = storage
  }

  private read(): StoredRecent[] {
    if (!this.storage) return this.memoryOnly
    try {
      const parsed: unknown = JSON.parse(this.storage.getItem(RECENTS_KEY) ?? '[]')
      return Array.isArray(parsed) ? parsed.filter(isStored) : []
    } catch {
      return this.memoryOnly
    }
  }

  private write(entries: StoredRecent[]): void {
    this.memoryOnly = entries
    this.snapshot = null
    try {
      this.storage?.setItem(RECENTS_KEY, JSON.stringify(entries))
    } catch {
      // Storage full or blocked (third-party iframe): carry on with the in-memory copy only.
      this.storage = null
    }
    for (const l of this.listeners) l()
  }

  /** The recents, newest first; the same array until something changes (for useSyncExternalStore). */
  list = (): RecentLookup[] => {
    if (this.snapshot) return this.snapshot
    const cutoff = this.now() - RECENTS_TTL_MS
    this.snapshot = this.read()
      .filter((r) => r.at >= cutoff)
      .slice(0, MAX_RECENTS)
      .map((r) => ({ ...r, searchable: this.values.has(r.ref) }))
    return this.snapshot
  }

  add(lookup: Lookup): void {
    const namespace = lookup.namespace
    const id = lookup.id.trim()
    const masked = maskIdentity(namespace, id)
    const same = (r: StoredRecent): boolean => {
      const v = this.values.get(r.ref)
      return v
        ? v.namespace === namespace && v.id.toLowerCase() === id.toLowerCase()
        : r.namespace === namespace && r.masked === masked
    }
    const kept = this.read().filter((r) => !same(r))
    const ref = `r${this.now().toString(36)}${(this.seq++).toString(36)}`
    this.values.set(ref, { namespace, id })
    const next = [{ ref, namespace, masked, at: this.now() }, ...kept].slice(0, MAX_RECENTS)
    for (const r of kept.slice(MAX_RECENTS - 1)) this.values.delete(r.ref)
    this.write(next)
  }

  /** The real lookup behind a recent, while this page has it in memory. */
  lookupFor(ref: string): Lookup | null {
    return this.values.get(ref) ?? null
  }

  clear(): void {
    this.values.clear()
    this.write([])
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }
}

let shared: RecentsStore | null = null

/** The page's recents store, backed by sessionStorage when the browser allows it. */
export function sharedRecentsStore(): RecentsStore {
  shared ??= new RecentsStore(sessionStorageOrNull())
  return shared
}
