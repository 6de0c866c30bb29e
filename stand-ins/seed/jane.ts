/**
 * Jane Doe (customer 0): the hand-written demo customer. Her identities live in identity.ts; here are
 * her attributes, consents, her 24 events (relative to `now`) and her audience memberships, which
 * tell one story: a gold member whose headphones order is late, who has already called once about
 * it, who reads the shop's e-mails but said no to text messages.
 */
import { AUDIENCE, loyaltyCampaign, newsletterCampaign, productBySku, seasonalCampaign } from './catalog'
import { customerAiScores } from './computed'
import type { ConsentChoices } from './consents'
import { type Draft, type Line, pageByPath } from './events'
import { DAY_MS, startOfUtcDay, type Traits } from './traits'
import type { CustomerAiScores } from './types'

export const JANE_FACTS = {
  firstName: 'Jane',
  lastName: 'Doe',
  birthDate: '1986-07-19',
  customerSince: '2019-03-14',
  loyaltyJoinDate: '2019-06-02',
  loyaltyPoints: 28450,
  clv: { value: 4825.6, currency: 'USD' },
  churnPropensity: 0.22,
  engagementPropensity: 0.81,
  address: {
    street1: '1550 Valencia Street, Apt 4',
    city: 'San Francisco',
    stateProvince: 'CA',
    postalCode: '94110',
    country: 'United States',
    countryCode: 'US'
  },
  eventCount: 24,
  serviceLevel: 'priority',
  /** Marketing e-mail yes (since she became a customer), text messages no, app push yes. */
  consents: {
    share: 'n',
    personalize: 'y',
    preferred: 'email',
    email: { val: 'y', time: '2019-03-14T18:20:00.000Z' },
    sms: { val: 'n', time: '2021-09-02T10:05:00.000Z' },
    push: { val: 'y', time: '2023-05-20T08:12:00.000Z' }
  },
  /** Customer AI churn instance: she is scored, low risk. */
  customerAi: { probability: 0.19, percentile: 34 }
} as const

export function janeConsent(): ConsentChoices {
  const c = JANE_FACTS.consents
  const ms = (iso: string): number => Date.parse(iso)
  return {
    share: c.share,
    personalize: c.personalize,
    preferred: c.preferred,
    email: { val: c.email.val, timeMs: ms(c.email.time) },
    sms: { val: c.sms.val, timeMs: ms(c.sms.time) },
    push: { val: c.push.val, timeMs: ms(c.push.time) },
    timeMs: ms(c.push.time)
  }
}

export function janeCustomerAi(nowMs: number): CustomerAiScores {
  const { probability, percentile } = JANE_FACTS.customerAi
  return customerAiScores(probability, percentile, janeDrafts(nowMs), nowMs)
}

export function janeTraits(): Traits {
  return {
    churn: JANE_FACTS.churnPropensity,
    engagement: JANE_FACTS.engagementPropensity,
    scoresKnown: true,
    customerSinceMs: Date.parse(`${JANE_FACTS.customerSince}T00:00:00Z`),
    clvUsd: JANE_FACTS.clv.value,
    clvLocal: JANE_FACTS.clv.value,
    clvKnown: true,
    points: JANE_FACTS.loyaltyPoints,
    loyaltyJoinMs: Date.parse(`${JANE_FACTS.loyaltyJoinDate}T00:00:00Z`),
    birthDate: JANE_FACTS.birthDate,
    address: { ...JANE_FACTS.address },
    emailStatus: 'active'
  }
}

/** `days` before the start of `now`'s UTC day, at hh:mm UTC. */
function clock(nowMs: number, days: number, hh: number, mm: number): number {
  return startOfUtcDay(nowMs) - days * DAY_MS + (hh * 60 + mm) * 60_000
}

export function janeDrafts(nowMs: number): Draft[] {
  const T = (days: number, hh: number, mm: number): number => clock(nowMs, days, hh, mm)
  const seasonal = (t: number): string => seasonalCampaign(new Date(t), false)
  const product = (sku: string): { product: ReturnType<typeof productBySku> } => ({ product: productBySku(sku) })
  const headphonesOrder: Line[] = [
    { sku: 'ELE-AUD-8101', quantity: 1 },
    { sku: 'ELE-CHG-8230', quantity: 1 }
  ]
  const call = (t: number, reason: string, durationSeconds: number, outcome: string): Draft => ({
    kind: 'support',
    t,
    reason,
    durationSeconds,
    resolved: outcome === 'Resolved',
    outcome,
    device: 0
  })
  return [
    call(T(1, 16, 40), 'Delivery delay', 540, 'Escalated'),
    // A cart she left the day before she phoned (within the 48 h of the abandoned-cart hint).
    { kind: 'page', t: T(1, 14, 15), ref: { page: pageByPath('/cart') }, device: 0 },
    { kind: 'cartAdd', t: T(1, 14, 11), line: { sku: 'ACC-SCF-7210', quantity: 1 }, device: 0 },
    { kind: 'click', t: T(5, 8, 2), campaign: seasonal(T(5, 8, 2)), device: 1 },
    { kind: 'open', t: T(5, 7, 58), campaign: seasonal(T(5, 7, 58)), device: 1 },
    call(T(6, 14, 30), 'Order status', 320, 'Resolved'),
    { kind: 'purchase', t: T(9, 19, 45), channel: 'web', items: headphonesOrder, device: 0 },
    { kind: 'checkout', t: T(9, 19, 40), items: headphonesOrder, device: 0 },
    { kind: 'page', t: T(9, 19, 31), ref: product('ELE-AUD-8101'), device: 0 },
    {
      kind: 'purchase',
      t: T(12, 13, 5),
      channel: 'store',
      items: [
        { sku: 'APP-TEE-2210', quantity: 2 },
        { sku: 'HOM-KIT-9035', quantity: 1 }
      ],
      device: 0
    },
    { kind: 'open', t: T(18, 7, 30), campaign: newsletterCampaign(new Date(T(18, 7, 30))), device: 1 },
    { kind: 'purchase', t: T(24, 21, 10), channel: 'mobile', items: [{ sku: 'SPT-YOG-6021', quantity: 1 }], device: 1 },
    { kind: 'launch', t: T(24, 21, 2), device: 1 },
    { kind: 'open', t: T(33, 9, 15), campaign: loyaltyCampaign(new Date(T(33, 9, 15))), device: 0 },
    { kind: 'click', t: T(33, 9, 20), campaign: loyaltyCampaign(new Date(T(33, 9, 15))), device: 0 },
    call(T(47, 12, 0), 'Loyalty points question', 260, 'Resolved'),
    { kind: 'page', t: T(61, 18, 22), ref: product('APP-SWT-1042'), device: 0 },
    { kind: 'purchase', t: T(61, 18, 31), channel: 'web', items: [{ sku: 'APP-SWT-1042', quantity: 1 }], device: 0 },
    { kind: 'sent', t: T(90, 7, 45), campaign: seasonal(T(90, 7, 45)), device: 0 },
    { kind: 'open', t: T(120, 19, 5), campaign: seasonal(T(120, 19, 5)), device: 0 },
    { kind: 'click', t: T(120, 19, 9), campaign: seasonal(T(120, 19, 5)), device: 0 },
    { kind: 'purchase', t: T(150, 20, 30), channel: 'web', items: [{ sku: 'ACC-BAG-7402', quantity: 1 }], device: 0 },
    { kind: 'page', t: T(200, 12, 10), ref: { page: pageByPath('/stores') }, device: 0 },
    { kind: 'purchase', t: T(280, 15, 45), channel: 'store', items: [{ sku: 'ACC-SCF-7210', quantity: 1 }], device: 0 }
  ]
}

export function janeAudiences(
  nowMs: number
): Record<string, { status: 'realized' | 'exited'; lastQualificationTime: string }> {
  const iso = (days: number, hh: number, mm: number): string => new Date(clock(nowMs, days, hh, mm)).toISOString()
  return {
    [AUDIENCE.highValueLoyalists]: { status: 'realized', lastQualificationTime: iso(2, 6, 0) },
    [AUDIENCE.supportEscalations]: { status: 'realized', lastQualificationTime: iso(1, 17, 0) },
    [AUDIENCE.cartAbandoners]: { status: 'realized', lastQualificationTime: iso(1, 16, 15) },
    [AUDIENCE.newsletterEngaged]: { status: 'realized', lastQualificationTime: iso(5, 8, 13) },
    [AUDIENCE.recentStoreVisitors]: { status: 'realized', lastQualificationTime: iso(12, 13, 20) },
    [AUDIENCE.atRiskOfChurn]: { status: 'exited', lastQualificationTime: iso(140, 6, 0) }
  }
}
