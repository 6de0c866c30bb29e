/**
 * A lookup through the cache: fresh entries are served without calling AEP (HIT); misses go to AEP
 * once per container however many identical lookups arrive together (coalescing); when AEP fails
 * with an outage, a timeout or a rate limit, an expired entry is served (STALE) instead of an error.
 */

import { rebindCursor } from '../aep'
import type { CachedView, ProfileCache } from '../cache'
import { UpstreamError } from '../errors'
import type { LookupRequest } from '../input'
import type { CacheMeta, CustomerView, Section } from '../view'
import { type LookupDeps, lookupCustomer } from './single-lookup'

export interface CachedLookupDeps extends LookupDeps {
  cache: ProfileCache
}

const inFlight = new Map<string, Promise<CustomerView>>()

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

export async function cachedLookup(req: LookupRequest, deps: CachedLookupDeps, bypass: boolean): Promise<CustomerView> {
  const scope = { sandbox: req.sandbox, mergePolicyId: req.mergePolicyId }
  const stored: CachedView | null = await deps.cache.read(scope, req.identity)
  if (!bypass && stored?.fresh && covers(stored.view, req)) {
    return withCache(
      stored.view,
      { status: 'HIT', ageSeconds: stored.ageSeconds, tier: stored.tier },
      req,
      deps.config.identitySalt
    )
  }

  const flightKey = JSON.stringify([
    deps.cache.key(scope, req.identity.namespace, req.identity.id),
    [...req.sections],
    req.eventsLimit
  ])
  let flight = inFlight.get(flightKey)
  if (!flight) {
    flight = (async () => {
      const view = await lookupCustomer(req, deps)
      if (storable(req.sections) && cacheable(view)) await deps.cache.write(scope, req.identity, view)
      return view
    })().finally(() => inFlight.delete(flightKey))
    inFlight.set(flightKey, flight)
  }

  try {
    const view = await flight
    return withCache(view, { status: bypass ? 'BYPASS' : 'MISS', ageSeconds: 0 }, req, deps.config.identitySalt)
  } catch (e) {
    if (e instanceof UpstreamError && e.transient && stored && covers(stored.view, req)) {
      deps.logger.warn('serving stale view', { code: e.code, ageSeconds: stored.ageSeconds })
      return withCache(
        stored.view,
        { status: 'STALE', ageSeconds: stored.ageSeconds, staleReason: e.code, tier: stored.tier },
        req,
        deps.config.identitySalt
      )
    }
    throw e
  }
}
