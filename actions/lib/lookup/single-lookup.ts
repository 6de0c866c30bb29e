/**
 * One customer lookup: the profile, the recent events and the audience names, fetched from AEP in
 * parallel and shaped into the customer view. Events are best-effort: when AEP refuses or fails
 * the event lookup, the view still renders with events marked unavailable.
 */
import type { AepClient, CallOptions } from '../aep'
import type { AudienceNames } from '../aep'
import type { Config } from '../config'
import { NotFoundError, UpstreamError, ValidationError } from '../errors'
import type { Logger } from '../observability'
import type { LookupRequest } from '../input'
import { buildCustomer, membershipsOf } from '../view'
import { toCustomerEvent } from '../view'
import { hrefToCursor } from '../aep'
import type { AepEventsPage } from '../aep'
import type { CustomerEvent, CustomerView, EventsMeta, UpstreamTimings } from '../view'

export interface LookupDeps {
  aep: AepClient
  audiences: AudienceNames
  config: Config
  logger: Logger
}

/** Total time one lookup may spend on AEP, retries included. */
export const LOOKUP_BUDGET_MS = 10_000

type Settled<T> = { ok: true; value: T; ms: number } | { ok: false; error: unknown; ms: number }

/** Starts `work` and records its duration; the returned promise never rejects (no unhandled rejections). */
function timed<T>(work: () => Promise<T>): Promise<Settled<T>> {
  const start = performance.now()
  return work().then(
    (value) => ({ ok: true as const, value, ms: Math.round(performance.now() - start) }),
    (error: unknown) => ({ ok: false as const, error, ms: Math.round(performance.now() - start) })
  )
}

/** Why events are missing: AEP refused the event lookup outright, or it failed this time. */
export function eventsFailure(error: unknown): string {
  if (error instanceof UpstreamError && error.upstreamStatus !== undefined && [400, 403, 404, 422].includes(error.upstreamStatus)) return 'EVENTS_LOOKUP_REFUSED'
  return error instanceof UpstreamError ? error.code : 'EVENTS_UNAVAILABLE'
}

/**
 * AEP answers 400 to what passed our checks but not its own: an identity namespace code the org
 * does not have, or a page position it does not know. That is the caller's input, not an outage.
 */
export function asInputError(error: unknown, field: 'namespace' | 'cursor'): unknown {
  if (!(error instanceof UpstreamError) || error.upstreamStatus !== 400) return error
  return field === 'namespace'
    ? new ValidationError('INVALID_IDENTITY', { namespace: 'is not an identity namespace of this sandbox (see the metadata action)' })
    : new ValidationError('INVALID_PARAMETER', { cursor: 'is not a cursor this customer\'s events returned' })
}

export function toEvents(page: AepEventsPage): CustomerEvent[] {
  return page.events.map(toCustomerEvent).filter((e): e is CustomerEvent => e !== null)
}

export async function lookupCustomer(req: LookupRequest, deps: LookupDeps): Promise<CustomerView> {
  const started = performance.now()
  const call: CallOptions = { sandbox: req.sandbox, deadline: Date.now() + LOOKUP_BUDGET_MS }
  const { aep } = deps
  const wantEvents = req.sections.has('events')

  const profileP = timed(() => aep.getProfile(req.identity, { ...call, mergePolicyId: req.mergePolicyId }))
  const eventsP = wantEvents
    ? timed(() => aep.getEvents(req.identity, { ...call, mergePolicyId: req.mergePolicyId, limit: req.eventsLimit }))
    : null

  const profile = await profileP
  if (!profile.ok) throw asInputError(profile.error, 'namespace')
  if (profile.value === null) {
    throw new NotFoundError('PROFILE_NOT_FOUND', `No customer profile matches this ${req.identity.namespace} in sandbox "${req.sandbox}".`)
  }

  const timings: UpstreamTimings = { profileMs: profile.ms, totalMs: 0 }
  let names = new Map<string, string | null>()
  const incomplete: string[] = []
  if (req.sections.has('audiences')) {
    const ids = membershipsOf(profile.value.entity).map((m) => m.id)
    const resolved = await timed(() => deps.audiences.resolve(ids, call, aep, deps.logger))
    if (resolved.ok) names = resolved.value.names
    if (!resolved.ok || resolved.value.failed > 0) incomplete.push('audienceNames')
    timings.audiencesMs = resolved.ms
  }

  let events: CustomerEvent[] = []
  let eventsMeta: EventsMeta = { status: 'unavailable', reason: 'NOT_REQUESTED', nextCursor: null }
  if (eventsP) {
    const result = await eventsP
    timings.eventsMs = result.ms
    if (result.ok) {
      events = toEvents(result.value).slice(0, req.eventsLimit)
      eventsMeta = { status: 'available', nextCursor: hrefToCursor(result.value.next, req.identity, deps.config.identitySalt) }
    } else {
      const reason = eventsFailure(result.error)
      deps.logger.warn('events unavailable', { reason, error: result.error })
      eventsMeta = { status: 'unavailable', reason, nextCursor: null }
    }
  }

  const customer = buildCustomer(profile.value, events, names, deps.config.insights)
  timings.totalMs = Math.round(performance.now() - started)
  return {
    customer,
    meta: {
      sandbox: req.sandbox,
      mergePolicyId: profile.value.mergePolicyId ?? req.mergePolicyId ?? 'default',
      fetchedAt: new Date().toISOString(),
      timings,
      events: eventsMeta,
      ...(incomplete.length > 0 ? { incomplete } : {})
    }
  }
}
