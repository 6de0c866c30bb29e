/**
 * XDM profile of customer i, assembled from its identity core, traits and (for audience membership)
 * its planned events, so an agent who sees "Recent store visitors" also finds the store purchase.
 */

import { AUDIENCE, LOYALTY_PROGRAM, NS_CODE, serviceLevelOf } from './catalog'
import { CUSTOMER_AI_INSTANCE } from './computed'
import { type ConsentChoices, consentsXdm } from './consents'
import type { Draft } from './events'
import type { Core } from './identity'
import { Rng } from './prng'
import { DAY_MS, isoDate, type Traits } from './traits'
import type { CustomerAiScores, IdentityMapEntry, XdmProfile } from './types'

type Membership = { status: 'realized' | 'exited'; lastQualificationTime: string }

/** At most this many audiences per profile. */
export const MAX_AUDIENCES = 6

const STREAM_AUDIENCES = 0xa0d1e

export function identityMapOf(core: Core): Record<string, IdentityMapEntry[]> {
  const map: Record<string, IdentityMapEntry[]> = {}
  if (core.emails.length > 0) {
    map[NS_CODE.email] = core.emails.map((id) => ({ id, primary: false, authenticatedState: 'authenticated' as const }))
  }
  if (core.phone !== undefined)
    map[NS_CODE.phone] = [{ id: core.phone, primary: false, authenticatedState: 'authenticated' }]
  map[NS_CODE.ecid] = core.ecids.map((id) => ({ id, primary: false, authenticatedState: 'ambiguous' as const }))
  map[NS_CODE.crmid] = [{ id: core.crmid, primary: true, authenticatedState: 'authenticated' }]
  if (core.loyaltyId !== undefined) {
    map[NS_CODE.loyaltyid] = [{ id: core.loyaltyId, primary: false, authenticatedState: 'authenticated' }]
  }
  return map
}

function latest(drafts: readonly Draft[], pred: (d: Draft) => boolean): number | undefined {
  let best: number | undefined
  for (const d of drafts) if (pred(d) && (best === undefined || d.t > best)) best = d.t
  return best
}

function earliest(drafts: readonly Draft[], pred: (d: Draft) => boolean): number | undefined {
  let best: number | undefined
  for (const d of drafts) if (pred(d) && (best === undefined || d.t < best)) best = d.t
  return best
}

/**
 * Audience membership by rules close to what the audience descriptions say, evaluated at `nowMs`.
 * Returned in priority order; the caller keeps the first {@link MAX_AUDIENCES}.
 */
export function audiencesFor(
  seed: number,
  core: Core,
  traits: Traits,
  drafts: readonly Draft[],
  nowMs: number
): Array<[string, Membership]> {
  const rng = new Rng(seed, core.index, STREAM_AUDIENCES)
  const out: Array<[string, Membership]> = []
  const daysAgo = (t: number): number => (nowMs - t) / DAY_MS
  const at = (t: number): string => new Date(Math.min(t, nowMs - 60_000)).toISOString()
  const batch = (minDays: number, maxDays: number): number =>
    Math.floor(nowMs / DAY_MS) * DAY_MS - rng.int(minDays, maxDays) * DAY_MS + rng.int(5, 7) * 3_600_000
  const add = (id: string, status: Membership['status'], t: number): void => {
    out.push([id, { status, lastQualificationTime: at(t) }])
  }
  const tenureDays = daysAgo(traits.customerSinceMs)

  if (core.tier === 'platinum') add(AUDIENCE.platinumConcierge, 'realized', batch(1, 60))

  if ((core.tier === 'gold' || core.tier === 'platinum') && traits.clvUsd >= 2500) {
    add(AUDIENCE.highValueLoyalists, 'realized', batch(1, 30))
  } else if (
    (core.tier === 'gold' || core.tier === 'platinum' || core.tier === 'silver') &&
    traits.clvUsd >= 1800 &&
    rng.chance(0.5)
  ) {
    add(AUDIENCE.highValueLoyalists, 'exited', batch(30, 200))
  }

  if (traits.churn >= 0.7) add(AUDIENCE.atRiskOfChurn, 'realized', batch(1, 20))
  else if (traits.churn >= 0.45 && rng.chance(0.4)) add(AUDIENCE.atRiskOfChurn, 'exited', batch(20, 200))

  const unresolved = latest(drafts, (d) => d.kind === 'support' && !d.resolved)
  if (unresolved !== undefined) {
    if (daysAgo(unresolved) <= 30) add(AUDIENCE.supportEscalations, 'realized', unresolved + 1_800_000)
    else if (daysAgo(unresolved) <= 90) add(AUDIENCE.supportEscalations, 'exited', unresolved + 30 * DAY_MS)
  }

  const cart = latest(drafts, (d) => d.kind === 'page' && d.ref.page?.path === '/cart')
  if (cart !== undefined && daysAgo(cart) <= 60) {
    const bought = earliest(drafts, (d) => d.kind === 'purchase' && d.t > cart)
    if (bought !== undefined) add(AUDIENCE.cartAbandoners, 'exited', bought)
    else if (daysAgo(cart) <= 7) add(AUDIENCE.cartAbandoners, 'realized', cart + 7_200_000)
    else add(AUDIENCE.cartAbandoners, 'exited', cart + 7 * DAY_MS)
  }

  const engaged = latest(drafts, (d) => d.kind === 'open' || d.kind === 'click')
  if (engaged !== undefined) {
    if (daysAgo(engaged) <= 30) add(AUDIENCE.newsletterEngaged, 'realized', engaged + 900_000)
    else if (daysAgo(engaged) <= 180) add(AUDIENCE.newsletterEngaged, 'exited', engaged + 30 * DAY_MS)
  }

  const store = latest(drafts, (d) => d.kind === 'purchase' && d.channel === 'store')
  if (store !== undefined) {
    if (daysAgo(store) <= 30) add(AUDIENCE.recentStoreVisitors, 'realized', store + 900_000)
    else if (daysAgo(store) <= 120) add(AUDIENCE.recentStoreVisitors, 'exited', store + 30 * DAY_MS)
  }

  if (core.language?.startsWith('zh') === true && core.city.city === '臺北市' && traits.address !== undefined) {
    add(AUDIENCE.zhHantTaipei, 'realized', Math.max(traits.customerSinceMs, batch(1, 365)))
  }

  if (tenureDays <= 90) add(AUDIENCE.newCustomers, 'realized', traits.customerSinceMs + 6 * 3_600_000)
  else if (tenureDays <= 180) add(AUDIENCE.newCustomers, 'exited', traits.customerSinceMs + 90 * DAY_MS)

  if (tenureDays > 180) {
    const lastBuy = latest(drafts, (d) => d.kind === 'purchase')
    if (lastBuy === undefined || daysAgo(lastBuy) > 180) {
      add(AUDIENCE.lapsedPurchasers, 'realized', lastBuy !== undefined ? lastBuy + 180 * DAY_MS : batch(1, 90))
    }
  }

  const mobile = earliest(drafts, (d) => d.kind === 'purchase' && d.channel === 'mobile')
  if (mobile !== undefined) add(AUDIENCE.mobileAppUsers, 'realized', mobile + 900_000)

  const click = latest(drafts, (d) => d.kind === 'click')
  if (click !== undefined && daysAgo(click) <= 90) add(AUDIENCE.emailPromoResponders, 'realized', click + 600_000)

  return out
}

/** What AEP and the org's consent platform add to the profile besides its own attributes. */
export interface ProfileExtras {
  consent?: ConsentChoices
  computed?: NonNullable<XdmProfile['_demotenant']>['SystemComputedAttributes']
  customerAi?: CustomerAiScores
}

export function buildProfile(
  core: Core,
  traits: Traits,
  audiences: ReadonlyArray<readonly [string, Membership]>,
  extras: ProfileExtras = {}
): XdmProfile {
  const profile: XdmProfile = {
    identityMap: identityMapOf(core),
    person: {
      name: { firstName: core.firstName, lastName: core.lastName, fullName: core.fullName },
      ...(traits.birthDate !== undefined ? { birthDate: traits.birthDate } : {})
    }
  }
  const [personal, work] = core.emails
  if (personal !== undefined) profile.personalEmail = { address: personal, primary: true, status: traits.emailStatus }
  if (work !== undefined) profile.workEmail = { address: work, primary: false, status: 'active' }
  if (core.phone !== undefined) profile.mobilePhone = { number: core.phone, primary: true, status: 'active' }
  if (traits.address !== undefined) profile.homeAddress = { ...traits.address }
  if (core.language !== undefined) profile.preferredLanguage = core.language
  if (core.tier !== undefined) {
    profile.loyalty = {
      program: LOYALTY_PROGRAM,
      tier: core.tier,
      ...(traits.points !== undefined ? { points: traits.points } : {}),
      ...(traits.loyaltyJoinMs !== undefined ? { joinDate: isoDate(traits.loyaltyJoinMs) } : {}),
      status: 'active'
    }
  }
  if (audiences.length > 0) {
    const ups: Record<string, Membership> = {}
    for (const [id, m] of audiences.slice(0, MAX_AUDIENCES)) ups[id] = { ...m }
    profile.segmentMembership = { ups }
  }
  if (extras.consent) profile.consents = consentsXdm(extras.consent)
  profile._demotenant = {
    customerSince: isoDate(traits.customerSinceMs),
    serviceLevel: serviceLevelOf(core.tier),
    ...(traits.clvKnown ? { clv: { value: traits.clvLocal, currency: core.country.currency } } : {}),
    ...(traits.scoresKnown
      ? { scores: { churnPropensity: traits.churn, engagementPropensity: traits.engagement } }
      : {}),
    ...(extras.computed ? { SystemComputedAttributes: extras.computed } : {}),
    ...(extras.customerAi ? { CustomerAI: { [CUSTOMER_AI_INSTANCE]: extras.customerAi } } : {})
  }
  return profile
}
