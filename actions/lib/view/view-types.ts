/**
 * The customer view: what every action returns for one customer and what the agent console renders.
 * This file is the contract between the actions, the web UI and docs/api.md; keep it free of logic.
 */

import type { LocalizedText } from '../mapping'
import type {
  ComputedAttribute,
  Consent,
  ConsentStatus,
  Consents,
  EventKind,
  MarketingConsents,
  ScoreFactor,
  StandardDetails,
  XdmMoney
} from '../xdm'

export type {
  ComputedAttribute,
  Consent,
  ConsentStatus,
  Consents,
  EventKind,
  LocalizedText,
  MarketingConsents,
  ScoreFactor
}

export type Band = 'low' | 'medium' | 'high'

export interface Identity {
  /** AEP identity namespace code as AEP reports it, lower-cased (`email`, `phone`, `ecid`, `crmid`, …). */
  namespace: string
  id: string
  primary: boolean
}

export interface Address {
  street: string | null
  city: string | null
  region: string | null
  postalCode: string | null
  country: string | null
}

export interface Score {
  /** Model output in 0..1. */
  score: number
  band: Band
}

/** An amount and its ISO 4217 currency code. */
export type Money = XdmMoney

/** A model score shown as an insight: from the mapping, or Customer AI found on the profile. */
export interface ScoreInsight {
  /** Stable id: the mapping rule's id, or `customerAI.<model>` for Customer AI output. */
  id: string
  /** The admin's label (mapping) or the Customer AI model name; the UI translates known ids. */
  label: LocalizedText
  /** Normalised to 0..1. */
  score: number
  band: Band
  /** What a high score means: a risk (churn) or an opportunity (engagement, conversion). */
  highIs: 'risk' | 'opportunity'
  source: 'mapping' | 'customer-ai'
  /** Customer AI: percentile among scored customers (0..100). */
  percentile?: number
  /** Customer AI: ISO date the model scored the profile. */
  scoredAt?: string
  /** Customer AI: the influential factors, as it lists them (at most 5). */
  factors?: ScoreFactor[]
}

/** One event a hint rests on, so an agent (or a CRM) can find it in the timeline. */
export interface ReasonEvidence {
  eventId: string
  /** ISO timestamp of the event. */
  timestamp: string
}

/**
 * A likely reason for the call, from the rules over recent events, scores and audiences
 * (actions/lib/guidance). `code` is stable (`recent-support-contact`, `recent-order`,
 * `abandoned-cart`, `email-opened-today`, `high-churn-risk`, `audience-exit`, or an admin rule's);
 * `text` is one English line; `params` are what the UI needs to say it in another language.
 */
export interface CallReason {
  code: string
  /** What the hint is about: helping with something (service) or offering something (offer). */
  purpose: 'service' | 'offer'
  /** The channel an offer hint would use; offer hints on a denied channel are never given. */
  channel: string | null
  text: string
  params: Record<string, string | number>
  evidence: ReasonEvidence[]
}

/** One plain-language line for a score: what it means, and why, never a bare number. */
export interface ScoreExplanation {
  /** The `insights.scores[].id` it explains. */
  scoreId: string
  /** Stable code of the wording (`high-risk`, `low-opportunity`, …). */
  code: string
  text: string
  params: Record<string, string | number>
  /** Where the "why" came from: Customer AI's influential factors, or the band and recent events. */
  basis: 'customer-ai' | 'recent-events'
}

export interface Insights {
  lifetimeValue: Money | null
  churnPropensity: Score | null
  engagementPropensity: Score | null
  /** Every score the mapping names plus Customer AI output, in display order. */
  scores: ScoreInsight[]
  computed: ComputedAttribute[]
  /** Likely reasons for the call, most likely first (at most 5). */
  reasons: CallReason[]
  /** One line per score in `scores`, in the same order. */
  explanations: ScoreExplanation[]
}

export interface Attributes {
  loyaltyTier: string | null
  loyaltyPoints: number | null
  /** ISO date (YYYY-MM-DD). */
  customerSince: string | null
  /** BCP 47 tag such as `en-US`. */
  preferredLanguage: string | null
  birthDate: string | null
}

export type AttributeValue =
  | { format: 'text'; value: string }
  | { format: 'number'; value: number }
  | { format: 'money'; value: Money }
  | { format: 'date'; value: string }
  | { format: 'boolean'; value: boolean }
  /** `value` is the stored code; `valueLabel` the admin's label for it, when the mapping has one. */
  | { format: 'enum'; value: string; valueLabel: LocalizedText | null }

/** An attribute card the admin mapped (CUSTOMER_VIEW_MAPPING.attributes), in the mapping's order. */
export type MappedAttribute = { id: string; path: string; label: LocalizedText } & AttributeValue

/** One leaf of the merged profile, for the "All attributes" panel: its dot path and value as text. */
export interface ProfileField {
  /** Dot path; array items as `[n]` (`productListItems[0].name`). */
  path: string
  value: string
}

export type AudienceStatus = 'realized' | 'exited'

export interface Audience {
  id: string
  /** The audience's name from AEP; null when AEP could not name it (the id still shows). */
  name: string | null
  status: AudienceStatus
  /** ISO timestamp of the last qualification (or exit). */
  since: string | null
}

/** What a timeline line was built from: the standard details (xdm), plus mapped text and facts. */
export interface EventDetails extends StandardDetails {
  /** Mapped tenant events: the admin's summary template, rendered per language. */
  text?: LocalizedText
  /** Events no rule knows: up to 3 telling fields (leaf name and value), for a generic line. */
  facts?: Array<{ field: string; value: string }>
}

export interface CustomerEvent {
  id: string
  type: EventKind
  /** The XDM `eventType` as AEP stored it; empty when the event has none (Luma's offline purchases). */
  xdmEventType: string
  /** How the kind was found: the eventType catalogue, the event's field groups, a mapping rule, or neither. */
  source: 'standard' | 'inferred' | 'mapping' | 'generic'
  /** ISO timestamp. */
  timestamp: string
  channel: string | null
  /** One line in English, e.g. "Purchased 2 items — $129.90". The UI may rebuild it from `details`. */
  summary: string
  details: EventDetails
}

export interface Customer {
  profileId: string
  identities: Identity[]
  name: { first: string | null; last: string | null; full: string | null }
  contact: { email: string | null; phone: string | null; address: Address | null }
  attributes: Attributes
  /** The admin's attribute cards (CUSTOMER_VIEW_MAPPING.attributes), in order; empty by default. */
  mappedAttributes: MappedAttribute[]
  consents: Consents
  insights: Insights
  audiences: Audience[]
  events: CustomerEvent[]
  /** The merged profile as path/value leaves, sorted by path (bounded; see `meta.allAttributesTrimmed`). */
  allAttributes: ProfileField[]
}

export type EventsStatus = 'available' | 'unavailable'

export interface EventsMeta {
  status: EventsStatus
  /** Why events are missing, when status is `unavailable` (stable code such as `EVENTS_LOOKUP_REFUSED`). */
  reason?: string
  /** Opaque cursor for the next page (customer-events action); null when there are no more. */
  nextCursor: string | null
  /** True when events were dropped to keep the cached view under the State value limit. */
  trimmed?: boolean
}

export type CacheStatus = 'HIT' | 'MISS' | 'STALE' | 'BYPASS'

export interface CacheMeta {
  status: CacheStatus
  /** Age of the served entry in seconds (0 on MISS/BYPASS). */
  ageSeconds: number
  /** Why a STALE entry was served (the upstream error code). */
  staleReason?: string
  /** Which tier answered a HIT or STALE: this container's memory, or the State service. */
  tier?: 'memory' | 'state'
}

export interface UpstreamTimings {
  profileMs?: number
  eventsMs?: number
  audiencesMs?: number
  totalMs: number
}

export interface ViewMeta {
  sandbox: string
  mergePolicyId: string
  /** ISO timestamp of when the data was read from AEP. */
  fetchedAt: string
  timings: UpstreamTimings
  events: EventsMeta
  cache?: CacheMeta
  /** Parts that failed to load this time (the view is shown, but not cached): `audienceNames`. */
  incomplete?: string[]
  /** True when the profile had more leaves than `customer.allAttributes` carries. */
  allAttributesTrimmed?: boolean
  requestId?: string
}

export interface CustomerView {
  customer: Customer
  meta: ViewMeta
}

/** Every error body the actions return. */
export interface ErrorBody {
  error: {
    code: string
    message: string
    /** Field-level details for validation errors: field name → message. */
    fields?: Record<string, string>
    /** Seconds to wait before retrying (rate limits). */
    retryAfterSeconds?: number
    requestId?: string
  }
}
