/**
 * One sandbox's seed with what streaming ingestion landed in it. An event joins the customer its
 * identityMap resolves to (the sandbox's own lookup, so identity-graph stitching applies), or an
 * events-only profile of its own, holding only its identityMap, as the `--data` loader makes one.
 * The Profile Store drops an event whose `_id` the dataset already holds
 * (help/collection/event-duplication.md).
 */
import type { IdentityMapEntry, Seed, SeedIdentity, XdmEvent } from '../seed/types'
import { xidFor } from './sandboxes'
import type { ExtraProfile } from './seed-overlay'

/** The events that landed per customer index, and the events-only profiles. */
export class SandboxLayer {
  private readonly own = new Map<number, XdmEvent[]>()
  private readonly ids = new Map<string, Set<string>>()
  private readonly extras: Array<ExtraProfile & { profileId: string }> = []
  private readonly byIdentity = new Map<string, number>()

  constructor(
    private readonly base: Seed,
    private readonly settle: () => void
  ) {}

  seed(): Seed {
    const { base } = this
    const extra = (i: number) => this.extras[i - base.size]
    const extrasCount = () => this.extras.length
    return {
      get size() {
        return base.size + extrasCount()
      },
      find: (ns, id) => {
        this.settle()
        return base.find(ns, id) ?? this.byIdentity.get(identityKey(ns, id))
      },
      profileId: (i) => extra(i)?.profileId ?? base.profileId(i),
      identities: (i) => extra(i)?.identities ?? base.identities(i),
      profile: (i) => extra(i)?.profile ?? base.profile(i),
      events: (i) => {
        this.settle()
        const from = i < base.size ? base.events(i) : []
        const own = this.own.get(i)
        return own ? newestFirst([...own, ...from]) : from
      },
      audiences: base.audiences,
      namespaces: base.namespaces
    }
  }

  /** Adds the event to its customer; false when the dataset already holds its `_id`. */
  land(datasetId: string, event: XdmEvent): boolean {
    const ids = this.ids.get(datasetId) ?? new Set<string>()
    this.ids.set(datasetId, ids)
    if (ids.has(event._id)) return false
    ids.add(event._id)
    const identities = identitiesOf(event)
    let index: number | undefined
    for (const i of identities) {
      index = this.base.find(i.namespace.toLowerCase(), i.id) ?? this.byIdentity.get(identityKey(i.namespace, i.id))
      if (index !== undefined) break
    }
    index ??= this.eventsOnlyProfile(identities)
    if (index >= this.base.size) this.link(index, identities)
    this.own.set(index, newestFirst([event, ...(this.own.get(index) ?? [])]))
    return true
  }

  clear(): void {
    this.own.clear()
    this.ids.clear()
  }

  /** A profile holding only its identityMap, as AEP shows a customer known from events alone. */
  private eventsOnlyProfile(identities: Array<SeedIdentity & { entry: IdentityMapEntry }>): number {
    const first = identities[0] ?? { namespace: 'ECID', id: 'unknown' }
    this.extras.push({ identities: [], profile: { identityMap: {} }, profileId: xidFor(first.namespace, first.id) })
    return this.base.size + this.extras.length - 1
  }

  /** Identity Service links every identity an event carries into the events-only profile's graph. */
  private link(index: number, identities: Array<SeedIdentity & { entry: IdentityMapEntry }>): void {
    const profile = this.extras[index - this.base.size]
    if (!profile) return
    for (const { namespace, id, entry } of identities) {
      const key = identityKey(namespace, id)
      if (this.byIdentity.has(key)) continue
      this.byIdentity.set(key, index)
      profile.identities.push({ namespace, id })
      const list = profile.profile.identityMap[namespace] ?? []
      list.push({ ...entry })
      profile.profile.identityMap[namespace] = list
    }
  }
}

/** The event's identities, the primary one first (it decides the profile in AEP). */
function identitiesOf(event: XdmEvent): Array<SeedIdentity & { entry: IdentityMapEntry }> {
  const all = Object.entries(event.identityMap ?? {}).flatMap(([namespace, list]) =>
    list.map((entry) => ({ namespace, id: entry.id, entry }))
  )
  return [...all.filter((i) => i.entry.primary === true), ...all.filter((i) => i.entry.primary !== true)]
}

/** Newest first; equal times keep the given order (a fresh event before older copies of that instant). */
function newestFirst(events: XdmEvent[]): XdmEvent[] {
  return events
    .map((e, k) => ({ e, k, t: Date.parse(e.timestamp) }))
    .sort((a, b) => b.t - a.t || a.k - b.k)
    .map((x) => x.e)
}

function identityKey(ns: string, id: string): string {
  return `${ns.toLowerCase()}\u0000${id}`
}
