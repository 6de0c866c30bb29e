/**
 * Customer views in aio-lib-state. A key names org, sandbox, merge policy, namespace and a salted
 * hash of the identity — never the raw e-mail or phone. After a miss the view is stored under the
 * identity that was looked up, and small pointer entries under the profile's other identities let
 * a lookup by another identity (phone after e-mail) hit the same view.
 *
 * Entries are kept `staleGrace` seconds past their freshness so that, when AEP fails, an expired
 * view can still be served (marked STALE) instead of an error.
 */

import type { NormalisedIdentity } from '../aep'
import type { Config } from '../config'
import { identityHash } from '../observability'
import type { CustomerView } from '../view'
import { isRecord, keyPart, orgKeyPart, StateNamespace } from './state-namespace'
import { MAX_VALUE_BYTES, type StateStore } from './state-store'

export interface CacheScope {
  sandbox: string
  mergePolicyId: string | null
}

interface ViewEntry {
  v: 1
  storedAt: number
  view: CustomerView
}
interface PointerEntry {
  v: 1
  ref: string
}
type Entry = ViewEntry | PointerEntry

export interface CachedView {
  view: CustomerView
  ageSeconds: number
  fresh: boolean
}

/** Identity namespaces worth a pointer entry: the ones agents and systems look customers up by. */
const POINTER_NAMESPACES = new Set(['email', 'phone', 'crmid', 'ecid', 'loyaltyid'])
const MAX_POINTERS = 12

const isEntry = (v: unknown): v is Entry =>
  isRecord(v) &&
  v.v === 1 &&
  (typeof v.ref === 'string' || (typeof v.storedAt === 'number' && isRecord(v.view) && isRecord(v.view.customer)))

export class ProfileCache {
  private readonly entries: StateNamespace<Entry>

  constructor(
    store: StateStore,
    private readonly config: Config,
    private readonly now: () => number = Date.now
  ) {
    const ttlSeconds = config.cache.profileTtlSeconds + config.cache.staleGraceSeconds
    this.entries = new StateNamespace(store, {
      prefix: ['cah1', orgKeyPart(config.aep.orgId)],
      ttlSeconds,
      guard: isEntry
    })
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

  /** The stored view for this identity (following one pointer), fresh or stale, or null. */
  async read(scope: CacheScope, identity: NormalisedIdentity): Promise<CachedView | null> {
    let entry = await this.entries.getKey(this.key(scope, identity.namespace, identity.id))
    if (entry && 'ref' in entry) entry = await this.entries.getKey(entry.ref)
    if (!entry || !('view' in entry)) return null
    const ageMs = Math.max(0, this.now() - entry.storedAt)
    return {
      view: entry.view,
      ageSeconds: Math.floor(ageMs / 1000),
      fresh: ageMs < this.config.cache.profileTtlSeconds * 1000
    }
  }

  /** Stores the view (trimming events to fit the State value limit) and pointers for its other identities. */
  async write(scope: CacheScope, identity: NormalisedIdentity, view: CustomerView): Promise<void> {
    if (this.config.cache.profileTtlSeconds <= 0) return
    const key = this.key(scope, identity.namespace, identity.id)
    const fitted = fit(view)
    if (!fitted) return
    const others = view.customer.identities
      .filter(
        (i) => POINTER_NAMESPACES.has(i.namespace) && !(i.namespace === identity.namespace && i.id === identity.id)
      )
      .slice(0, MAX_POINTERS)
    // One round trip, not two: a pointer that lands a moment before its view reads as a miss, never as wrong data.
    await Promise.all([
      this.entries.putKey(key, { v: 1, storedAt: this.now(), view: fitted } satisfies ViewEntry),
      ...others.map((i) =>
        this.entries.putKey(this.key(scope, i.namespace, i.id), { v: 1, ref: key } satisfies PointerEntry)
      )
    ])
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
    const done = await Promise.all(patterns.map((p) => this.entries.deleteMatching(...p)))
    return done.every(Boolean) ? patterns.length : null
  }
}

/** The view as stored: whole when it fits, else with its events halved until it does; null if nothing fits. */
export function fit(view: CustomerView): CustomerView | null {
  let current = view
  for (;;) {
    if (Buffer.byteLength(JSON.stringify({ v: 1, storedAt: 0, view: current })) <= MAX_VALUE_BYTES) return current
    const events = current.customer.events
    if (events.length === 0) return null
    current = {
      customer: { ...current.customer, events: events.slice(0, Math.floor(events.length / 2)) },
      meta: { ...current.meta, events: { ...current.meta.events, trimmed: true } }
    }
  }
}
