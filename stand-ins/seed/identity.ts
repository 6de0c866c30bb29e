/**
 * The identity "core" of customer i: country, city, name and every identity. It is cheap (one small
 * PRNG stream, no events) because generateSeed runs it for every customer to build the lookup map.
 *
 * Uniqueness is by construction, not by luck: every identity embeds an affine permutation of the
 * customer index (a bijection), so two customers can never share an e-mail, phone, ECID or loyalty id.
 */

import {
  CHINESE_GIVEN_FEMALE,
  CHINESE_GIVEN_MALE,
  CHINESE_SURNAMES,
  type Culture,
  emailSafe,
  NAME_POOLS
} from './names'
import { type City, COUNTRIES, type Country } from './places'
import { affinePerm, at, hash32, Rng, type Weighted } from './prng'
import { JANE_DOE, type SeedIdentity } from './types'

/** Highest supported customer count (the identity permutations are sized for it). */
export const MAX_CUSTOMERS = 1_000_000

export type Tier = 'bronze' | 'silver' | 'gold' | 'platinum'

export interface Core {
  index: number
  country: Country
  city: City
  culture: Culture
  female: boolean
  firstName: string
  lastName: string
  fullName: string
  /** BCP 47; absent for some customers. */
  language?: string
  tier?: Tier
  /** Lower-case; first is the personal e-mail. May be empty. */
  emails: string[]
  /** E.164. */
  phone?: string
  /** 38-digit ECIDs, one per device (first is the main browser). */
  ecids: string[]
  crmid: string
  loyaltyId?: string
}

const STREAM_CORE = 0x0c07e

const PRIMARY_DOMAINS: Weighted<string> = [
  ['example.com', 40],
  ['example.net', 25],
  ['example.org', 15],
  ['mail.example', 20]
]
/** Second (work) addresses use domains no primary address uses, so the two sets cannot collide. */
const SECONDARY_DOMAINS = ['work.example', 'corp.example', 'office.example'] as const

const TIERS: Weighted<Tier | undefined> = [
  [undefined, 20],
  ['bronze', 35],
  ['silver', 25],
  ['gold', 14],
  ['platinum', 6]
]

/** US exchanges: 200–999 without N11 service codes and without 555 (Jane's 555-0123 stays unique). */
const US_EXCHANGES: readonly string[] = (() => {
  const out: string[] = []
  for (let e = 200; e <= 999; e++) {
    if (e === 555 || e % 100 === 11) continue
    out.push(String(e))
  }
  return out
})()
const US_LOCAL_SPACE = US_EXCHANGES.length * 10_000

const COUNTRY_TABLE: Weighted<Country> = COUNTRIES.map((c) => [c, c.weight] as const)
const CITY_TABLES = new Map<Country, Weighted<City>>(
  COUNTRIES.map((c) => [c, c.cities.map((x) => [x, x.weight] as const)])
)

function us(): Country {
  return at(COUNTRIES, 0)
}

function jane(seed: number): Core {
  const country = us()
  const city = at(country.cities, 0)
  const rng = new Rng(seed, 0, STREAM_CORE)
  return {
    index: 0,
    country,
    city,
    culture: 'anglo',
    female: true,
    firstName: 'Jane',
    lastName: 'Doe',
    fullName: 'Jane Doe',
    language: 'en-US',
    tier: JANE_DOE.loyaltyTier,
    emails: [JANE_DOE.email],
    phone: JANE_DOE.phone,
    ecids: [ecid(rng, seed, 0, 0), ecid(rng, seed, 0, 1)],
    crmid: JANE_DOE.crmid,
    loyaltyId: loyaltyId(seed, 0)
  }
}

export function crmid(index: number): string {
  return `CRM-${String(index + 1).padStart(6, '0')}`
}

function loyaltyId(seed: number, index: number): string {
  const n = affinePerm(index, 40_353_607, hash32(seed, 0x10a1), 100_000_000)
  return `77${String(n).padStart(8, '0')}`
}

/** 38 digits: 29 random + 9 from a permutation of (index, device), like the two 64-bit halves AEP prints. */
function ecid(rng: Rng, seed: number, index: number, device: number): string {
  const tail = affinePerm(index * 4 + device, 387_420_489, hash32(seed, 0xec1d), 1_000_000_000)
  return rng.digits(29, true) + String(tail).padStart(9, '0')
}

function phone(rng: Rng, seed: number, index: number, country: Country, city: City): string {
  if (country.code === 'US') {
    const area = rng.pick(city.areaCodes ?? ['415'])
    const k = affinePerm(index, 1_594_323, hash32(seed, 0x9b0e), US_LOCAL_SPACE)
    return `+1${area}${at(US_EXCHANGES, Math.floor(k / 10_000))}${String(k % 10_000).padStart(4, '0')}`
  }
  const prefix = rng.pick(country.mobilePrefixes ?? ['7'])
  const k = affinePerm(index, 14_348_907, hash32(seed, 0x9b0f), 100_000_000)
  return `${country.callingCode}${prefix}${String(k).padStart(8, '0')}`
}

function language(rng: Rng, country: Country, culture: Culture): string | undefined {
  if (rng.chance(0.03)) return undefined
  switch (country.code) {
    case 'TW':
      return rng.weighted([
        ['zh-TW', 55],
        ['zh-Hant-TW', 35],
        ['en-US', 10]
      ])
    case 'GB':
      return 'en-GB'
    case 'AU':
      return 'en-AU'
    case 'DE':
      return culture === 'turkish' && rng.chance(0.25) ? 'tr-DE' : 'de-DE'
    default:
      if (culture === 'hispanic') return rng.chance(0.35) ? 'es-US' : 'en-US'
      if (culture === 'chinese')
        return rng.weighted([
          ['zh-Hant-US', 45],
          ['zh-TW', 10],
          ['en-US', 45]
        ])
      return 'en-US'
  }
}

function localPart(rng: Rng, first: string, last: string, suffix: number): string {
  const f = emailSafe(first)
  const l = emailSafe(last)
  const n = String(suffix)
  switch (
    rng.weighted<number>([
      [0, 50],
      [1, 15],
      [2, 15],
      [3, 10],
      [4, 10]
    ])
  ) {
    case 0:
      return `${f}.${l}${n}`
    case 1:
      return `${f}${l}${n}`
    case 2:
      return `${f.slice(0, 1)}${l}${n}`
    case 3:
      return `${f}_${l}${n}`
    default:
      return `${l}.${f}${n}`
  }
}

/** Identity core of customer `index` (0 is always Jane Doe). */
export function coreFor(seed: number, index: number): Core {
  if (index === 0) return jane(seed)
  const rng = new Rng(seed, index, STREAM_CORE)
  const country = rng.weighted(COUNTRY_TABLE)
  const city = rng.weighted(CITY_TABLES.get(country) ?? [])
  const culture = rng.weighted(country.cultures)
  const female = rng.chance(0.52)

  let firstName: string
  let lastName: string
  let fullName: string
  let romanFirst: string
  let romanLast: string
  if (culture === 'chinese') {
    const sur = rng.pick(CHINESE_SURNAMES)
    const given = rng.pick(female ? CHINESE_GIVEN_FEMALE : CHINESE_GIVEN_MALE)
    firstName = given.han
    lastName = sur.han
    fullName = sur.han + given.han
    romanFirst = given.roman
    romanLast = sur.roman
  } else {
    const pool = NAME_POOLS[culture]
    firstName = rng.pick(female ? pool.female : pool.male)
    lastName = rng.pick(pool.last)
    fullName = `${firstName} ${lastName}`
    romanFirst = firstName
    romanLast = lastName
  }

  const lang = language(rng, country, culture)
  const tier = rng.weighted(TIERS)

  // The digits of every e-mail are a permutation of the index: unique without any bookkeeping.
  const suffix = affinePerm(index, 420_489, hash32(seed, 0xe1a1), MAX_CUSTOMERS)
  const emailCount = rng.weighted<number>([
    [0, 3],
    [1, 93],
    [2, 4]
  ])
  const emails: string[] = []
  if (emailCount >= 1) emails.push(`${localPart(rng, romanFirst, romanLast, suffix)}@${rng.weighted(PRIMARY_DOMAINS)}`)
  if (emailCount >= 2) {
    emails.push(`${emailSafe(romanFirst)}.${emailSafe(romanLast)}${suffix}@${rng.pick(SECONDARY_DOMAINS)}`)
  }

  const hasPhone = rng.chance(0.91)
  const phoneNumber = phone(rng, seed, index, country, city)

  const deviceCount = rng.weighted<number>([
    [1, 85],
    [2, 12],
    [3, 3]
  ])
  const ecids: string[] = []
  for (let d = 0; d < deviceCount; d++) ecids.push(ecid(rng, seed, index, d))

  const core: Core = {
    index,
    country,
    city,
    culture,
    female,
    firstName,
    lastName,
    fullName,
    emails,
    ecids,
    crmid: crmid(index)
  }
  if (lang !== undefined) core.language = lang
  if (tier !== undefined) {
    core.tier = tier
    core.loyaltyId = loyaltyId(seed, index)
  }
  if (hasPhone) core.phone = phoneNumber
  return core
}

/** All identities of a core, lower-case namespaces, most human-recognisable first. */
export function identitiesOf(core: Core): SeedIdentity[] {
  const out: SeedIdentity[] = []
  for (const e of core.emails) out.push({ namespace: 'email', id: e })
  if (core.phone !== undefined) out.push({ namespace: 'phone', id: core.phone })
  out.push({ namespace: 'crmid', id: core.crmid })
  if (core.loyaltyId !== undefined) out.push({ namespace: 'loyaltyid', id: core.loyaltyId })
  for (const e of core.ecids) out.push({ namespace: 'ecid', id: e })
  return out
}
