/**
 * Adds hand-made customers on top of a generated Seed, e.g. a profile over the 50-identity
 * guardrail, which the generator never produces. Extras take the indexes after the base seed.
 */
import type { IdentityMapEntry, Seed, SeedIdentity, XdmEvent, XdmProfile } from '../seed/types'
import { xidFor } from './sandboxes'

export interface ExtraProfile {
  identities: SeedIdentity[]
  profile: XdmProfile
  /** Newest first. */
  events?: XdmEvent[]
  /** Merged profile id; derived from the first identity when omitted. */
  profileId?: string
}

export function withExtraProfiles(base: Seed, extras: readonly ExtraProfile[]): Seed {
  if (extras.length === 0) return base
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
    audiences: base.audiences,
    namespaces: base.namespaces
  }
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
