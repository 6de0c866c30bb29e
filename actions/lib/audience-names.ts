/**
 * Audience names by id. Audiences are renamed rarely, so names are kept per container far longer
 * than profiles (AUDIENCE_CACHE_TTL_SECONDS) and each unknown id is fetched once, however many
 * lookups ask for it at the same moment.
 */
import type { AepClient, CallOptions } from './aep-client'
import type { Logger } from './logger'

interface Named {
  name: string | null
  at: number
}

export class AudienceNames {
  private readonly known = new Map<string, Named>()
  private readonly pending = new Map<string, Promise<string | null>>()

  constructor(private readonly ttlMs: number, private readonly now: () => number = Date.now) {}

  /** Names for `ids` in `sandbox`; an id AEP cannot name (or that failed to load) maps to null. */
  async resolve(ids: string[], o: CallOptions, aep: AepClient, logger: Logger): Promise<Map<string, string | null>> {
    const out = new Map<string, string | null>()
    await Promise.all(ids.map(async (id) => {
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
            return hit?.name ?? null
          })
          .finally(() => this.pending.delete(key))
        this.pending.set(key, p)
      }
      out.set(id, await p)
    }))
    return out
  }

  /** Seeds names (e.g. from the State store) without a call to AEP. */
  remember(sandbox: string, names: Record<string, string | null>, at: number): void {
    for (const [id, name] of Object.entries(names)) this.known.set(`${sandbox}/${id}`, { name, at })
  }

  clear(): void {
    this.known.clear()
  }
}
