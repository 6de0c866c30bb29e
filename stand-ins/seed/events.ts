/**
 * Experience events of customer i, planned as compact drafts (the profile also reads them, for
 * audience membership and computed attributes); xdm-events.ts turns them into XDM ExperienceEvents.
 */

import {
  loyaltyCampaign,
  newsletterCampaign,
  PAGE_TABLE,
  PAGES,
  PRODUCT_PAGE_SHARE,
  PRODUCT_TABLE,
  type Product,
  SUPPORT_REASONS,
  seasonalCampaign,
  UNRESOLVED_OUTCOMES,
  type WebPage
} from './catalog'
import { type ConsentChoices, emailAllowed } from './consents'
import type { Core } from './identity'
import { clamp, hash32, mix32, Rng } from './prng'
import { type Traits, YEAR_MS } from './traits'

export type PurchaseChannel = 'web' | 'mobile' | 'store'

export interface PageRef {
  page?: WebPage
  product?: Product
}

export interface Line {
  sku: string
  quantity: number
}

export type Draft =
  /** A page view, or (with `ref.product`) a product view. */
  | { kind: 'page'; t: number; ref: PageRef; device: number }
  | { kind: 'cartAdd'; t: number; line: Line; device: number }
  | { kind: 'checkout'; t: number; items: readonly Line[]; device: number }
  /** AJO e-mail: tracked opens and clicks, and delivery feedback (sent, bounce). */
  | { kind: 'open' | 'click' | 'sent' | 'bounce'; t: number; campaign: string; device: number }
  | { kind: 'purchase'; t: number; channel: PurchaseChannel; items: readonly Line[]; device: number }
  | { kind: 'launch'; t: number; device: number }
  | { kind: 'close'; t: number; device: number; sessionSeconds: number }
  | {
      kind: 'support'
      t: number
      reason: string
      durationSeconds: number
      resolved: boolean
      /** Resolved, Escalated, Callback scheduled. */
      outcome: string
      device: number
    }

export interface EventContext {
  seed: number
  core: Core
  traits: Traits
  /** Absent when the customer's consent was never recorded. */
  consent?: ConsentChoices
  nowMs: number
}

const STREAM_EVENTS = 0xe7e47
/** Events per customer are numbered below this (the id scheme packs index·4096 + n into 32 bits). */
const MAX_EVENTS = 4096
/** AJO suppresses an address after a hard bounce or two. */
const MAX_BOUNCES = 2

export const EVENT_TYPE = {
  page: 'web.webpagedetails.pageViews',
  productView: 'commerce.productViews',
  cartAdd: 'commerce.productListAdds',
  checkout: 'commerce.checkouts',
  purchase: 'commerce.purchases',
  tracking: 'message.tracking',
  feedback: 'message.feedback',
  launch: 'application.launch',
  close: 'application.close'
} as const

export function pageByPath(path: string): WebPage {
  const p = PAGES.find((x) => x.path === path)
  if (!p) throw new Error(`unknown page ${path}`)
  return p
}

const CART = pageByPath('/cart')

function pickProducts(rng: Rng): Line[] {
  const lines = rng.weighted<number>([
    [1, 55],
    [2, 28],
    [3, 12],
    [4, 5]
  ])
  const out: Line[] = []
  for (let tries = 0; out.length < lines && tries < 12; tries++) {
    const p = rng.weighted(PRODUCT_TABLE)
    if (out.some((o) => o.sku === p.sku)) continue
    out.push({
      sku: p.sku,
      quantity: rng.weighted<number>([
        [1, 80],
        [2, 15],
        [3, 5]
      ])
    })
  }
  return out
}

/** Planned events of a generic customer, in generation order (not sorted). */
export function plannedDrafts(ctx: EventContext): Draft[] {
  const { seed, core, traits, nowMs } = ctx
  const rng = new Rng(seed, core.index, STREAM_EVENTS)
  const target = clamp(5 + Math.floor(rng.float() ** (2.5 - 2 * traits.engagement) * 56), 5, 60)
  const end = nowMs - 60_000
  const start = Math.max(nowMs - YEAR_MS + 60_000, traits.customerSinceMs)
  const span = end - start
  // Healthy customers were active recently; churn risks mostly a while ago.
  const skew = 0.6 + 1.2 * (1 - traits.churn)
  const marketable = core.emails.length > 0 && emailAllowed(ctx.consent)
  const reachable = marketable && traits.emailStatus === 'active'
  const devices = core.ecids.length
  // Customers with a second device use the app; a few single-device customers shop in it too.
  const appUser = devices > 1 || rng.chance(0.15)
  const appDevice = devices - 1
  const taiwan = core.country.code === 'TW'
  const kinds: ReadonlyArray<readonly [Draft['kind'], number]> = [
    ['page', 34],
    ['open', reachable ? 20 : 0],
    ['sent', reachable ? 5 : 0],
    ['bounce', marketable && !reachable ? 6 : 0],
    ['purchase', 20],
    ['launch', appUser ? 6 : 0],
    ['support', 5 + 10 * traits.churn]
  ]
  const device = (): number => (devices > 1 && rng.chance(0.3) ? rng.int(1, devices - 1) : 0)
  const campaignAt = (t: number): string => {
    const date = new Date(t)
    return rng.weighted<string>([
      [seasonalCampaign(date, taiwan), 60],
      [newsletterCampaign(date), 30],
      [core.tier !== undefined ? loyaltyCampaign(date) : newsletterCampaign(date), 10]
    ])
  }
  const session = (t: number, minutes: number): void => {
    drafts.push({ kind: 'launch', t, device: appDevice })
    const tc = t + minutes * 60_000
    if (tc < end) drafts.push({ kind: 'close', t: tc, device: appDevice, sessionSeconds: minutes * 60 })
  }

  const drafts: Draft[] = []
  let bounces = 0
  while (drafts.length < target) {
    const t = Math.floor(end - span * rng.float() ** skew)
    switch (rng.weighted(kinds)) {
      case 'page': {
        const views = rng.chance(0.35) ? rng.int(2, 3) : 1
        const dev = device()
        let tt = t
        for (let v = 0; v < views && tt < end; v++) {
          const ref: PageRef = rng.chance(PRODUCT_PAGE_SHARE)
            ? { product: rng.weighted(PRODUCT_TABLE) }
            : { page: rng.weighted(PAGE_TABLE) }
          drafts.push({ kind: 'page', t: tt, ref, device: dev })
          tt += rng.int(20, 300) * 1000
          if (ref.product && rng.chance(0.3) && tt < end) {
            drafts.push({ kind: 'cartAdd', t: tt, line: { sku: ref.product.sku, quantity: 1 }, device: dev })
            tt += rng.int(10, 120) * 1000
            if (rng.chance(0.5) && tt < end) drafts.push({ kind: 'page', t: tt, ref: { page: CART }, device: dev })
          }
        }
        break
      }
      case 'open':
      case 'click': {
        const campaign = campaignAt(t)
        const dev = device()
        drafts.push({ kind: 'open', t, campaign, device: dev })
        if (rng.chance(0.25)) {
          const tc = t + rng.int(1, 45) * 60_000
          if (tc < end) drafts.push({ kind: 'click', t: tc, campaign, device: dev })
        }
        break
      }
      case 'sent':
        drafts.push({ kind: 'sent', t, campaign: campaignAt(t), device: 0 })
        break
      case 'bounce':
        if (bounces++ < MAX_BOUNCES) drafts.push({ kind: 'bounce', t, campaign: campaignAt(t), device: 0 })
        break
      case 'launch':
        session(t, rng.int(1, 25))
        break
      case 'purchase': {
        const mobileShare = appUser ? 0.35 : 0
        const channel = rng.weighted<PurchaseChannel>([
          ['store', 0.22],
          ['mobile', mobileShare],
          ['web', 0.78 - mobileShare]
        ])
        const dev = channel === 'mobile' ? appDevice : device()
        const items = pickProducts(rng)
        if (channel === 'web' && rng.chance(0.5)) {
          const tp = t - rng.int(2, 8) * 60_000
          if (tp >= start) drafts.push({ kind: 'checkout', t: tp, items, device: dev })
        }
        if (channel === 'mobile') {
          const minutes = rng.int(3, 20)
          const tl = t - rng.int(1, minutes - 1) * 60_000
          if (tl >= start) session(tl, minutes)
        }
        drafts.push({ kind: 'purchase', t, channel, items, device: dev })
        break
      }
      case 'support': {
        const durationSeconds = Math.round(clamp(Math.exp(Math.log(300) + 0.65 * rng.normal()), 45, 3600))
        const reason = rng.weighted(SUPPORT_REASONS)
        const resolved = rng.chance(traits.churn > 0.6 ? 0.65 : 0.82)
        const outcome = resolved ? 'Resolved' : rng.weighted(UNRESOLVED_OUTCOMES)
        drafts.push({ kind: 'support', t, reason, durationSeconds, resolved, outcome, device: 0 })
        break
      }
    }
  }
  return drafts.slice(0, target)
}

/** Drafts sorted oldest first (ties keep generation order). */
export function sortDrafts(drafts: Draft[]): Draft[] {
  return drafts
    .map((d, i) => ({ d, i }))
    .sort((x, y) => x.d.t - y.d.t || x.i - y.i)
    .map((x) => x.d)
}

const HEX = '0123456789abcdef'

/** 8 lower-case hex digits (Number#toString(16) is surprisingly slow in V8). */
function hex8(n: number): string {
  let s = ''
  for (let shift = 28; shift >= 0; shift -= 4) s += HEX.charAt((n >>> shift) & 15)
  return s
}

/** UUID-shaped event id; the last 8 hex digits are a bijection of (index, n), so ids never collide. */
export function eventId(seed: number, index: number, n: number): string {
  const unique = mix32(((index * MAX_EVENTS + n) ^ hash32(seed, 0x1d)) >>> 0)
  const a = hash32(seed, index, n)
  const b = hex8(mix32(a ^ 0x5bd1e995))
  const c = hex8(mix32(a ^ 0x27d4eb2f))
  const variant = '89ab'.charAt(a & 3)
  return `${hex8(a)}-${b.slice(0, 4)}-4${b.slice(5, 8)}-${variant}${c.slice(1, 4)}-${c.slice(4, 8)}${hex8(unique)}`
}

export function purchaseId(seed: number, index: number, n: number): string {
  return `ORD-${String(mix32(((index * MAX_EVENTS + n) ^ hash32(seed, 0x0d)) >>> 0)).padStart(10, '0')}`
}
