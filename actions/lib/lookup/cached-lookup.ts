/**
 * A lookup through the cache: fresh entries are served without calling AEP (HIT); misses go to AEP
 * once per container however many identical lookups arrive together (coalescing); when AEP fails
 * with an outage, a timeout or a rate limit, an expired entry is served (STALE) instead of an error.
 *
 * Two deployment settings shape a miss (docs/performance.md weighs them). CACHE_READ_MODE=before
 * (the default) asks State and calls AEP only when State has no fresh view; `parallel` asks both
 * at once after the memory tier, and a fresh State view then answers while its AEP call, already
 * sent, is spent for nothing. CACHE_WRITE_MODE=await (the default) answers a miss once State holds
 * the view; `behind` once this container's memory does, the State writes going on after it.
 */

import { rebindCursor } from '../aep'
import { type CachedView, type CacheScope, Coalescer, type FlightControl, type ProfileCache } from '../cache'
import { UpstreamError } from '../errors'
import type { LookupRequest } from '../input'
import type { Logger } from '../observability'
import type { CacheMeta, CustomerView, Section } from '../view'
import { type LookupDeps, lookupCustomer } from './single-lookup'

export interface CachedLookupDeps extends LookupDeps {
  cache: ProfileCache
}

const inFlight = new Coalescer<CustomerView>()

/** A view can be stored when it holds everything but (perhaps) events: audience names must be resolved. */
function storable(sections: ReadonlySet<Section>): boolean {
  return sections.has('audiences')
}

/** Whether a cached view can answer this request (same or fewer events than it holds). */
export function covers(cached: CustomerView, req: LookupRequest): boolean {
  const events = cached.meta.events
  if (!req.sections.has('events')) return true
  if (events.status !== 'available') return false
  return cached.customer.events.length >= req.eventsLimit || (events.nextCursor === null && !events.trimmed)
}

/** Parts failing for a passing reason make a view incomplete: it is served but never cached. */
export function cacheable(view: CustomerView): boolean {
  const e = view.meta.events
  return (
    !view.meta.incomplete?.length &&
    (e.status === 'available' || e.reason === 'EVENTS_LOOKUP_REFUSED' || e.reason === 'NOT_REQUESTED')
  )
}

function withCache(view: CustomerView, cache: CacheMeta, req: LookupRequest, salt: string): CustomerView {
  const events = req.sections.has('events') ? view.customer.events.slice(0, req.eventsLimit) : []
  // The stored cursor is bound to the identity the view was first read by; this request may use another.
  const nextCursor = rebindCursor(view.meta.events.nextCursor, req.identity, salt)
  return {
    customer: { ...view.customer, events },
    meta: { ...view.meta, events: { ...view.meta.events, nextCursor }, cache }
  }
}

/** Whether a stored view answers this request as a HIT. */
function answers(stored: CachedView, req: LookupRequest, bypass: boolean): boolean {
  return !bypass && stored.fresh && covers(stored.view, req)
}

/**
 * The customer view for this request, with `meta.cache` saying how it was answered: from a fresh
 * stored view (HIT, never on `bypass`), from AEP (MISS or BYPASS; one fetch for identical lookups
 * in flight), or from an expired one when AEP failed for a passing reason (STALE).
 */
export async function cachedLookup(req: LookupRequest, deps: CachedLookupDeps, bypass: boolean): Promise<CustomerView> {
  const scope = { sandbox: req.sandbox, mergePolicyId: req.mergePolicyId }
  const salt = deps.config.identitySalt
  const parallel = deps.config.cache.readMode === 'parallel'
  // The memory tier costs nothing: AEP is not asked beside it, only beside State.
  const held = parallel ? deps.cache.held(scope, req.identity) : null
  if (held && answers(held, req, bypass)) return withCache(held.view, hitMeta('HIT', held), req, salt)
  let flight = parallel ? join(req, deps, scope) : null
  let stored: CachedView | null
  try {
    stored = held ?? (await deps.cache.read(scope, req.identity))
  } catch (e) {
    flight?.leave()
    throw e
  }
  if (stored && answers(stored, req, bypass)) {
    if (flight) {
      flight.leave()
      // Counted: the AEP call a fresh State view made unnecessary still spent AEP quota.
      deps.logger.info('aep lookup not needed', { tier: stored.tier, readMode: 'parallel' })
    }
    return withCache(stored.view, hitMeta('HIT', stored), req, salt)
  }
  flight ??= join(req, deps, scope)

  try {
    const view = await flight.use()
    return withCache(view, { status: bypass ? 'BYPASS' : 'MISS', ageSeconds: 0 }, req, salt)
  } catch (e) {
    if (e instanceof UpstreamError && e.transient && stored && covers(stored.view, req)) {
      deps.logger.warn('serving stale view', { code: e.code, ageSeconds: stored.ageSeconds })
      return withCache(stored.view, { ...hitMeta('STALE', stored), staleReason: e.code }, req, salt)
    }
    throw e
  }
}

function hitMeta(status: 'HIT' | 'STALE', stored: CachedView): CacheMeta {
  return { status, ageSeconds: stored.ageSeconds, tier: stored.tier }
}

/** This lookup's AEP fetch, shared with identical lookups in flight in this container. */
function join(req: LookupRequest, deps: CachedLookupDeps, scope: CacheScope) {
  const key = JSON.stringify([
    deps.cache.key(scope, req.identity.namespace, req.identity.id),
    [...req.sections],
    req.eventsLimit
  ])
  return inFlight.join(key, (flight) => fetchAndStore(req, deps, scope, flight))
}

/** AEP, then the cache: stored when whole and when a caller used it (not when a fresh State view answered them all). */
async function fetchAndStore(
  req: LookupRequest,
  deps: CachedLookupDeps,
  scope: CacheScope,
  flight: FlightControl
): Promise<CustomerView> {
  const view = await lookupCustomer(req, { ...deps, logger: quietOnceAbandoned(deps.logger, flight) })
  if (storable(req.sections) && cacheable(view) && (await flight.wanted())) {
    if (deps.config.cache.writeMode === 'behind') void deps.cache.writeBehind(scope, req.identity, view)
    else await deps.cache.write(scope, req.identity, view)
  }
  return view
}

/** An abandoned fetch may outlive its activation (and a freeze): its failures concern nobody, so they go to debug. */
function quietOnceAbandoned(logger: Logger, flight: FlightControl): Logger {
  const quiet = (level: 'warn' | 'error') => (msg: string, fields?: Parameters<Logger['warn']>[1]) =>
    flight.abandoned ? logger.debug(msg, fields) : logger[level](msg, fields)
  return {
    debug: (msg, fields) => logger.debug(msg, fields),
    info: (msg, fields) => logger.info(msg, fields),
    warn: quiet('warn'),
    error: quiet('error')
  }
}
