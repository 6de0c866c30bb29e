/**
 * Builds merged profiles the way AEP's identity graph and a timestamp-ordered merge policy would:
 * records that share an identity (across profiles AND events, transitively) are one customer; the
 * profile is the deep merge of its profile records in file order (a later record wins a leaf it
 * also sets; null never overwrites; arrays are leaves), and its identityMap lists every identity of
 * the cluster. Events whose identities reach no profile record form an events-only profile.
 */
import type { ExtraProfile } from '../aep/seed-overlay'
import type { IdentityMapEntry, SeedIdentity, XdmEvent, XdmProfile } from '../seed/types'
import type { FoundIdentity } from './identities'
import { isObj, type Obj } from './read'
import type { CheckedRecord } from './records'

/** Union-find over identity keys (`namespace in lower case` + NUL + id). */
class Graph {
  private readonly parent = new Map<string, string>()

  root(key: string): string {
    let root = key
    for (let up = this.parent.get(root); up !== undefined && up !== root; up = this.parent.get(root)) root = up
    if (!this.parent.has(root)) this.parent.set(root, root)
    // Path compression: everything on the way now points at the root.
    for (let k = key; k !== root; ) {
      const next = this.parent.get(k) ?? root
      this.parent.set(k, root)
      k = next
    }
    return root
  }

  link(keys: string[]): void {
    const [first, ...rest] = keys.map((k) => this.root(k))
    if (first === undefined) return
    for (const r of rest) if (r !== first) this.parent.set(r, first)
  }
}

interface Cluster {
  identities: Map<string, { namespace: string; id: string; flags?: FoundIdentity['flags'] }>
  profiles: Obj[]
  events: XdmEvent[]
}

const keyOf = (i: { namespace: string; id: string }): string => `${i.namespace.toLowerCase()}\u0000${i.id}`

/** Customers in the order their first record appears (profiles first, then events-only ones). */
export function mergeCustomers(
  profiles: Array<CheckedRecord<Obj>>,
  events: Array<CheckedRecord<XdmEvent>>
): ExtraProfile[] {
  const graph = new Graph()
  for (const r of [...profiles, ...events]) graph.link(r.identities.map(keyOf))
  // The namespace keeps the spelling it first has anywhere in the data.
  const spelling = new Map<string, string>()
  for (const r of [...profiles, ...events])
    for (const i of r.identities)
      if (!spelling.has(i.namespace.toLowerCase())) spelling.set(i.namespace.toLowerCase(), i.namespace)

  const clusters = new Map<string, Cluster>()
  const clusterOf = (r: CheckedRecord<unknown>, kind: 'profile' | 'event'): Cluster => {
    const root = graph.root(keyOf(r.identities[0] ?? { namespace: '', id: '' }))
    let c = clusters.get(root)
    if (!c) {
      c = { identities: new Map(), profiles: [], events: [] }
      clusters.set(root, c)
    }
    // primary / authenticatedState describe the profile's own identityMap; an event's say how that
    // event was sent, so they only count for a customer known from events alone.
    const flagsCount = kind === 'profile' || c.profiles.length === 0
    for (const i of r.identities) {
      const k = keyOf(i)
      const known = c.identities.get(k)
      const flags = flagsCount ? i.flags : undefined
      const namespace = spelling.get(i.namespace.toLowerCase()) ?? i.namespace
      if (!known) c.identities.set(k, { namespace, id: i.id, flags })
      else if (!known.flags && flags) known.flags = flags
    }
    return c
  }
  for (const r of profiles) clusterOf(r, 'profile').profiles.push(r.value)
  for (const r of events) clusterOf(r, 'event').events.push(r.value)
  return [...clusters.values()].map(toExtraProfile)
}

function toExtraProfile(c: Cluster): ExtraProfile {
  const merged: Obj = {}
  for (const p of c.profiles) {
    const { identityMap: _own, ...rest } = p
    mergeInto(merged, rest)
  }
  prune(merged)
  const identityMap: Record<string, IdentityMapEntry[]> = {}
  const identities: SeedIdentity[] = []
  for (const { namespace, id, flags } of c.identities.values()) {
    identities.push({ namespace, id })
    const list = identityMap[namespace] ?? []
    list.push({ id, ...flags })
    identityMap[namespace] = list
  }
  const profile: XdmProfile = { ...merged, identityMap }
  // Newest first, as the stand-in serves them; equal times keep file order.
  const events = c.events
    .map((e, k) => ({ e, k, t: Date.parse(e.timestamp) }))
    .sort((a, b) => b.t - a.t || a.k - b.k)
    .map((x) => x.e)
  return { identities, profile, events }
}

/** Deep merge, later wins per leaf; objects merge key by key, anything else (arrays too) replaces. */
function mergeInto(target: Obj, source: Obj): void {
  for (const [k, v] of Object.entries(source)) {
    if (v === null || v === undefined) continue
    if (isObj(v)) {
      const t = target[k]
      const into: Obj = isObj(t) ? t : {}
      mergeInto(into, v)
      target[k] = into
    } else target[k] = structuredClone(v)
  }
}

/** Removes objects left empty (a record of nulls leaves nothing, as in AEP). */
function prune(o: Obj): void {
  for (const [k, v] of Object.entries(o)) {
    if (!isObj(v)) continue
    prune(v)
    if (Object.keys(v).length === 0) delete o[k]
  }
}
