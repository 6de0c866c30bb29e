/**
 * CUSTOMER_VIEW_MAPPING: how one org's data becomes the customer view. Every org keeps its own
 * fields under `_<tenant>.…`, so the admin says, in one JSON deployment input, which profile fields
 * are shown as attribute cards, which model scores are insights and how tenant events read.
 * docs/deploy.md documents the format; parseViewMapping() validates it field by field.
 */

/** A text the admin writes once per language; `en` is required and is the fallback. */
export interface LocalizedText {
  en: string
  'zh-Hant'?: string
}

export type AttributeFormat = 'text' | 'number' | 'money' | 'date' | 'boolean' | 'enum'

export interface AttributeRule {
  /** Stable id of the card (defaults to the path); the UI keys on it. */
  id: string
  /** Dot path in the merged profile, e.g. `_acme.loyalty.status`. */
  path: string
  label: LocalizedText
  format: AttributeFormat
  /** money: the path holding the ISO 4217 code, else `currency`, else the mapping's defaultCurrency. */
  currencyPath?: string
  currency?: string
  /** enum: raw value → label. A value not listed is shown as stored. */
  enumLabels?: Record<string, LocalizedText>
}

export interface Bands {
  /** Scores below `medium` are low, from `high` up are high (0 < medium < high < 1). */
  medium: number
  high: number
}

export interface InsightRule {
  /** Stable id (`churnPropensity`, `upsell`, …); the view's `insights.scores[].id`. */
  id: string
  /** Dot path of a score in 0..1 (or 0..100 when `scale` is 100). */
  path: string
  label: LocalizedText
  scale: 1 | 100
  bands: Bands
  /** What a high score means, for the wording: a risk (churn) or an opportunity (engagement). */
  highIs: 'risk' | 'opportunity'
}

/** How a tenant event is recognised: by its eventType, or by a field path it carries. */
export type EventMatch = { eventType: string } | { hasPath: string }

/** Fields of the standard event details a rule may fill from the event (each a dot path). */
export const EVENT_DETAIL_PATHS = ['reason', 'outcome', 'durationSeconds', 'campaign', 'page', 'amount'] as const
export type EventDetailPath = (typeof EVENT_DETAIL_PATHS)[number]

export interface EventRule {
  id: string
  match: EventMatch
  /** One of the view's event kinds (EVENT_KINDS in actions/lib/xdm). */
  kind: string
  /** Channel shown for the event (`phone`, `store`, …); null lets the event's own channel speak. */
  channel: string | null
  /** Standard details read from the event: `{ "reason": "_acme.call.topic" }`. */
  details: Partial<Record<EventDetailPath, string>>
  /**
   * One-line summary, a template over field paths: `Call about {_acme.call.topic}`. A placeholder
   * whose field is missing renders as nothing; a summary left empty falls back to the kind's own.
   */
  summary?: LocalizedText
  /**
   * Words for stored codes, by dot path: `{ "_acme.call.topic": { "billing": { "en": "Billing" } } }`.
   * The wrap-up's topics, outcomes and sentiments are added for their paths (mapping.interactions).
   */
  valueLabels?: Record<string, Record<string, LocalizedText>>
}

/** The default call-reason rules (actions/lib/guidance); `reasons.disabled` names them. */
export const REASON_CODES = [
  'recent-support-contact',
  'recent-order',
  'abandoned-cart',
  'email-opened-today',
  'high-churn-risk',
  'audience-exit'
] as const
export type ReasonCode = (typeof REASON_CODES)[number]

/** The rules that look back over a window of time, and how far by default (hours). */
export const REASON_WINDOWS_HOURS = Object.freeze({
  'recent-support-contact': 7 * 24,
  'recent-order': 14 * 24,
  'abandoned-cart': 48,
  'audience-exit': 30 * 24
})
export type WindowedReason = keyof typeof REASON_WINDOWS_HOURS

/** How the admin adjusts the call-reason rules (`reasons` in CUSTOMER_VIEW_MAPPING). */
export interface ReasonSettings {
  /** Rules that never give a hint. */
  disabled: ReasonCode[]
  /** How far back each windowed rule looks, in hours (defaults filled in). */
  windows: Record<WindowedReason, number>
  /** Which exited audiences `audience-exit` watches: a case-insensitive regular expression. */
  audiencePattern: string
}

export interface ViewMapping {
  /** Mapped attribute cards, in display order (none by default: the built-in cards show). */
  attributes: AttributeRule[]
  /** Model scores shown as insights, in display order. */
  insights: InsightRule[]
  lifetimeValue: { path: string; currencyPath: string } | null
  /** Tenant event rules, tried in order before the standard XDM catalogue. */
  events: EventRule[]
  /** Default score bands: of insight rules without their own, and of Customer AI scores. */
  bands: Bands
  /** Currency used when a money field has none. */
  defaultCurrency: string
  /** Adjustments of the call-reason rules. */
  reasons: ReasonSettings
  /** The wrap-up event's shape; null = this org records no interactions. */
  interactions: InteractionShape | null
}

/** What an interaction field of the wrap-up form is called in the event: its dot path. */
export const INTERACTION_FIELDS = [
  'interactionId',
  'topic',
  'outcome',
  'sentiment',
  'note',
  'followUpDate',
  'agent'
] as const
export type InteractionField = (typeof INTERACTION_FIELDS)[number]

/** One choice of the wrap-up form (a topic, an outcome, a sentiment): the code written, the label shown. */
export interface InteractionChoice {
  code: string
  label: LocalizedText
}

/**
 * CUSTOMER_VIEW_MAPPING.interactions: the shape of the call-centre ExperienceEvent the wrap-up
 * form writes through Streaming Ingestion, and the choices the form offers.
 */
export interface InteractionShape {
  /** `$id` of the org's XDM ExperienceEvent schema the dataset is built on. */
  schemaId: string
  schemaVersion: number
  /** Written as the event's `eventType` when set. */
  eventType: string | null
  /** How the agent is recorded: a salted hash of the IMS user id (default), the id itself, or not at all. */
  agent: 'hashed' | 'id' | 'none'
  /** Where each value goes; interactionId, topic and outcome are required, the others optional. */
  fields: { interactionId: string; topic: string; outcome: string } & Partial<Record<InteractionField, string>>
  topics: InteractionChoice[]
  outcomes: InteractionChoice[]
  sentiments: InteractionChoice[]
  noteMaxLength: number
}
