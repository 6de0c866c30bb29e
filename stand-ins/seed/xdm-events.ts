/**
 * Drafts → XDM ExperienceEvents in Adobe's standard shapes: commerce.* with `commerce.<x>.value: 1`
 * and productListItems (XDM ExperienceEvent eventType values; the Mobile SDK tutorial payloads),
 * web.webpagedetails.pageViews, AJO message.tracking / message.feedback (ajo.ts), AEP Mobile
 * Lifecycle application.launch / application.close, and the support call as a tenant record
 * without eventType (Adobe's callcenter.json sample): only `_demotenant.interactionDetails` tells
 * what it is, which is what the admin's mapping rule recognises.
 */
import { cjmDetails } from './ajo'
import { CHANNEL, localPrice, MOBILE_APP, PAGES, productBySku, productPagePath, WEB_ORIGIN } from './catalog'
import {
  type Draft,
  EVENT_TYPE,
  type EventContext,
  eventId,
  type Line,
  type PageRef,
  pageByPath,
  purchaseId,
  sortDrafts
} from './events'
import type { Core } from './identity'
import { at, hash32, round2 } from './prng'
import type { CallCenterInteraction, IdentityMapEntry, ProductListItem, XdmEvent } from './types'

/** The customer's shelf price lines and their total, in the customer's currency. */
export function priceLines(core: Core, items: readonly Line[]): { lines: ProductListItem[]; total: number } {
  const { currency, usdRate } = core.country
  let total = 0
  const lines = items.map((it) => {
    const p = productBySku(it.sku)
    const priceTotal = round2(localPrice(p.usd, currency, usdRate) * it.quantity)
    total += priceTotal
    return { SKU: p.sku, name: p.name, quantity: it.quantity, priceTotal, currencyCode: currency }
  })
  return { lines, total: round2(total) }
}

const CHECKOUT = pageByPath('/checkout')

function sitePrefix(language: string | undefined): string {
  if (language === undefined) return ''
  if (language.startsWith('zh')) return '/zh-hant'
  if (language === 'de-DE') return '/de'
  if (language === 'en-GB') return '/uk'
  if (language === 'en-AU') return '/au'
  return ''
}

function pageDetails(core: Core, ref: PageRef): { name: string; URL: string; pageViews: { value: number } } {
  const zh = core.language?.startsWith('zh') === true
  const prefix = sitePrefix(core.language)
  const pageViews = { value: 1 }
  if (ref.product) {
    const p = ref.product
    const name = zh ? `商品：${p.name}` : `Product: ${p.name}`
    return { name, URL: `${WEB_ORIGIN}${prefix}${productPagePath(p)}`, pageViews }
  }
  const page = ref.page ?? at(PAGES, 0)
  const URL = `${WEB_ORIGIN}${prefix}${page.path === '/' && prefix ? '' : page.path}`
  return { name: zh ? page.zh : page.name, URL, pageViews }
}

function ecidEntry(core: Core, device: number): IdentityMapEntry {
  const id = core.ecids[Math.min(device, core.ecids.length - 1)] ?? at(core.ecids, 0)
  return { id, primary: true, authenticatedState: 'ambiguous' }
}

const FEELINGS = ['positive', 'neutral', 'negative'] as const

function callRecord(ctx: EventContext, d: Extract<Draft, { kind: 'support' }>, n: number): CallCenterInteraction {
  const h = hash32(ctx.seed, ctx.core.index, n, 0xca11)
  // Unresolved calls rarely end happy; resolved ones rarely end angry.
  const feeling = d.resolved ? at(FEELINGS, h % 3 === 2 ? 1 : 0) : at(FEELINGS, h % 3 === 0 ? 1 : 2)
  return {
    callID: `Support Contact - ${100_000_000 + (h % 900_000_000)}`,
    callTopic: d.reason,
    callFeeling: feeling,
    callOutcome: d.outcome,
    callDurationSeconds: d.durationSeconds
  }
}

/** Turn one draft into an XDM ExperienceEvent. `n` numbers the customer's events oldest first. */
export function buildEvent(ctx: EventContext, d: Draft, n: number): XdmEvent {
  const { seed, core } = ctx
  const identityMap: Record<string, IdentityMapEntry[]> = { ECID: [ecidEntry(core, d.device)] }
  // Literals, not `{ ...base }`: spreading into a literal here made generation 3× slower.
  const _id = eventId(seed, core.index, n)
  const timestamp = new Date(d.t).toISOString()
  const web = { _type: CHANNEL.web }
  switch (d.kind) {
    case 'page': {
      const webPageDetails = pageDetails(core, d.ref)
      if (!d.ref.product)
        return { _id, timestamp, eventType: EVENT_TYPE.page, identityMap, channel: web, web: { webPageDetails } }
      const { lines } = priceLines(core, [{ sku: d.ref.product.sku, quantity: 1 }])
      return {
        _id,
        timestamp,
        eventType: EVENT_TYPE.productView,
        identityMap,
        channel: web,
        commerce: { productViews: { value: 1 } },
        productListItems: lines,
        web: { webPageDetails }
      }
    }
    case 'cartAdd':
      return {
        _id,
        timestamp,
        eventType: EVENT_TYPE.cartAdd,
        identityMap,
        channel: web,
        commerce: { productListAdds: { value: 1 } },
        productListItems: priceLines(core, [d.line]).lines
      }
    case 'checkout':
      return {
        _id,
        timestamp,
        eventType: EVENT_TYPE.checkout,
        identityMap,
        channel: web,
        commerce: { checkouts: { value: 1 } },
        productListItems: priceLines(core, d.items).lines,
        web: { webPageDetails: pageDetails(core, { page: CHECKOUT }) }
      }
    case 'open':
    case 'click':
    case 'sent':
    case 'bounce': {
      const email = core.emails[0]
      if (email !== undefined) identityMap.Email = [{ id: email, authenticatedState: 'authenticated' }]
      const tracking = d.kind === 'open' || d.kind === 'click'
      return {
        _id,
        timestamp,
        eventType: tracking ? EVENT_TYPE.tracking : EVENT_TYPE.feedback,
        identityMap,
        channel: { _type: CHANNEL.email },
        _experience: { customerJourneyManagement: cjmDetails(d.kind, d.campaign, email) }
      }
    }
    case 'purchase': {
      identityMap.CRMID = [{ id: core.crmid, authenticatedState: 'authenticated' }]
      if (d.channel === 'store' && core.loyaltyId !== undefined) {
        identityMap.LoyaltyID = [{ id: core.loyaltyId, authenticatedState: 'authenticated' }]
      }
      const { lines, total } = priceLines(core, d.items)
      return {
        _id,
        timestamp,
        eventType: EVENT_TYPE.purchase,
        identityMap,
        channel: { _type: CHANNEL[d.channel] },
        commerce: {
          purchases: { value: 1 },
          order: { priceTotal: total, currencyCode: core.country.currency, purchaseID: purchaseId(seed, core.index, n) }
        },
        productListItems: lines
      }
    }
    case 'launch':
    case 'close': {
      const { id, name, version } = MOBILE_APP
      const application =
        d.kind === 'launch'
          ? { id, name, version, isLaunch: true, launches: { value: 1 } }
          : {
              id,
              name,
              version,
              closeType: 'close' as const,
              sessionLength: d.sessionSeconds,
              applicationCloses: { value: 1 }
            }
      const eventType = d.kind === 'launch' ? EVENT_TYPE.launch : EVENT_TYPE.close
      return { _id, timestamp, eventType, identityMap, channel: { _type: CHANNEL.mobile }, application }
    }
    case 'support': {
      identityMap.CRMID = [{ id: core.crmid, authenticatedState: 'authenticated' }]
      if (core.phone !== undefined) identityMap.Phone = [{ id: core.phone, authenticatedState: 'authenticated' }]
      return {
        _id,
        timestamp,
        identityMap,
        _demotenant: { interactionDetails: { core: { callCenterAgent: callRecord(ctx, d, n) } } }
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
