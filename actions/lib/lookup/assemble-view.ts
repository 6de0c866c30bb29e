/**
 * The customer view from what AEP answered, the same way for a single lookup and for each
 * customer of a batch: the customer, and meta saying where it came from and what is missing.
 */
import { type AepEventsPage, type AepProfileEntity, hrefToCursor, type NormalisedIdentity } from '../aep'
import { UpstreamError } from '../errors'
import { guide } from '../guidance'
import type { EventRule, ViewMapping } from '../mapping'
import {
  buildCustomer,
  type CustomerEvent,
  type CustomerView,
  type EventsMeta,
  profileFieldsOf,
  toCustomerEvent,
  type UpstreamTimings
} from '../view'

export interface EventsPart {
  list: CustomerEvent[]
  meta: EventsMeta
}

export const EVENTS_NOT_REQUESTED: EventsPart = {
  list: [],
  meta: { status: 'unavailable', reason: 'NOT_REQUESTED', nextCursor: null }
}

/** Timeline entries of a page; `rules` are the mapping's tenant event rules. */
export function toEvents(page: AepEventsPage, rules: readonly EventRule[]): CustomerEvent[] {
  return page.events.map((e) => toCustomerEvent(e, rules)).filter((e): e is CustomerEvent => e !== null)
}

/** A page of events as the view carries them, with the "load more" cursor bound to `identity`. */
export function eventsFrom(
  page: AepEventsPage,
  identity: NormalisedIdentity,
  limit: number,
  salt: string,
  rules: readonly EventRule[]
): EventsPart {
  return {
    list: toEvents(page, rules).slice(0, limit),
    meta: { status: 'available', nextCursor: hrefToCursor(page.next, identity, salt) }
  }
}

/** Why events are missing: AEP refused the event lookup outright, or it failed this time. */
export function eventsFailure(error: unknown): string {
  if (
    error instanceof UpstreamError &&
    error.upstreamStatus !== undefined &&
    [400, 403, 404, 422].includes(error.upstreamStatus)
  )
    return 'EVENTS_LOOKUP_REFUSED'
  return error instanceof UpstreamError ? error.code : 'EVENTS_UNAVAILABLE'
}

export function eventsUnavailable(error: unknown): EventsPart {
  return { list: [], meta: { status: 'unavailable', reason: eventsFailure(error), nextCursor: null } }
}

export interface ViewParts {
  profile: AepProfileEntity
  events: EventsPart
  names: Map<string, string | null>
  /** Parts that failed for a passing reason (the view is then served but never cached). */
  incomplete: string[]
  timings: UpstreamTimings
}

/**
 * The view of one customer. Reasons for the call are measured from `now` (assembly time): a view
 * served from the cache keeps the reasons of when it was fetched.
 */
export function assembleView(
  parts: ViewParts,
  scope: { sandbox: string; mergePolicyId: string | null },
  mapping: ViewMapping,
  now: number = Date.now()
): CustomerView {
  const { profile, events, names, incomplete, timings } = parts
  const fields = profileFieldsOf(profile.entity)
  const customer = buildCustomer(profile, events.list, names, mapping, fields)
  const { reasons, explanations } = guide(customer, mapping, now)
  customer.insights.reasons = reasons
  customer.insights.explanations = explanations
  return {
    customer,
    meta: {
      sandbox: scope.sandbox,
      mergePolicyId: profile.mergePolicyId ?? scope.mergePolicyId ?? 'default',
      fetchedAt: new Date(now).toISOString(),
      timings,
      events: events.meta,
      ...(incomplete.length > 0 ? { incomplete } : {}),
      ...(fields.trimmed ? { allAttributesTrimmed: true } : {})
    }
  }
}
