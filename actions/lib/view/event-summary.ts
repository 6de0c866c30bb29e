/**
 * Turns one XDM ExperienceEvent into a timeline entry an agent reads at a glance:
 * a kind, a channel and a one-line summary such as "Purchased 2 items — $129.90".
 */

import { type AepEvent, isObject, type Json, str } from '../aep'
import { readPath } from './insights'
import { printable } from './text'
import type { CustomerEvent, EventDetails, EventKind, Money } from './view-types'

const KINDS: Array<[RegExp, EventKind]> = [
  [/^commerce\.purchases?$/i, 'purchase'],
  [/^(directMarketing|message)\.email.*Open/i, 'email-open'],
  [/^(directMarketing|message)\.email.*Click/i, 'email-click'],
  [/^web\.webpagedetails\.pageViews$/i, 'web-visit'],
  [/support|call/i, 'support-call']
]

function kindOf(eventType: string): EventKind {
  return KINDS.find(([re]) => re.test(eventType))?.[1] ?? 'other'
}

function num(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined
}

const text = (v: unknown, max = 120): string | undefined => printable(v, max) ?? undefined

export function formatMoney(m: Money): string {
  try {
    return new Intl.NumberFormat('en-US', { style: 'currency', currency: m.currency }).format(m.value)
  } catch {
    return `${m.value.toFixed(2)} ${m.currency}`
  }
}

const CHANNELS: Record<string, string> = {
  web: 'web',
  email: 'email',
  mobile: 'mobile',
  'mobile-app': 'mobile',
  phone: 'phone',
  'call-center': 'phone',
  offline: 'store',
  instore: 'store',
  store: 'store',
  direct: 'direct'
}

function channelOf(e: Json, kind: EventKind): string | null {
  const t = isObject(e.channel) ? str(e.channel._type) : null
  const last = t?.split('/').pop()?.toLowerCase()
  // XDM has no telephone channel type: support calls arrive as "offline".
  if (kind === 'support-call' && (!last || last === 'offline' || last === 'direct')) return 'phone'
  if (last) return CHANNELS[last] ?? last.slice(0, 40)
  return kind === 'web-visit' ? 'web' : kind.startsWith('email') ? 'email' : kind === 'support-call' ? 'phone' : null
}

function purchaseDetails(e: Json): EventDetails {
  const items = Array.isArray(e.productListItems) ? e.productListItems.filter(isObject) : []
  const itemCount = items.reduce((n, i) => n + (num(i.quantity) ?? 1), 0)
  const order = readPath(e, 'commerce.order')
  const total = isObject(order) ? num(order.priceTotal) : undefined
  const currency = isObject(order) ? str(order.currencyCode) : null
  const sum = total ?? items.reduce((s, i) => s + (num(i.priceTotal) ?? 0), 0)
  const details: EventDetails = {}
  // Absurd AEP values (1e308 × 2) overflow to Infinity, which JSON turns into null: leave them out.
  if (Number.isFinite(itemCount)) details.itemCount = itemCount
  const value = Math.round(sum * 100) / 100
  if ((sum > 0 || total !== undefined) && Number.isFinite(value))
    details.amount = { value, currency: currency && /^[A-Z]{3}$/.test(currency) ? currency : 'USD' }
  return details
}

function summarise(kind: EventKind, d: EventDetails, eventType: string): string {
  switch (kind) {
    case 'purchase': {
      const items = d.itemCount === 1 ? '1 item' : `${d.itemCount ?? 0} items`
      return d.amount ? `Purchased ${items} — ${formatMoney(d.amount)}` : `Purchased ${items}`
    }
    case 'email-open':
      return d.campaign ? `Opened email "${d.campaign}"` : 'Opened a marketing email'
    case 'email-click':
      return d.campaign ? `Clicked email "${d.campaign}"` : 'Clicked a marketing email'
    case 'web-visit':
      return d.page ? `Visited ${d.page}` : 'Visited the website'
    case 'support-call': {
      const mins = d.durationSeconds !== undefined ? ` (${Math.max(1, Math.round(d.durationSeconds / 60))} min)` : ''
      return d.reason ? `Support call: ${d.reason}${mins}` : `Support call${mins}`
    }
    default:
      return text(eventType, 60) ?? 'Activity'
  }
}

/** Builds the timeline entry; returns null for events too broken to show (no id or time). */
export function toCustomerEvent(raw: AepEvent): CustomerEvent | null {
  const e = raw.entity
  const eventType = text(e.eventType, 80) ?? 'unknown'
  const kind = kindOf(eventType)
  const iso = str(e.timestamp)
  const ms = raw.timestamp ?? (iso ? Date.parse(iso) : NaN)
  const id = text(raw.entityId, 80) ?? text(e._id, 80)
  if (!id || !Number.isFinite(ms)) return null
  let details: EventDetails = {}
  if (kind === 'purchase') details = purchaseDetails(e)
  else if (kind === 'email-open' || kind === 'email-click') {
    const campaign = text(readPath(e, '_experience.customerJourneyManagement.messageExecution.campaignName'), 80)
    if (campaign) details.campaign = campaign
  } else if (kind === 'web-visit') {
    const page = text(readPath(e, 'web.webPageDetails.name'), 80) ?? text(readPath(e, 'web.webPageDetails.URL'), 120)
    if (page) details.page = page
  } else if (kind === 'support-call') {
    const support = Object.entries(e).find(([k, v]) => k.startsWith('_') && isObject(v) && isObject(v.support))?.[1]
    const s = isObject(support) && isObject(support.support) ? support.support : {}
    const reason = text(s.reason, 80)
    const durationSeconds = num(s.durationSeconds)
    if (reason) details.reason = reason
    if (durationSeconds !== undefined && durationSeconds >= 0) details.durationSeconds = durationSeconds
  }
  return {
    id,
    type: kind,
    xdmEventType: eventType,
    timestamp: new Date(ms).toISOString(),
    channel: channelOf(e, kind),
    summary: summarise(kind, details, eventType),
    details
  }
}
