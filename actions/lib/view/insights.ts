/**
 * Lifetime value and model scores: the scores the mapping names, then Customer AI output and AEP
 * computed attributes found on the profile without any configuration.
 */
import type { Bands, InsightRule, ViewMapping } from '../mapping'
import { type CustomerAiScore, numeric, readComputedAttributes, readCustomerAi, readPath } from '../xdm'
import type { Band, Insights, Money, Score, ScoreInsight } from './view-types'

export function bandOf(score: number, bands: Bands): Band {
  return score >= bands.high ? 'high' : score >= bands.medium ? 'medium' : 'low'
}

function mappedScore(entity: unknown, rule: InsightRule): ScoreInsight | null {
  const raw = numeric(readPath(entity, rule.path))
  if (raw === undefined || raw < 0 || raw > rule.scale) return null
  const score = raw / rule.scale
  return {
    id: rule.id,
    label: rule.label,
    score,
    band: bandOf(score, rule.bands),
    highIs: rule.highIs,
    source: 'mapping'
  }
}

/** Customer AI's score is a 0–100 likelihood: banded at the mapping's default bands. */
function customerAiScore(s: CustomerAiScore, bands: Bands): ScoreInsight {
  const score = s.score / 100
  const out: ScoreInsight = {
    id: `customerAI.${s.model}`,
    label: { en: s.name },
    score,
    band: bandOf(score, bands),
    highIs: s.propensityType === 'churn' ? 'risk' : 'opportunity',
    source: 'customer-ai'
  }
  if (s.percentile !== undefined) out.percentile = s.percentile
  if (s.scoredAt !== undefined) out.scoredAt = s.scoredAt
  if (s.factors.length > 0) out.factors = s.factors
  return out
}

export function readInsights(entity: unknown, mapping: ViewMapping): Insights {
  let lifetimeValue: Money | null = null
  if (mapping.lifetimeValue) {
    const value = numeric(readPath(entity, mapping.lifetimeValue.path))
    const currency = readPath(entity, mapping.lifetimeValue.currencyPath)
    if (value !== undefined)
      lifetimeValue = {
        value,
        currency: typeof currency === 'string' && /^[A-Z]{3}$/.test(currency) ? currency : mapping.defaultCurrency
      }
  }
  const scores: ScoreInsight[] = []
  for (const rule of mapping.insights) {
    const s = mappedScore(entity, rule)
    if (s) scores.push(s)
  }
  for (const s of readCustomerAi(entity)) scores.push(customerAiScore(s, mapping.bands))
  const legacy = (id: string): Score | null => {
    const s = scores.find((x) => x.id === id)
    return s ? { score: s.score, band: s.band } : null
  }
  return {
    lifetimeValue,
    churnPropensity: legacy('churnPropensity'),
    engagementPropensity: legacy('engagementPropensity'),
    scores,
    computed: readComputedAttributes(entity),
    // Filled by actions/lib/guidance once the whole customer (events, audiences) is built.
    reasons: [],
    explanations: []
  }
}
