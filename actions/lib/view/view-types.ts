/**
 * The customer view: what every action returns for one customer and what the agent console renders.
 * This file is the contract between the actions, the web UI and docs/api.md; keep it free of logic.
 */

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

export interface Money {
  value: number
  /** ISO 4217 code. */
  currency: string
}

export interface Insights {
  lifetimeValue: Money | null
  churnPropensity: Score | null
  engagementPropensity: Score | null
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

export type AudienceStatus = 'realized' | 'exited'

export interface Audience {
  id: string
  /** The audience's name from AEP; null when AEP could not name it (the id still shows). */
  name: string | null
  status: AudienceStatus
  /** ISO timestamp of the last qualification (or exit). */
  since: string | null
}

export type EventKind = 'purchase' | 'email-open' | 'email-click' | 'web-visit' | 'support-call' | 'other'

export interface EventDetails {
  itemCount?: number
  amount?: Money
  campaign?: string
  page?: string
  reason?: string
  durationSeconds?: number
}

export interface CustomerEvent {
  id: string
  type: EventKind
  /** The XDM `eventType` as AEP stored it. */
  xdmEventType: string
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
  insights: Insights
  audiences: Audience[]
  events: CustomerEvent[]
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
