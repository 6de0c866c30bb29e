/**
 * Audience names by id. Audiences are renamed rarely, so names are kept far longer than profiles
 * (AUDIENCE_CACHE_TTL_SECONDS): per container in memory, and in State so a new container does not
 * go back to AEP for them. Each unknown id is fetched once, however many lookups ask at once.
 */

import type { Logger } from '../observability'
import type { AepClient, CallOptions } from './aep-client'

const CONCURRENCY = 8
const MAX_KNOWN = 20_000

export interface Named {
  name: string | null
  at: number
}

/** Where names outlive the container (State); failures read as misses. */
export interface NameStore {
  get(sandbox: string, id: string): Promise<Named | null>
  put(sandbox: string, id: string, value: Named): Promise<void>
}

export class AudienceNames {
  private readonly known = new Map<string, Named>()
  private readonly pending = new Map<string, Promise<{ name: string | null; ok: boolean }>>()

  constructor(
    private readonly ttlMs: number,
    private readonly store?: NameStore,
    private readonly now: () => number = Date.now
  ) {}

  private fresh(n: Named | null | undefined): n is Named {
    return !!n && this.now() - n.at < this.ttlMs
  }

  /**
   * Names for `ids` in `sandbox`; an id AEP cannot name maps to null. `failed` counts the ids whose
   * name could not be loaded this time (their value is the last known name, or null).
   */
  async resolve(
    ids: string[],
    o: CallOptions,
    aep: AepClient,
    logger: Logger
  ): Promise<{ names: Map<string, string | null>; failed: number }> {
    const out = new Map<string, string | null>()
    let failed = 0
    const load = async (
      id: string,
      key: string,
      last: Named | undefined
    ): Promise<{ name: string | null; ok: boolean }> => {
      const stored = this.store ? await this.store.get(o.sandbox, id) : null
      if (this.fresh(stored)) {
        this.known.set(key, stored)
        return { name: stored.name, ok: true }
      }
      try {
        const named = { name: await aep.getAudienceName(id, o), at: this.now() }
        this.known.set(key, named)
        if (this.store) await this.store.put(o.sandbox, id, named)
        return { name: named.name, ok: true }
      } catch (e) {
        // A missing name must not cost the agent the whole view: show the id instead.
        logger.warn('audience name unavailable', { audienceId: id, error: e })
        return { name: last?.name ?? null, ok: false }
      }
    }
    const one = async (id: string): Promise<void> => {
      const key = `${o.sandbox}/${id}`
      const hit = this.known.get(key)
      if (this.fresh(hit)) {
        out.set(id, hit.name)
        return
      }
      let p = this.pending.get(key)
      if (!p) {
        p = load(id, key, hit).finally(() => this.pending.delete(key))
        this.pending.set(key, p)
      }
      const result = await p
      out.set(id, result.name)
      if (!result.ok) failed++
    }
    // A few at a time: a customer in 200 audiences must not fire 400 calls at AEP at once.
    const queue = [...ids]
    const worker = async (): Promise<void> => {
      for (let id = queue.shift(); id !== undefined; id = queue.shift()) await one(id)
    }
    await Promise.all(Array.from({ length: Math.min(CONCURRENCY, ids.length) }, worker))
    if (this.known.size > MAX_KNOWN) this.known.clear()
    return { names: out, failed }
  }
}
