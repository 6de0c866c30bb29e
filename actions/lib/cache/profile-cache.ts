/**
 * Customer views in aio-lib-state. A key names org, sandbox, merge policy, namespace and a salted
 * hash of the identity — never the raw e-mail or phone. After a miss the view is stored under the
 * identity that was looked up, and small pointer entries under the profile's other identities, of
 * the namespaces lookups use (CACHE_POINTER_NAMESPACES), let a lookup by another identity (phone
 * after e-mail) hit the same view.
 *
 * Entries are kept `staleGrace` seconds past their freshness so that, when AEP fails, an expired
 * view can still be served (marked STALE) instead of an error. Each view records the shape it was
 * built with (the view's version and the org's CUSTOMER_VIEW_MAPPING): after a deploy that changes
 * either, older entries read as misses instead of showing cards the mapping no longer has.
 */

import type { NormalisedIdentity } from '../aep'
import type { Config } from '../config'
import { identityHash, tokenHash } from '../observability'
import type { CustomerView } from '../view'
import { fit } from './fit-view'
import { MemoryTier } from './memory-tier'
import { isRecord, keyPart, orgKeyPart, StateNamespace } from './state-namespace'
import type { StateStore } from './state-store'

export interface CacheScope {
  sandbox: string
  mergePolicyId: string | null
}

interface ViewEntry {
  v: 1
  storedAt: number
  /** viewShape() of the deployment that built the view. */
  shape: string
  view: CustomerView
}
interface PointerEntry {
  v: 1
  ref: string
}
type Entry = ViewEntry | PointerEntry

/** Which tier answered a read: this container's memory, or the State service. */
export type CacheTier = 'memory' | 'state'

export interface CachedView {
  view: CustomerView
  ageSeconds: number
  fresh: boolean
  tier: CacheTier
}

const MAX_POINTERS = 12

const isEntry = (v: unknown): v is Entry =>
  isRecord(v) &&
  v.v === 1 &&
  (typeof v.ref === 'string' ||
    (typeof v.storedAt === 'number' && typeof v.shape === 'string' && isRecord(v.view) && isRecord(v.view.customer)))

/** Bumped whenever the customer view gains or changes a field. */
const VIEW_VERSION = 2

/** What a view was built with: the view's version and the mapping, as a short fingerprint. */
export function viewShape(config: Config): string {
  return tokenHash(JSON.stringify([VIEW_VERSION, config.mapping])).slice(0, 12)
}

export class ProfileCache {
  private readonly entries: StateNamespace<Entry>
  /** Views this container read or wrote in the last few seconds, by State key (pointers resolved). */
  private readonly memory: MemoryTier<ViewEntry>
  private readonly ttlSeconds: number
  private readonly shape: string
  /** CACHE_POINTER_NAMESPACES: the other identities worth a pointer, the ones lookups use. */
  private readonly pointerNamespaces: ReadonlySet<string>

  constructor(
    store: StateStore,
    private readonly config: Config,
    private readonly now: () => number = Date.now
  ) {
    const ttlSeconds = config.cache.profileTtlSeconds + config.cache.staleGraceSeconds
    this.ttlSeconds = ttlSeconds
    this.shape = viewShape(config)
    this.pointerNamespaces = new Set(config.cache.pointerNamespaces)
    this.entries = new StateNamespace(store, {
      prefix: ['cah1', orgKeyPart(config.aep.orgId)],
      ttlSeconds,
      guard: isEntry
    })
    const { memorySeconds, memoryMaxEntries, memoryMaxBytes } = config.cache
    this.memory = new MemoryTier(
      { freshnessMs: memorySeconds * 1000, maxEntries: memoryMaxEntries, maxBytes: memoryMaxBytes },
      now
    )
  }

  /** Merge policy ids never start with '_', so '_default' (the sandbox's default) cannot collide with one. */
  key(scope: CacheScope, namespace: string, id: string): string {
    const ns = namespace.toLowerCase()
    return this.entries.key(
      scope.sandbox,
      scope.mergePolicyId ?? '_default',
      keyPart(ns),
      identityHash(this.config.identitySalt, ns, id)
    )
  }

  /** The view this container's memory holds for this identity (no State call), or null. */
  held(scope: CacheScope, identity: NormalisedIdentity): CachedView | null {
    const entry = this.memory.get(this.key(scope, identity.namespace, identity.id))
    return entry ? this.cached(entry, 'memory') : null
  }

  /**
   * The stored view for this identity, fresh or stale, or null: from this container's memory when
   * it entered memory less than CACHE_MEMORY_SECONDS ago, else from State (following one pointer).
   */
  async read(scope: CacheScope, identity: NormalisedIdentity): Promise<CachedView | null> {
    const key = this.key(scope, identity.namespace, identity.id)
    const held = this.memory.get(key)
    if (held) return this.cached(held, 'memory')
    let entry = await this.entries.getKey(key)
    if (entry && 'ref' in entry) {
      entry = await this.entries.getKey(entry.ref)
      // This identity is looked up by: hold the view itself under it, so the next new container's hit is one read.
      if (entry && 'view' in entry && entry.shape === this.shape) void this.promote(key, entry)
    }
    // This container may have written the key while the read was out (a coalesced miss ending): memory is newer.
    const written = this.memory.get(key)
    if (written) return this.cached(written, 'memory')
    if (!entry || !('view' in entry) || entry.shape !== this.shape) return null
    this.memory.set(key, entry, bytesOf(entry))
    return this.cached(entry, 'state')
  }

  private cached(entry: ViewEntry, tier: CacheTier): CachedView {
    const ageMs = Math.max(0, this.now() - entry.storedAt)
    return {
      view: entry.view,
      ageSeconds: Math.floor(ageMs / 1000),
      fresh: ageMs < this.config.cache.profileTtlSeconds * 1000,
      tier
    }
  }

  /** Replaces a pointer by its view, for the view's remaining life, beside the answer; a failure leaves the pointer. */
  private async promote(key: string, entry: ViewEntry): Promise<void> {
    const left = this.ttlSeconds - Math.floor((this.now() - entry.storedAt) / 1000)
    if (left > 0) await this.entries.putKey(key, entry, left, { behind: true })
  }

  /**
   * Stores the view (trimming events to fit the State value limit) under this identity, and
   * pointers to it under its other identities of CACHE_POINTER_NAMESPACES; resolves once State
   * has answered every write.
   */
  async write(scope: CacheScope, identity: NormalisedIdentity, view: CustomerView): Promise<void> {
    await Promise.all(this.remember(scope, identity, view).map(([key, entry]) => this.entries.putKey(key, entry)))
  }

  /**
   * The same writes for CACHE_WRITE_MODE=behind: this container's memory holds the view when this
   * returns, and the State writes go on after the answer (see StateStore.put's `behind`). The
   * promise settles once State has answered them; nobody needs to wait for it.
   */
  writeBehind(scope: CacheScope, identity: NormalisedIdentity, view: CustomerView): Promise<void> {
    const puts = this.remember(scope, identity, view).map(([key, entry]) =>
      this.entries.putKey(key, entry, undefined, { behind: true })
    )
    return Promise.all(puts).then(() => undefined)
  }

  /** Holds the view in memory under every key it is written under; returns those State entries. */
  private remember(scope: CacheScope, identity: NormalisedIdentity, view: CustomerView): Array<[string, Entry]> {
    if (this.config.cache.profileTtlSeconds <= 0) return []
    const key = this.key(scope, identity.namespace, identity.id)
    const fitted = fit(view)
    if (!fitted) return []
    const otherKeys = view.customer.identities
      .filter(
        (i) => this.pointerNamespaces.has(i.namespace) && !(i.namespace === identity.namespace && i.id === identity.id)
      )
      .slice(0, MAX_POINTERS)
      .map((i) => this.key(scope, i.namespace, i.id))
    const entry: ViewEntry = { v: 1, storedAt: this.now(), shape: this.shape, view: fitted }
    // Memory first: a repeat lookup in this container, by any of these identities, needs no State read.
    const bytes = bytesOf(entry)
    for (const k of [key, ...otherKeys]) this.memory.set(k, entry, bytes)
    // One round trip, not two: a pointer that lands a moment before its view reads as a miss, never as wrong data.
    return [[key, entry], ...otherKeys.map((k): [string, Entry] => [k, { v: 1, ref: key }])]
  }

  /**
   * Removes every entry of this customer in this sandbox, across merge policies. Returns how many
   * identities' entries were removed, or null when the State service did not confirm every delete.
   */
  async invalidate(sandbox: string, identity: NormalisedIdentity): Promise<number | null> {
    const ids = new Map<string, string>([[`${identity.namespace}\u0000${identity.id}`, identity.namespace]])
    const cached = await this.read({ sandbox, mergePolicyId: this.config.aep.mergePolicyId }, identity)
    for (const i of cached?.view.customer.identities ?? []) ids.set(`${i.namespace}\u0000${i.id}`, i.namespace)
    // The merge-policy segment is a wildcard: entries of every policy go.
    const patterns = [...ids.entries()].map(([k, ns]) => {
      const id = k.slice(ns.length + 1)
      return [sandbox, '*', keyPart(ns.toLowerCase()), identityHash(this.config.identitySalt, ns.toLowerCase(), id)]
    })
    // This container's memory goes too, whatever State answers: by key (any merge policy) and by profile.
    const prefix = `${this.entries.key(sandbox)}.`
    const suffixes = patterns.map((p) => `.${p[2]}.${p[3]}`)
    const profileId = cached?.view.customer.profileId
    this.memory.deleteWhere(
      (k, e) =>
        k.startsWith(prefix) &&
        (suffixes.some((x) => k.endsWith(x)) || (profileId !== undefined && e.view.customer.profileId === profileId))
    )
    const done = await Promise.all(patterns.map((p) => this.entries.deleteMatching(...p)))
    return done.every(Boolean) ? patterns.length : null
  }
}

/** The bytes an entry counts for in memory: its JSON, as State holds it. */
function bytesOf(entry: ViewEntry): number {
  return Buffer.byteLength(JSON.stringify(entry))
}
