/**
 * The default call-reason rules, as a table: each row has a stable code, a priority (lower ranks
 * first; ties go to the more recent), what the hint is for, and how it reads the view. The windows
 * come from the mapping (`reasons.windows`, defaults in actions/lib/mapping), so admins can widen them.
 */
import type { ReasonCode, ReasonSettings } from '../mapping'
import { type CallReason, type Customer, type CustomerEvent, formatMoney, type ReasonEvidence } from '../view'
import { agoText, DAY_MS, daysAgo, HOUR_MS, listText, percentileText, recentOf, sameUtcDay } from './words'

export interface RuleContext {
  customer: Customer
  settings: ReasonSettings
  now: number
}

/** What a rule found: the hint without its table fields, and when it happened (for the ranking). */
export type Finding = Pick<CallReason, 'text' | 'params' | 'evidence'> & { channel: string | null; at: number }

export interface ReasonRule {
  code: ReasonCode
  priority: number
  purpose: CallReason['purpose']
  /** Offer hints name the channel they would use; null lets the finding say (its event's channel). */
  channel: string | null
  find: (ctx: RuleContext) => Finding | null
}

const MAX_EVIDENCE = 3
const evidenceOf = (events: readonly CustomerEvent[]): ReasonEvidence[] =>
  events.slice(0, MAX_EVIDENCE).map((e) => ({ eventId: e.id, timestamp: e.timestamp }))
const hours = (ctx: RuleContext, code: keyof ReasonSettings['windows']): number => ctx.settings.windows[code] * HOUR_MS

function recentSupportContact(ctx: RuleContext): Finding | null {
  const calls = recentOf(ctx.customer.events, ['support-call'], ctx.now, hours(ctx, 'recent-support-contact'))
  const latest = calls[0]
  if (!latest) return null
  const topic = latest.event.details.reason ?? ''
  const days = daysAgo(latest.t, ctx.now)
  const about = topic ? ` about "${topic}"` : ''
  const more = calls.length > 1 ? ` (${calls.length} contacts recently)` : ''
  return {
    text: `Contacted support${about} ${agoText(days)}${more}: following up?`,
    params: { topic, daysAgo: days, contacts: calls.length },
    evidence: evidenceOf(calls.map((c) => c.event)),
    channel: latest.event.channel,
    at: latest.t
  }
}

function recentOrder(ctx: RuleContext): Finding | null {
  const latest = recentOf(ctx.customer.events, ['purchase'], ctx.now, hours(ctx, 'recent-order'))[0]
  if (!latest) return null
  const { amount, products } = latest.event.details
  const money = amount ? formatMoney(amount) : ''
  const items = (products ?? []).join(', ')
  const days = daysAgo(latest.t, ctx.now)
  return {
    text: `Ordered ${items ? listText(products ?? []) : 'something'}${money ? ` (${money})` : ''} ${agoText(days)}: a delivery question?`,
    params: { amount: money, items, daysAgo: days },
    evidence: evidenceOf([latest.event]),
    channel: latest.event.channel,
    at: latest.t
  }
}

function abandonedCart(ctx: RuleContext): Finding | null {
  const { events } = ctx.customer
  const adds = recentOf(events, ['cart-add'], ctx.now, hours(ctx, 'abandoned-cart'))
  const bought = recentOf(events, ['purchase', 'checkout'], ctx.now, Number.POSITIVE_INFINITY)
  const open = adds.filter((a) => !bought.some((b) => b.t >= a.t))
  const latest = open[0]
  if (!latest) return null
  const products = [...new Set(open.flatMap((a) => a.event.details.products ?? []))]
  const hoursAgo = Math.max(0, Math.floor((ctx.now - latest.t) / HOUR_MS))
  return {
    text: `Added ${products.length > 0 ? listText(products) : 'items'} to the cart ${agoText(daysAgo(latest.t, ctx.now))} and has not bought: help with the order?`,
    params: { products: products.join(', '), hoursAgo },
    evidence: evidenceOf(open.map((a) => a.event)),
    channel: latest.event.channel,
    at: latest.t
  }
}

function emailOpenedToday(ctx: RuleContext): Finding | null {
  const opens = recentOf(ctx.customer.events, ['email-open', 'message-open'], ctx.now, DAY_MS)
    .filter(({ event }) => event.type === 'email-open' || event.details.messageChannel === 'email')
    .filter(({ t }) => sameUtcDay(t, ctx.now))
  const latest = opens[0]
  if (!latest) return null
  const campaign = latest.event.details.campaign ?? ''
  return {
    text: `Opened ${campaign ? `the email "${campaign}"` : 'a marketing email'} today: interested in the offer?`,
    params: { campaign },
    evidence: evidenceOf(opens.map((o) => o.event)),
    channel: 'email',
    at: latest.t
  }
}

function highChurnRisk(ctx: RuleContext): Finding | null {
  const score = ctx.customer.insights.scores.find((s) => s.highIs === 'risk' && s.band === 'high')
  if (!score) return null
  const label = score.label.en
  const where = score.percentile === undefined ? '' : `, ${percentileText(score.percentile)}`
  return {
    text: `High churn risk (${label}${where}): take care to keep this customer`,
    params: { label, ...(score.percentile === undefined ? {} : { percentile: score.percentile }) },
    evidence: [],
    channel: null,
    at: score.scoredAt ? Date.parse(score.scoredAt) || 0 : 0
  }
}

function audienceExit(ctx: RuleContext): Finding | null {
  const pattern = new RegExp(ctx.settings.audiencePattern, 'i')
  const windowMs = hours(ctx, 'audience-exit')
  const left = ctx.customer.audiences
    .filter((a) => a.status === 'exited' && a.name !== null && pattern.test(a.name) && a.since !== null)
    .map((a) => ({ name: a.name ?? '', t: Date.parse(a.since ?? '') }))
    .filter(({ t }) => Number.isFinite(t) && t <= ctx.now && ctx.now - t <= windowMs)
    .sort((a, b) => b.t - a.t)
  const latest = left[0]
  if (!latest) return null
  const days = daysAgo(latest.t, ctx.now)
  return {
    text: `Left the audience "${latest.name}" ${agoText(days)}: a loyalty concern?`,
    params: { audience: latest.name, daysAgo: days },
    evidence: [],
    channel: null,
    at: latest.t
  }
}

/** The shipped rules. Service hints about what just happened rank first; offers last. */
export const DEFAULT_RULES: readonly ReasonRule[] = [
  { code: 'recent-support-contact', priority: 1, purpose: 'service', channel: null, find: recentSupportContact },
  { code: 'recent-order', priority: 2, purpose: 'service', channel: null, find: recentOrder },
  { code: 'abandoned-cart', priority: 2, purpose: 'service', channel: null, find: abandonedCart },
  { code: 'high-churn-risk', priority: 3, purpose: 'service', channel: null, find: highChurnRisk },
  { code: 'audience-exit', priority: 3, purpose: 'service', channel: null, find: audienceExit },
  { code: 'email-opened-today', priority: 4, purpose: 'offer', channel: 'email', find: emailOpenedToday }
]
