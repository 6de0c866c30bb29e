/**
 * Adds hand-made customers on top of a Seed: a profile over the 50-identity guardrail, which the
 * generator never produces, or the customers of a `--data` folder (stand-ins/data) together with
 * their audiences and custom identity namespaces. Extras take the indexes after the base seed, and
 * an identity an extra owns is found before the base seed's.
 */
import type {
  AudienceDefinition,
  IdentityMapEntry,
  NamespaceDefinition,
  Seed,
  SeedIdentity,
  XdmEvent,
  XdmProfile
} from '../seed/types'
import { xidFor } from './sandboxes'

export interface ExtraProfile {
  identities: SeedIdentity[]
  profile: XdmProfile
  /** Newest first. */
  events?: XdmEvent[]
  /** Merged profile id; derived from the first identity when omitted. */
  profileId?: string
}

export interface SeedOverlay {
  profiles?: readonly ExtraProfile[]
  /** Served by the audience endpoints; an id the base seed has too is replaced. */
  audiences?: readonly AudienceDefinition[]
  /** Listed by the Identity Service route and accepted by lookups; a code the base knows is skipped. */
  namespaces?: readonly NamespaceDefinition[]
}

export function withExtraProfiles(base: Seed, extras: readonly ExtraProfile[]): Seed {
  return withOverlay(base, { profiles: extras })
}

/** The base seed plus the overlay's customers, audiences and namespaces (the base is not changed). */
export function withOverlay(base: Seed, overlay: SeedOverlay): Seed {
  const extras = overlay.profiles ?? []
  const audiences = mergeAudiences(base.audiences, overlay.audiences ?? [])
  const namespaces = mergeNamespaces(base.namespaces, overlay.namespaces ?? [])
  if (extras.length === 0 && audiences === base.audiences && namespaces === base.namespaces) return base
  const byIdentity = new Map<string, number>()
  extras.forEach((e, k) => {
    for (const i of e.identities) byIdentity.set(identityKey(i.namespace, i.id), base.size + k)
  })
  const extra = (i: number): ExtraProfile | undefined => extras[i - base.size]
  return {
    size: base.size + extras.length,
    find: (ns, id) => byIdentity.get(identityKey(ns, id)) ?? base.find(ns, id),
    profileId: (i) => {
      const e = extra(i)
      if (!e) return base.profileId(i)
      const first = e.identities[0]
      return e.profileId ?? (first ? xidFor(first.namespace, first.id) : `extra-${i}`)
    },
    identities: (i) => extra(i)?.identities ?? base.identities(i),
    profile: (i) => extra(i)?.profile ?? base.profile(i),
    events: (i) => {
      const e = extra(i)
      return e ? (e.events ?? []) : base.events(i)
    },
    audiences,
    namespaces
  }
}

function mergeAudiences(base: AudienceDefinition[], added: readonly AudienceDefinition[]): AudienceDefinition[] {
  if (added.length === 0) return base
  const ids = new Set(added.map((a) => a.id))
  return [...base.filter((a) => !ids.has(a.id)), ...added]
}

function mergeNamespaces(base: NamespaceDefinition[], added: readonly NamespaceDefinition[]): NamespaceDefinition[] {
  const known = new Set(base.map((n) => n.code.toLowerCase()))
  const fresh = added.filter((n) => !known.has(n.code.toLowerCase()))
  return fresh.length === 0 ? base : [...base, ...fresh]
}

/** A customer with `ecids` extra ECIDs besides the email: over 50 in total trips the guardrail. */
export function guardrailProfile(email: string, ecids: number): ExtraProfile {
  const identities: SeedIdentity[] = [{ namespace: 'email', id: email }]
  for (let k = 0; k < ecids; k++)
    identities.push({ namespace: 'ecid', id: String(90000000000000000000000000000000000000n + BigInt(k)) })
  const identityMap: Record<string, IdentityMapEntry[]> = {}
  // identityMap is keyed by the AEP namespace code, as in generated profiles.
  for (const i of identities) {
    const code = i.namespace === 'email' ? 'Email' : 'ECID'
    const entries = identityMap[code] ?? []
    entries.push({ id: i.id, primary: i.namespace === 'email' })
    identityMap[code] = entries
  }
  return {
    identities,
    profile: {
      identityMap,
      person: { name: { firstName: 'Guardrail', lastName: 'Demo', fullName: 'Guardrail Demo' } },
      personalEmail: { address: email }
    }
  }
}

function identityKey(ns: string, id: string): string {
  return `${ns.toLowerCase()}\u0000${id}`
}
