/**
 * Normalises AEP's merged profile into the customer an agent sees. AEP data is untrusted: every
 * field is type-checked, strings are bounded, and a missing field is null, never a crash.
 */

import { type AepProfileEntity, isObject, type Json, str } from '../aep'
import type { ViewMapping } from '../mapping'
import { readConsents, readPath } from '../xdm'
import { readInsights } from './insights'
import { mappedAttributesOf } from './mapped-attributes'
import { type ProfileFields, profileFieldsOf } from './profile-fields'
import { SECTIONS, type Section } from './sections'
import { printable } from './text'
import type { Address, Attributes, Audience, Customer, CustomerEvent, Identity } from './view-types'

/** AEP excludes larger graphs from lookups; we never show more than this either. */
const MAX_IDENTITIES = 50
const MAX_AUDIENCES = 200

const text = (v: unknown, max = 200): string | null => printable(v, max)

function identitiesOf(entity: Json): Identity[] {
  const out: Identity[] = []
  const map = isObject(entity.identityMap) ? entity.identityMap : {}
  for (const [ns, entries] of Object.entries(map)) {
    if (!Array.isArray(entries)) continue
    for (const e of entries) {
      const id = isObject(e) ? text(e.id, 256) : null
      if (id)
        out.push({
          namespace: ns.toLowerCase().slice(0, 64),
          id,
          primary: isObject(e) && (e.primary === true || e.primary === 'true')
        })
    }
  }
  // Older profiles list identities as an array (`identities[{id, namespace:{code}}]`).
  if (out.length === 0 && Array.isArray(entity.identities)) {
    for (const e of entity.identities) {
      const id = isObject(e) ? text(e.id, 256) : null
      const ns = isObject(e) && isObject(e.namespace) ? text(e.namespace.code, 64) : null
      if (id && ns)
        out.push({
          namespace: ns.toLowerCase(),
          id,
          primary: isObject(e) && (e.primary === true || e.primary === 'true')
        })
    }
  }
  return out.slice(0, MAX_IDENTITIES)
}

function addressOf(entity: Json): Address | null {
  const a = entity.homeAddress
  if (!isObject(a)) return null
  const address: Address = {
    street: text(a.street1),
    city: text(a.city),
    region: text(a.stateProvince) ?? text(a.region),
    postalCode: text(a.postalCode, 20),
    country: text(a.countryCode, 3) ?? text(a.country, 60)
  }
  return Object.values(address).some((v) => v !== null) ? address : null
}

function isoDate(v: unknown): string | null {
  const s = str(v)
  if (!s) return null
  const ms = Date.parse(s)
  return Number.isFinite(ms) ? new Date(ms).toISOString().slice(0, 10) : null
}

function attributesOf(entity: Json): Attributes {
  const loyalty = isObject(entity.loyalty) ? entity.loyalty : {}
  const points = loyalty.points
  const tenantSince = Object.entries(entity).find(
    ([k, v]) => k.startsWith('_') && isObject(v) && typeof v.customerSince === 'string'
  )?.[1]
  return {
    loyaltyTier: text(loyalty.tier, 40),
    loyaltyPoints: typeof points === 'number' && Number.isFinite(points) ? points : null,
    customerSince: isoDate(isObject(tenantSince) ? tenantSince.customerSince : undefined) ?? isoDate(loyalty.joinDate),
    preferredLanguage: text(entity.preferredLanguage, 35) ?? text(readPath(entity, 'person.preferredLanguage'), 35),
    birthDate: isoDate(readPath(entity, 'person.birthDate'))
  }
}

/** Audience ids and statuses from segmentMembership; names are filled in by the caller. */
export function membershipsOf(entity: Json): Array<Omit<Audience, 'name'>> {
  const ups = readPath(entity, 'segmentMembership.ups')
  if (!isObject(ups)) return []
  const out: Array<Omit<Audience, 'name'>> = []
  for (const [id, m] of Object.entries(ups)) {
    if (!isObject(m) || !/^[A-Za-z0-9_-]{1,80}$/.test(id)) continue
    const status =
      m.status === 'exited' ? 'exited' : m.status === 'realized' || m.status === 'existing' ? 'realized' : null
    if (!status) continue
    const since = str(m.lastQualificationTime)
    out.push({ id, status, since: since && Number.isFinite(Date.parse(since)) ? new Date(since).toISOString() : null })
  }
  // Current memberships first, then the most recent change.
  return out
    .sort((a, b) =>
      a.status === b.status ? (b.since ?? '').localeCompare(a.since ?? '') : a.status === 'realized' ? -1 : 1
    )
    .slice(0, MAX_AUDIENCES)
}

export function buildCustomer(
  profile: AepProfileEntity,
  events: CustomerEvent[],
  audienceNames: ReadonlyMap<string, string | null>,
  mapping: ViewMapping,
  fields: ProfileFields = profileFieldsOf(profile.entity)
): Customer {
  const e = profile.entity
  const first = text(readPath(e, 'person.name.firstName'), 100)
  const last = text(readPath(e, 'person.name.lastName'), 100)
  const full = text(readPath(e, 'person.name.fullName'), 200) ?? ([first, last].filter(Boolean).join(' ') || null)
  return {
    profileId: text(profile.entityId, 128) ?? '',
    identities: identitiesOf(e),
    name: { first, last, full },
    contact: {
      email: text(readPath(e, 'personalEmail.address'), 254) ?? text(readPath(e, 'workEmail.address'), 254),
      phone: text(readPath(e, 'mobilePhone.number'), 32) ?? text(readPath(e, 'homePhone.number'), 32),
      address: addressOf(e)
    },
    attributes: attributesOf(e),
    mappedAttributes: mappedAttributesOf(e, mapping),
    consents: readConsents(e),
    insights: readInsights(e, mapping),
    audiences: membershipsOf(e).map((m) => ({ ...m, name: audienceNames.get(m.id) ?? null })),
    events,
    allAttributes: fields.fields
  }
}

/** Only the sections a caller asked for (`fields` / `include`), plus the profile id. */
export function projectCustomer(
  customer: Customer,
  sections: ReadonlySet<Section>
): Partial<Customer> & { profileId: string } {
  if (SECTIONS.every((s) => sections.has(s))) return customer
  const out: Partial<Customer> & { profileId: string } = { profileId: customer.profileId }
  for (const s of sections) Object.assign(out, { [s]: customer[s] })
  return out
}
