/**
 * Fills in what an older cached view lacks (the action may serve a copy saved before the view grew
 * mapped attributes, consents, scores, all attributes, call reasons and score explanations) and drops entries too malformed to render,
 * so every component can rely on the contract's shape.
 */
import type {
  CallReason,
  ComputedAttribute,
  Consent,
  Consents,
  CustomerView,
  MappedAttribute,
  MarketingConsents,
  ProfileField,
  ScoreExplanation,
  ScoreInsight
} from '../../../actions/lib/view/view-types'
import { isRecord } from './guards'

const isLocalized = (v: unknown): boolean => isRecord(v) && typeof v.en === 'string'

function isMappedAttribute(v: unknown): v is MappedAttribute {
  return (
    isRecord(v) &&
    typeof v.id === 'string' &&
    isLocalized(v.label) &&
    typeof v.format === 'string' &&
    v.value !== undefined &&
    v.value !== null
  )
}

function isProfileField(v: unknown): v is ProfileField {
  return isRecord(v) && typeof v.path === 'string' && typeof v.value === 'string'
}

function isScoreInsight(v: unknown): v is ScoreInsight {
  return (
    isRecord(v) &&
    typeof v.id === 'string' &&
    isLocalized(v.label) &&
    typeof v.score === 'number' &&
    Number.isFinite(v.score) &&
    typeof v.band === 'string'
  )
}

function isComputed(v: unknown): v is ComputedAttribute {
  return isRecord(v) && typeof v.name === 'string' && ['string', 'number', 'boolean'].includes(typeof v.value)
}

const isParams = (v: unknown): boolean =>
  isRecord(v) && Object.values(v).every((x) => typeof x === 'string' || (typeof x === 'number' && Number.isFinite(x)))

function isReason(v: unknown): v is CallReason {
  return (
    isRecord(v) &&
    typeof v.code === 'string' &&
    typeof v.text === 'string' &&
    isParams(v.params) &&
    Array.isArray(v.evidence) &&
    v.evidence.every((e) => isRecord(e) && typeof e.eventId === 'string' && typeof e.timestamp === 'string')
  )
}

function isExplanation(v: unknown): v is ScoreExplanation {
  return (
    isRecord(v) &&
    typeof v.scoreId === 'string' &&
    typeof v.code === 'string' &&
    typeof v.text === 'string' &&
    isParams(v.params)
  )
}

export function isConsent(v: unknown): v is Consent {
  return isRecord(v) && typeof v.status === 'string'
}

function listOf<T>(v: unknown, ok: (x: unknown) => x is T): T[] {
  return Array.isArray(v) ? v.filter(ok) : []
}

function consentsOf(v: unknown): Consents {
  const c = isRecord(v) ? v : {}
  const m = isRecord(c.marketing) ? c.marketing : {}
  const marketing: MarketingConsents = { preferred: typeof m.preferred === 'string' ? m.preferred : null }
  for (const [channel, consent] of Object.entries(m))
    if (channel !== 'preferred' && isConsent(consent)) marketing[channel] = consent
  const one = (x: unknown): Consent | null => (isConsent(x) ? x : null)
  return { collect: one(c.collect), share: one(c.share), personalize: one(c.personalize), marketing }
}

/** The view with every newer part present: empty lists and "nothing recorded" where the answer had none. */
export function withViewDefaults(view: CustomerView): CustomerView {
  const { customer } = view
  return {
    ...view,
    customer: {
      ...customer,
      mappedAttributes: listOf(customer.mappedAttributes, isMappedAttribute),
      consents: consentsOf(customer.consents),
      allAttributes: listOf(customer.allAttributes, isProfileField),
      insights: {
        ...customer.insights,
        scores: listOf(customer.insights.scores, isScoreInsight),
        computed: listOf(customer.insights.computed, isComputed),
        reasons: listOf(customer.insights.reasons, isReason),
        explanations: listOf(customer.insights.explanations, isExplanation)
      }
    }
  }
}
