/**
 * Experience events of customer i. Events are first planned as compact drafts (also used by the
 * profile to derive audience membership), then turned into XDM ExperienceEvents.
 */

import {
  CHANNEL,
  localPrice,
  loyaltyCampaign,
  newsletterCampaign,
  PAGE_TABLE,
  PAGES,
  PRODUCT_PAGE_SHARE,
  PRODUCT_TABLE,
  type Product,
  productBySku,
  productPagePath,
  SUPPORT_REASONS,
  seasonalCampaign,
  WEB_ORIGIN,
  type WebPage
} from './catalog'
import type { Core } from './identity'
import { at, clamp, hash32, hashString, mix32, Rng, round2 } from './prng'
import { type Traits, YEAR_MS } from './traits'
import type { IdentityMapEntry, XdmEvent } from './types'

export type PurchaseChannel = 'web' | 'mobile' | 'store'

export interface PageRef {
  page?: WebPage
  product?: Product
}

export type Draft =
  | { kind: 'page'; t: number; ref: PageRef; device: number }
  | { kind: 'open' | 'click'; t: number; campaign: string; device: number }
  | {
      kind: 'purchase'
      t: number
      channel: PurchaseChannel
      items: ReadonlyArray<{ sku: string; quantity: number }>
      device: number
    }
  | { kind: 'support'; t: number; reason: string; durationSeconds: number; resolved: boolean; device: number }

export interface EventContext {
  seed: number
  core: Core
  traits: Traits
  nowMs: number
}

const STREAM_EVENTS = 0xe7e47
/** Events per customer are numbered below this (the id scheme packs index·4096 + n into 32 bits). */
const MAX_EVENTS = 4096

export const EVENT_TYPE = {
  purchase: 'commerce.purchases',
  open: 'directMarketing.emailOpened',
  click: 'directMarketing.emailClicked',
  page: 'web.webpagedetails.pageViews',
  support: 'support.callCompleted'
} as const

export function pageByPath(path: string): WebPage {
  const p = PAGES.find((x) => x.path === path)
  if (!p) throw new Error(`unknown page ${path}`)
  return p
}

const CHECKOUT = pageByPath('/checkout')

function pickProducts(rng: Rng): Array<{ sku: string; quantity: number }> {
  const lines = rng.weighted<number>([
    [1, 55],
    [2, 28],
    [3, 12],
    [4, 5]
  ])
  const out: Array<{ sku: string; quantity: number }> = []
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
  const hasEmail = core.emails.length > 0 && traits.emailStatus === 'active'
  const devices = core.ecids.length
  // Customers with a second device use the app; a few single-device customers shop in it too.
  const appUser = devices > 1 || rng.chance(0.15)
  const taiwan = core.country.code === 'TW'
  const kinds: ReadonlyArray<readonly [Draft['kind'], number]> = [
    ['page', 34],
    ['open', hasEmail ? 20 : 0],
    ['purchase', 20],
    ['support', 5 + 10 * traits.churn]
  ]
  const device = (): number => (devices > 1 && rng.chance(0.3) ? rng.int(1, devices - 1) : 0)

  const drafts: Draft[] = []
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
        }
        break
      }
      case 'open':
      case 'click': {
        const date = new Date(t)
        const campaign = rng.weighted<string>([
          [seasonalCampaign(date, taiwan), 60],
          [newsletterCampaign(date), 30],
          [core.tier !== undefined ? loyaltyCampaign(date) : newsletterCampaign(date), 10]
        ])
        const dev = device()
        drafts.push({ kind: 'open', t, campaign, device: dev })
        if (rng.chance(0.25)) {
          const tc = t + rng.int(1, 45) * 60_000
          if (tc < end) drafts.push({ kind: 'click', t: tc, campaign, device: dev })
        }
        break
      }
      case 'purchase': {
        const mobileShare = appUser ? 0.35 : 0
        const channel = rng.weighted<PurchaseChannel>([
          ['store', 0.22],
          ['mobile', mobileShare],
          ['web', 0.78 - mobileShare]
        ])
        const dev = channel === 'mobile' ? devices - 1 : device()
        if (channel === 'web' && rng.chance(0.5)) {
          const tp = t - rng.int(2, 8) * 60_000
          if (tp >= start) drafts.push({ kind: 'page', t: tp, ref: { page: CHECKOUT }, device: dev })
        }
        drafts.push({ kind: 'purchase', t, channel, items: pickProducts(rng), device: dev })
        break
      }
      case 'support': {
        const durationSeconds = Math.round(clamp(Math.exp(Math.log(300) + 0.65 * rng.normal()), 45, 3600))
        drafts.push({
          kind: 'support',
          t,
          reason: rng.weighted(SUPPORT_REASONS),
          durationSeconds,
          resolved: rng.chance(traits.churn > 0.6 ? 0.65 : 0.82),
          device: 0
        })
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

function purchaseId(seed: number, index: number, n: number): string {
  return `ORD-${String(mix32(((index * MAX_EVENTS + n) ^ hash32(seed, 0x0d)) >>> 0)).padStart(10, '0')}`
}

const MESSAGE_EXECUTION_IDS = new Map<string, string>()

/** One execution id per campaign (all recipients of a campaign share it). */
function messageExecutionId(campaign: string): string {
  let id = MESSAGE_EXECUTION_IDS.get(campaign)
  if (id === undefined) {
    const h = new Rng(hashString(`campaign:${campaign}`)).hex(32)
    id = `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`
    MESSAGE_EXECUTION_IDS.set(campaign, id)
  }
  return id
}

function sitePrefix(language: string | undefined): string {
  if (language === undefined) return ''
  if (language.startsWith('zh')) return '/zh-hant'
  if (language === 'de-DE') return '/de'
  if (language === 'en-GB') return '/uk'
  if (language === 'en-AU') return '/au'
  return ''
}

function pageDetails(core: Core, ref: PageRef): { name: string; URL: string } {
  const zh = core.language?.startsWith('zh') === true
  const prefix = sitePrefix(core.language)
  if (ref.product) {
    const p = ref.product
    return { name: zh ? `商品：${p.name}` : `Product: ${p.name}`, URL: `${WEB_ORIGIN}${prefix}${productPagePath(p)}` }
  }
  const page = ref.page ?? at(PAGES, 0)
  return {
    name: zh ? page.zh : page.name,
    URL: `${WEB_ORIGIN}${prefix}${page.path === '/' && prefix ? '' : page.path}`
  }
}

function ecidEntry(core: Core, device: number): IdentityMapEntry {
  const id = core.ecids[Math.min(device, core.ecids.length - 1)] ?? at(core.ecids, 0)
  return { id, primary: true, authenticatedState: 'ambiguous' }
}

/** Turn one draft into an XDM ExperienceEvent. `n` numbers the customer's events oldest first. */
export function buildEvent(ctx: EventContext, d: Draft, n: number): XdmEvent {
  const { seed, core } = ctx
  const identityMap: Record<string, IdentityMapEntry[]> = { ECID: [ecidEntry(core, d.device)] }
  const _id = eventId(seed, core.index, n)
  const timestamp = new Date(d.t).toISOString()
  switch (d.kind) {
    case 'page':
      return {
        _id,
        timestamp,
        eventType: EVENT_TYPE.page,
        identityMap,
        channel: { _type: CHANNEL.web },
        web: { webPageDetails: pageDetails(core, d.ref) }
      }
    case 'open':
    case 'click': {
      const email = core.emails[0]
      if (email !== undefined) identityMap.Email = [{ id: email, authenticatedState: 'authenticated' }]
      return {
        _id,
        timestamp,
        eventType: d.kind === 'open' ? EVENT_TYPE.open : EVENT_TYPE.click,
        identityMap,
        channel: { _type: CHANNEL.email },
        directMarketing: d.kind === 'open' ? { emailOpened: { value: 1 } } : { emailClicked: { value: 1 } },
        _experience: {
          customerJourneyManagement: {
            messageExecution: { campaignName: d.campaign, messageExecutionID: messageExecutionId(d.campaign) }
          }
        }
      }
    }
    case 'purchase': {
      const { currency, usdRate } = core.country
      identityMap.CRMID = [{ id: core.crmid, authenticatedState: 'authenticated' }]
      if (d.channel === 'store' && core.loyaltyId !== undefined) {
        identityMap.LoyaltyID = [{ id: core.loyaltyId, authenticatedState: 'authenticated' }]
      }
      let total = 0
      const productListItems = d.items.map((it) => {
        const p = productBySku(it.sku)
        const priceTotal = round2(localPrice(p.usd, currency, usdRate) * it.quantity)
        total += priceTotal
        return { SKU: p.sku, name: p.name, quantity: it.quantity, priceTotal, currencyCode: currency }
      })
      return {
        _id,
        timestamp,
        eventType: EVENT_TYPE.purchase,
        identityMap,
        channel: { _type: CHANNEL[d.channel] },
        commerce: {
          purchases: { value: 1 },
          order: { priceTotal: round2(total), currencyCode: currency, purchaseID: purchaseId(seed, core.index, n) }
        },
        productListItems
      }
    }
    case 'support': {
      identityMap.CRMID = [{ id: core.crmid, authenticatedState: 'authenticated' }]
      if (core.phone !== undefined) identityMap.Phone = [{ id: core.phone, authenticatedState: 'authenticated' }]
      return {
        _id,
        timestamp,
        eventType: EVENT_TYPE.support,
        identityMap,
        channel: { _type: CHANNEL.phone },
        _demotenant: { support: { reason: d.reason, durationSeconds: d.durationSeconds, resolved: d.resolved } }
      }
    }
  }
}

/** XDM events from drafts, newest first. */
export function buildEvents(ctx: EventContext, drafts: Draft[]): XdmEvent[] {
  const sorted = sortDrafts(drafts)
  const out = sorted.map((d, n) => buildEvent(ctx, d, n))
  return out.reverse()
}
