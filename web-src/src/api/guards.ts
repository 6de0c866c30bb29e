/**
 * Light shape checks on what the actions answer, so a proxy's HTML error page or a half-deployed
 * action shows as "bad response" instead of crashing a component deep in the tree.
 */
import type { CustomerEvent, CustomerView, EventsPage, InteractionAnswer, Metadata, RevealAnswer } from './types'

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

/** Absent (an older cached view) or an array. */
const optionalArray = (v: unknown): boolean => v === undefined || Array.isArray(v)

export function isCustomerView(v: unknown): v is CustomerView {
  if (!isRecord(v) || !isRecord(v.customer) || !isRecord(v.meta)) return false
  const c = v.customer
  const m = v.meta
  return (
    typeof c.profileId === 'string' &&
    Array.isArray(c.identities) &&
    isRecord(c.name) &&
    isRecord(c.contact) &&
    isRecord(c.attributes) &&
    isRecord(c.insights) &&
    Array.isArray(c.audiences) &&
    Array.isArray(c.events) &&
    optionalArray(c.mappedAttributes) &&
    optionalArray(c.allAttributes) &&
    (c.consents === undefined || isRecord(c.consents)) &&
    optionalArray(c.insights.scores) &&
    optionalArray(c.insights.computed) &&
    optionalArray(c.insights.reasons) &&
    optionalArray(c.insights.explanations) &&
    typeof m.sandbox === 'string' &&
    typeof m.fetchedAt === 'string' &&
    isRecord(m.events)
  )
}

export function isEventsPage(v: unknown): v is EventsPage {
  return isRecord(v) && Array.isArray(v.events) && (v.nextCursor === null || typeof v.nextCursor === 'string')
}

export function isMetadata(v: unknown): v is Metadata {
  return (
    isRecord(v) &&
    typeof v.sandbox === 'string' &&
    Array.isArray(v.sandboxes) &&
    Array.isArray(v.namespaces) &&
    v.namespaces.every((n) => isRecord(n) && typeof n.code === 'string' && typeof n.name === 'string') &&
    Array.isArray(v.mergePolicies)
  )
}

/** Only an explicit `revealed: true` counts: anything else keeps the data masked. */
export function isRevealAnswer(v: unknown): v is RevealAnswer {
  return isRecord(v) && v.revealed === true && (v.requestId === undefined || typeof v.requestId === 'string')
}

/**
 * Only an explicit `accepted: true` with the event id counts as saved: anything else is reported as
 * a bad response, and the form keeps what the agent typed.
 */
export function isInteractionAnswer(v: unknown): v is InteractionAnswer {
  const optionalBoolean = (x: unknown): boolean => x === undefined || typeof x === 'boolean'
  return (
    isRecord(v) &&
    v.accepted === true &&
    typeof v.eventId === 'string' &&
    v.eventId !== '' &&
    typeof v.interactionId === 'string' &&
    typeof v.timestamp === 'string' &&
    typeof v.sandbox === 'string' &&
    optionalBoolean(v.noteRedacted) &&
    optionalBoolean(v.cacheInvalidated) &&
    (v.event === undefined || v.event === null || isTimelineEvent(v.event)) &&
    (v.requestId === undefined || typeof v.requestId === 'string')
  )
}

/** Enough of a timeline entry to show it: an id, a kind, a time, a line and its details. */
export function isTimelineEvent(v: unknown): v is CustomerEvent {
  return (
    isRecord(v) &&
    typeof v.id === 'string' &&
    typeof v.type === 'string' &&
    typeof v.timestamp === 'string' &&
    typeof v.summary === 'string' &&
    (v.channel === null || typeof v.channel === 'string') &&
    isRecord(v.details)
  )
}
