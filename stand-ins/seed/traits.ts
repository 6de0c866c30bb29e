/**
 * Profile attributes of customer i that are not identities: tenure, loyalty, scores, CLV, birth date
 * and address. One PRNG stream of its own, so events can use the scores without building a profile.
 */

import type { Core, Tier } from './identity'
import { UK_INWARD_LETTERS } from './places'
import { at, clamp, Rng, round2 } from './prng'
import type { XdmProfile } from './types'

export const DAY_MS = 86_400_000
export const YEAR_MS = 365 * DAY_MS

export type HomeAddress = NonNullable<XdmProfile['homeAddress']>

export interface Traits {
  /** Scores as the model outputs them; the profile omits them for some customers (scoresKnown). */
  churn: number
  engagement: number
  scoresKnown: boolean
  /** Midnight UTC of the first purchase date. */
  customerSinceMs: number
  /** Lifetime value in USD (drives audiences) and in the customer's currency (what the profile shows). */
  clvUsd: number
  clvLocal: number
  clvKnown: boolean
  points?: number
  loyaltyJoinMs?: number
  birthDate?: string
  address?: HomeAddress
  /** personalEmail.status of the first e-mail. */
  emailStatus: string
}

const STREAM_TRAITS = 0x7a175

export function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10)
}

export function startOfUtcDay(ms: number): number {
  return Math.floor(ms / DAY_MS) * DAY_MS
}

const TENURE_YEARS: Record<Tier | 'none', readonly [number, number]> = {
  none: [0.1, 9],
  bronze: [0.2, 8],
  silver: [0.8, 10],
  gold: [1.5, 12],
  platinum: [3, 14]
}

const CLV_USD: Record<Tier | 'none', readonly [number, number]> = {
  none: [60, 700],
  bronze: [150, 1400],
  silver: [600, 3200],
  gold: [2000, 8500],
  platinum: [6000, 26000]
}

const POINTS: Record<Tier, readonly [number, number]> = {
  bronze: [100, 4999],
  silver: [5000, 19999],
  gold: [20000, 49999],
  platinum: [50000, 149999]
}

function address(rng: Rng, core: Core): HomeAddress {
  const { country, city } = core
  const street = rng.pick(country.streets)
  const pi = Math.floor(rng.float() * city.postal.length)
  const postal = at(city.postal, pi)
  let street1: string
  let postalCode: string = postal
  switch (country.code) {
    case 'US': {
      const apt = rng.chance(0.25)
        ? `, Apt ${rng.int(1, 30)}${rng.chance(0.3) ? rng.pick(['A', 'B', 'C', 'D']) : ''}`
        : ''
      street1 = `${rng.int(1, 9899)} ${street}${apt}`
      break
    }
    case 'GB': {
      const flat = rng.chance(0.2) ? `Flat ${rng.int(1, 24)}, ` : ''
      street1 = `${flat}${rng.int(1, 240)} ${street}`
      postalCode = `${postal} ${rng.int(0, 9)}${rng.pick(UK_INWARD_LETTERS)}${rng.pick(UK_INWARD_LETTERS)}`
      break
    }
    case 'DE': {
      const letter = rng.chance(0.1) ? rng.pick(['a', 'b', 'c']) : ''
      street1 = `${street} ${rng.int(1, 140)}${letter}`
      break
    }
    case 'AU': {
      const unit = rng.chance(0.25) ? `${rng.int(1, 40)}/` : ''
      street1 = `${unit}${rng.int(1, 420)} ${street}`
      break
    }
    case 'TW': {
      // Taiwanese order: district, road, lane, number, floor (the city is its own field).
      const district = at(city.districts ?? [''], pi)
      const lane = rng.chance(0.2) ? `${rng.int(1, 300)}巷` : ''
      const floor = rng.chance(0.6) ? `${rng.int(2, 21)}樓` : ''
      street1 = `${district}${street}${lane}${rng.int(1, 350)}號${floor}`
      postalCode = `${postal}${String(rng.int(1, 99)).padStart(2, '0')}`
      break
    }
  }
  const out: HomeAddress = { street1, city: city.city }
  if (city.region !== undefined) out.stateProvince = city.region
  out.postalCode = postalCode
  out.country = country.name
  out.countryCode = country.code
  return out
}

/** Traits of a generic customer (Jane Doe's are fixed in jane.ts). */
export function traitsFor(seed: number, core: Core, nowMs: number): Traits {
  const rng = new Rng(seed, core.index, STREAM_TRAITS)
  const tierKey: Tier | 'none' = core.tier ?? 'none'
  const today = startOfUtcDay(nowMs)

  // Tenure: a few brand-new customers, otherwise skewed towards shorter tenures.
  let tenureDays: number
  if (rng.chance(0.05)) tenureDays = rng.int(14, 120)
  else {
    const [lo, hi] = TENURE_YEARS[tierKey]
    tenureDays = Math.round((lo + (hi - lo) * rng.float() ** 1.3) * 365)
  }
  tenureDays = Math.max(14, tenureDays)
  const customerSinceMs = today - tenureDays * DAY_MS

  // Scores: most customers are healthy, a long tail is at risk; loyal tiers churn less.
  const tierDamp: Record<Tier | 'none', number> = { none: 1.1, bronze: 1, silver: 0.9, gold: 0.75, platinum: 0.6 }
  let churn = (0.02 + 0.95 * rng.float() ** 2.2) * tierDamp[tierKey]
  if (tenureDays < 120) churn *= 0.8
  churn = round2(clamp(churn, 0.01, 0.99))
  const engagement = round2(clamp(0.9 - 0.7 * churn + 0.14 * rng.normal(), 0.02, 0.99))
  const scoresKnown = !rng.chance(0.04)

  // Lifetime value grows with tier and tenure; log-normal noise.
  const [clo, chi] = CLV_USD[tierKey]
  const tenureFactor = 0.55 + 0.45 * Math.min(tenureDays / (5 * 365), 1)
  const clvUsd = round2((clo + (chi - clo) * rng.float()) * tenureFactor * Math.exp(0.3 * rng.normal()))
  const clvLocal =
    core.country.currency === 'TWD' ? Math.round(clvUsd * core.country.usdRate) : round2(clvUsd * core.country.usdRate)
  const clvKnown = !rng.chance(0.04)

  const traits: Traits = {
    churn,
    engagement,
    scoresKnown,
    customerSinceMs,
    clvUsd,
    clvLocal,
    clvKnown,
    emailStatus: rng.weighted<string>([
      ['active', 96],
      ['incomplete', 2],
      ['blocked', 2]
    ])
  }

  if (core.tier !== undefined) {
    const [plo, phi] = POINTS[core.tier]
    traits.points = rng.int(plo, phi)
    traits.loyaltyJoinMs = customerSinceMs + rng.int(0, Math.min(tenureDays - 1, 730)) * DAY_MS
  }

  if (!rng.chance(0.06)) {
    const age = 18 + ((rng.float() + rng.float()) / 2) * 62
    traits.birthDate = isoDate(today - Math.round(age * 365.25 * DAY_MS))
  }

  if (!rng.chance(0.09)) traits.address = address(rng, core)
  return traits
}
