/**
 * One plain-language line per score: its band and what it means, then why: Customer AI's
 * influential factors when the score has them, otherwise what the recent events show.
 * Never the bare number.
 */
import type { Customer, ScoreExplanation, ScoreInsight } from '../view'
import { countText, humanise, percentileText } from './words'

const MAX_FACTORS = 3

function factorsText(s: ScoreInsight): string {
  return (s.factors ?? [])
    .slice(0, MAX_FACTORS)
    .map((f) => (f.value ? `${humanise(f.name)} (${f.value})` : humanise(f.name)))
    .join(', ')
}

function explain(s: ScoreInsight, events: Customer['events']): ScoreExplanation {
  const label = s.label.en
  const where = s.percentile === undefined ? '' : `, ${percentileText(s.percentile)}`
  const head = `${label}: ${s.band} ${s.highIs}${where}`
  const base = { label, band: s.band, ...(s.percentile === undefined ? {} : { percentile: s.percentile }) }
  const code = `${s.band}-${s.highIs}`
  const factors = factorsText(s)
  if (s.source === 'customer-ai' && factors !== '')
    return {
      scoreId: s.id,
      code,
      text: `${head}; main factors: ${factors}`,
      params: { ...base, factors },
      basis: 'customer-ai'
    }
  const supportCalls = events.filter((e) => e.type === 'support-call').length
  const purchases = events.filter((e) => e.type === 'purchase').length
  const seen =
    supportCalls + purchases === 0
      ? 'no purchases or support contacts among the recent events'
      : `recent events: ${[
          ...(purchases > 0 ? [countText(purchases, 'purchase', 'purchases')] : []),
          ...(supportCalls > 0 ? [countText(supportCalls, 'support contact', 'support contacts')] : [])
        ].join(', ')}`
  return {
    scoreId: s.id,
    code,
    text: `${head}; ${seen}`,
    params: { ...base, supportCalls, purchases },
    basis: 'recent-events'
  }
}

/** One explanation per `insights.scores` entry, in the same order. */
export function scoreExplanations(customer: Customer): ScoreExplanation[] {
  return customer.insights.scores.map((s) => explain(s, customer.events))
}
