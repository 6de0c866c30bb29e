/**
 * Typed State entries. Each kind of entry (service token, customer view, identity pointer,
 * audience name, metadata catalogue) is one namespace that owns its key scheme, its TTL and a
 * shape guard: a value that does not pass the guard comes back as a miss, never as a typed lie.
 */
import type { PutOptions, StateStore } from './state-store'

/** A key part that is safe in a State key (`[a-zA-Z0-9-_.]`): anything else becomes `_`. */
export function keyPart(value: string): string {
  return value.replace(/[^a-zA-Z0-9_-]/g, '_')
}

/** The one way an org appears in a key: `1234ABCD@AdobeOrg` → `1234ABCD`. */
export function orgKeyPart(orgId: string): string {
  return orgId.replace(/@AdobeOrg$/, '').replace(/[^a-zA-Z0-9]/g, '')
}

export interface NamespaceSpec<T> {
  /** First key segments, e.g. ['cah1', 'aud', orgKeyPart(org)]. */
  prefix: readonly string[]
  /** Seconds an entry lives in State. */
  ttlSeconds: number
  /** Whether a parsed value is an entry of this kind. */
  guard: (value: unknown) => value is T
}

export class StateNamespace<T> {
  constructor(
    private readonly store: StateStore,
    private readonly spec: NamespaceSpec<T>
  ) {}

  /** The State key of the entry named by `parts` (each already key-safe). */
  key(...parts: string[]): string {
    return [...this.spec.prefix, ...parts].join('.')
  }

  /** The entry under an exact key (a pointer's target), or null on a miss, a failure or a wrong shape. */
  async getKey(key: string): Promise<T | null> {
    const value = await this.store.get(key)
    return this.spec.guard(value) ? value : null
  }

  get(...parts: string[]): Promise<T | null> {
    return this.getKey(this.key(...parts))
  }

  /** Stores the entry; false when it was too large or State failed. `ttlSeconds` overrides the kind's. */
  putKey(key: string, value: T, ttlSeconds = this.spec.ttlSeconds, options?: PutOptions): Promise<boolean> {
    return this.store.put(key, value, ttlSeconds, options)
  }

  deleteKey(key: string): Promise<boolean> {
    return this.store.delete(key)
  }

  /** Deletes every entry matching `pattern` (key parts, `*` as a wildcard part). */
  deleteMatching(...pattern: string[]): Promise<boolean> {
    return this.store.deleteMatching(this.key(...pattern))
  }
}

/** Guard helper: a plain object. */
export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}
