/**
 * One customer lookup: the profile, the recent events and the audience names, fetched from AEP in
 * parallel and shaped into the customer view. Events are best-effort: when AEP refuses or fails
 * the event lookup, the view still renders with events marked unavailable.
 */
import type { AepClient, AudienceNames, CallOptions } from '../aep'
import type { Config } from '../config'
import { NotFoundError, UpstreamError, ValidationError } from '../errors'
import type { LookupRequest } from '../input'
import type { Logger } from '../observability'
import { type CustomerView, membershipsOf, type UpstreamTimings } from '../view'
import { assembleView, EVENTS_NOT_REQUESTED, eventsFrom, eventsUnavailable } from './assemble-view'

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

/**
 * AEP answers 400 to what passed our checks but not its own: an identity namespace code the org
 * does not have, or a page position it does not know. That is the caller's input, not an outage.
 */
export function asInputError(error: unknown, field: 'namespace' | 'cursor'): unknown {
  if (!(error instanceof UpstreamError) || error.upstreamStatus !== 400) return error
  return field === 'namespace'
    ? new ValidationError('INVALID_IDENTITY', {
        namespace: 'is not an identity namespace of this sandbox (see the metadata action)'
      })
    : new ValidationError('INVALID_PARAMETER', { cursor: "is not a cursor this customer's events returned" })
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
    throw new NotFoundError(
      'PROFILE_NOT_FOUND',
      `No customer profile matches this ${req.identity.namespace} in sandbox "${req.sandbox}".`
    )
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

  let events = EVENTS_NOT_REQUESTED
  if (eventsP) {
    const result = await eventsP
    timings.eventsMs = result.ms
    if (result.ok)
      events = eventsFrom(
        result.value,
        req.identity,
        req.eventsLimit,
        deps.config.identitySalt,
        deps.config.mapping.events
      )
    else {
      events = eventsUnavailable(result.error)
      deps.logger.warn('events unavailable', { reason: events.meta.reason, error: result.error })
    }
  }
  timings.totalMs = Math.round(performance.now() - started)
  return assembleView({ profile: profile.value, events, names, incomplete, timings }, req, deps.config.mapping)
}
