/**
 * What AEP itself writes into a profile: computed attributes (help/profile/computed-attributes/:
 * each one a field of the SystemComputedAttributes field group under the tenant, read as
 * `_<tenant>.SystemComputedAttributes.<name>.value`) and Customer AI output
 * (help/intelligent-services/customer-ai/: score, probability, percentile, propensity type, score
 * date and influential factors {code, value, importance}, under the tenant's "Customer AI" folder,
 * one sub-object per instance). Both are derived from the customer's planned events, so an agent
 * who reads "5 purchases in 6 months" finds them in the timeline.
 */
import { productBySku } from './catalog'
import type { Draft } from './events'
import type { Core } from './identity'
import { clamp, hash32, round2 } from './prng'
import { DAY_MS, isoDate, startOfUtcDay, type Traits } from './traits'
import type { CustomerAiScores, XdmProfile } from './types'
import { priceLines } from './xdm-events'

type Computed = NonNullable<NonNullable<XdmProfile['_demotenant']>['SystemComputedAttributes']>

/** Six months is the longest lookback a computed attribute may have. */
const LOOKBACK_MS = 183 * DAY_MS
/** The demo org's Customer AI instance (a churn model scored weekly). */
export const CUSTOMER_AI_INSTANCE = 'churn90Days'

/** Computed attributes at `nowMs`, or undefined when no qualifying event falls in the lookback. */
export function computedAttributes(core: Core, drafts: readonly Draft[], nowMs: number): Computed | undefined {
  const from = nowMs - LOOKBACK_MS
  let purchases = 0
  let spend = 0
  let viewed: { t: number; sku: string } | undefined
  for (const d of drafts) {
    if (d.t < from || d.t >= nowMs) continue
    if (d.kind === 'purchase') {
      purchases++
      spend += priceLines(core, d.items).total
    } else if (d.kind === 'page' && d.ref.product && (viewed === undefined || d.t > viewed.t)) {
      viewed = { t: d.t, sku: d.ref.product.sku }
    }
  }
  if (purchases === 0 && viewed === undefined) return undefined
  const out: Computed = {}
  if (purchases > 0) {
    out.purchases6Months = { value: purchases }
    out.totalSpend6Months = { value: round2(spend) }
  }
  if (viewed) out.lastViewedProduct = { value: productBySku(viewed.sku).name }
  return out
}

/** The Sunday before today: Customer AI here scores weekly. */
export function lastScoreDate(nowMs: number): string {
  const today = startOfUtcDay(nowMs)
  const dow = new Date(today).getUTCDay()
  return isoDate(today - (dow === 0 ? 7 : dow) * DAY_MS)
}

function count(drafts: readonly Draft[], kind: Draft['kind'], sinceMs: number): number {
  let n = 0
  for (const d of drafts) if (d.kind === kind && d.t >= sinceMs) n++
  return n
}

/**
 * Churn scores of the customers the instance scored (about 40% of those with model scores), or
 * undefined. The probability follows the tenant's own churn score; factors are what drove it.
 */
export function customerAiFor(
  seed: number,
  core: Core,
  traits: Traits,
  drafts: readonly Draft[],
  nowMs: number
): CustomerAiScores | undefined {
  const h = hash32(seed, core.index, 0xca1)
  if (!traits.scoresKnown || h % 100 >= 40) return undefined
  const probability = round2(clamp(traits.churn * (0.8 + ((h >>> 8) % 41) / 100), 0.01, 0.99))
  // The tenant score's distribution is (0.02 + 0.95·u^2.2)·damp: invert it for a percentile.
  const percentile = Math.round(clamp(100 * Math.max(0, (traits.churn - 0.02) / 0.95) ** (1 / 2.2), 1, 100))
  return customerAiScores(probability, percentile, drafts, nowMs)
}

/** Customer AI output for a churn probability and percentile; the factors come from the events. */
export function customerAiScores(
  probability: number,
  percentile: number,
  drafts: readonly Draft[],
  nowMs: number
): CustomerAiScores {
  const lastBuy = drafts.reduce((t, d) => (d.kind === 'purchase' && d.t > t ? d.t : t), 0)
  const calls = count(drafts, 'support', nowMs - 30 * DAY_MS)
  const factors: CustomerAiScores['influentialFactors'] = [
    {
      code: 'daysSinceLastPurchase',
      value: lastBuy > 0 ? String(Math.floor((nowMs - lastBuy) / DAY_MS)) : '365',
      importance: lastBuy === 0 || nowMs - lastBuy > 90 * DAY_MS ? 'high' : 'low'
    },
    { code: 'supportCalls30Days', value: String(calls), importance: calls > 0 ? 'high' : 'low' },
    { code: 'emailOpens90Days', value: String(count(drafts, 'open', nowMs - 90 * DAY_MS)), importance: 'medium' }
  ]
  const rank = { high: 0, medium: 1, low: 2 } as const
  factors.sort((a, b) => rank[a.importance] - rank[b.importance])
  return {
    score: Math.round(probability * 100),
    probability,
    percentile,
    propensityType: 'churn',
    scoreDate: lastScoreDate(nowMs),
    influentialFactors: factors
  }
}
