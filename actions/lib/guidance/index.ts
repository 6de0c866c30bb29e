/**
 * Guidance for the agent, computed from a built customer view: likely reasons for the call and a
 * plain-language line per score. Pure: the same customer, mapping and `now` give the same answer.
 */
import type { ViewMapping } from '../mapping'
import type { CallReason, Customer, ScoreExplanation } from '../view'
import { scoreExplanations } from './explanations'
import { callReasons } from './reasons'

export { scoreExplanations } from './explanations'
export { callReasons, MAX_REASONS, offerAllowed } from './reasons'
export { DEFAULT_RULES, type Finding, type ReasonRule, type RuleContext } from './rules'

export interface Guidance {
  reasons: CallReason[]
  explanations: ScoreExplanation[]
}

/** Reasons and explanations for `customer` as the mapping adjusts the rules, measured from `now` (ms). */
export function guide(customer: Customer, mapping: ViewMapping, now: number): Guidance {
  return { reasons: callReasons(customer, mapping.reasons, now), explanations: scoreExplanations(customer) }
}
