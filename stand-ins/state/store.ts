/**
 * In-memory key-value containers with per-key expiry, the data model behind the State stand-in.
 * Expired keys are dropped lazily on access, so the clock is the only timer (tests inject one).
 */

export interface StateEntry {
  value: Buffer
  /** Epoch ms. */
  expiresAt: number
}

export interface ContainerStats {
  keys: number
  bytesKeys: number
  bytesValues: number
}

/** Persisted form: namespace → key → { value (base64), expiresAt }. */
export type StoreDump = Record<string, Record<string, { value: string; expiresAt: number }>>

export class StateStore {
  private readonly containers = new Map<string, Map<string, StateEntry>>()

  constructor(private readonly now: () => number = Date.now) {}

  get(ns: string, key: string): StateEntry | undefined {
    const c = this.containers.get(ns)
    const entry = c?.get(key)
    if (!c || !entry) return undefined
    if (entry.expiresAt <= this.now()) {
      c.delete(key)
      return undefined
    }
    return entry
  }

  put(ns: string, key: string, value: Buffer, ttlSeconds: number): StateEntry {
    let c = this.containers.get(ns)
    if (!c) {
      c = new Map()
      this.containers.set(ns, c)
    }
    const entry = { value, expiresAt: this.now() + ttlSeconds * 1000 }
    c.set(key, entry)
    return entry
  }

  delete(ns: string, key: string): boolean {
    const existed = this.get(ns, key) !== undefined
    this.containers.get(ns)?.delete(key)
    return existed
  }

  /** Live keys, sorted so list cursors stay stable between calls. */
  keys(ns: string): string[] {
    const c = this.containers.get(ns)
    if (!c) return []
    const t = this.now()
    for (const [k, e] of c) if (e.expiresAt <= t) c.delete(k)
    return [...c.keys()].sort()
  }

  stats(ns: string): ContainerStats {
    const keys = this.keys(ns)
    let bytesValues = 0
    for (const k of keys) bytesValues += this.containers.get(ns)?.get(k)?.value.length ?? 0
    return { keys: keys.length, bytesKeys: keys.reduce((n, k) => n + Buffer.byteLength(k), 0), bytesValues }
  }

  /** Deletes keys matching the glob (every key when undefined); returns how many went. */
  deleteMatching(ns: string, match: string | undefined): number {
    const re = match === undefined ? undefined : globToRegExp(match)
    let n = 0
    for (const k of this.keys(ns)) {
      if (re && !re.test(k)) continue
      this.containers.get(ns)?.delete(k)
      n += 1
    }
    return n
  }

  dump(): StoreDump {
    const out: StoreDump = {}
    for (const ns of this.containers.keys()) {
      const entries: StoreDump[string] = {}
      for (const k of this.keys(ns)) {
        const e = this.containers.get(ns)?.get(k)
        if (e) entries[k] = { value: e.value.toString('base64'), expiresAt: e.expiresAt }
      }
      out[ns] = entries
    }
    return out
  }

  load(dump: StoreDump): void {
    for (const [ns, entries] of Object.entries(dump)) {
      const c = new Map<string, StateEntry>()
      for (const [k, e] of Object.entries(entries))
        c.set(k, { value: Buffer.from(e.value, 'base64'), expiresAt: e.expiresAt })
      this.containers.set(ns, c)
    }
  }
}

/** State's match syntax: `*` is any run of characters, everything else is literal. */
export function globToRegExp(match: string): RegExp {
  const body = match
    .split('*')
    .map((s) => s.replace(/[.\\+?^${}()|[\]-]/g, '\\$&'))
    .join('.*')
  return new RegExp(`^${body}$`)
}
