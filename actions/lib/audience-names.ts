/**
 * Audience names by id. Audiences are renamed rarely, so names are kept per container far longer
 * than profiles (AUDIENCE_CACHE_TTL_SECONDS) and each unknown id is fetched once, however many
 * lookups ask for it at the same moment.
 */
import type { AepClient, CallOptions } from './aep-client'
import type { Logger } from './logger'

const CONCURRENCY = 8
const MAX_KNOWN = 20_000

interface Named {
  name: string | null
  at: number
}

export class AudienceNames {
  private readonly known = new Map<string, Named>()
  private readonly pending = new Map<string, Promise<string | null>>()

  constructor(private readonly ttlMs: number, private readonly now: () => number = Date.now) {}

  /**
   * Names for `ids` in `sandbox`; an id AEP cannot name maps to null. `failed` counts the ids whose
   * name could not be loaded this time (their value is the last known name, or null).
   */
  async resolve(ids: string[], o: CallOptions, aep: AepClient, logger: Logger): Promise<{ names: Map<string, string | null>; failed: number }> {
    const out = new Map<string, string | null>()
    let failed = 0
    // A few at a time: a customer in 200 audiences must not fire 400 calls at AEP at once.
    const queue = [...ids]
    const worker = async (): Promise<void> => {
      for (let id = queue.shift(); id !== undefined; id = queue.shift()) await one(id)
    }
    const one = async (id: string): Promise<void> => {
      const key = `${o.sandbox}/${id}`
      const hit = this.known.get(key)
      if (hit && this.now() - hit.at < this.ttlMs) {
        out.set(id, hit.name)
        return
      }
      let p = this.pending.get(key)
      if (!p) {
        p = aep.getAudienceName(id, o)
          .then((name) => {
            this.known.set(key, { name, at: this.now() })
            return name
          })
          .catch((e: unknown) => {
            // A missing name must not cost the agent the whole view: show the id instead.
            logger.warn('audience name unavailable', { audienceId: id, error: e })
            failed++
            return hit?.name ?? null
          })
          .finally(() => this.pending.delete(key))
        this.pending.set(key, p)
      }
      out.set(id, await p)
    }
    await Promise.all(Array.from({ length: Math.min(CONCURRENCY, ids.length) }, worker))
    if (this.known.size > MAX_KNOWN) this.known.clear()
    return { names: out, failed }
  }

  /** Seeds names (e.g. from the State store) without a call to AEP. */
  remember(sandbox: string, names: Record<string, string | null>, at: number): void {
    for (const [id, name] of Object.entries(names)) this.known.set(`${sandbox}/${id}`, { name, at })
  }

  clear(): void {
    this.known.clear()
  }
}
