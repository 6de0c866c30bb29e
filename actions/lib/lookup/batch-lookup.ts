/**
 * Many customers at once, for systems (CRM, IVR, ticketing). Cached views answer first; every
 * miss goes to AEP in as few multi-entity POSTs as AEP allows (100 identities each), events only
 * when asked for. Each identity gets its own status, so one bad identity never fails the batch.
 */
import type { CallOptions } from '../aep'
import { MAX_IDENTITIES_PER_POST } from '../aep'
import type { AepProfileEntity } from '../aep'
import { isObject } from '../aep'
import type { BatchRequest } from '../input'
import { cacheable, covers, type CachedLookupDeps } from './cached-lookup'
import { buildCustomer, membershipsOf, projectCustomer } from '../view'
import { AppError, UpstreamError } from '../errors'
import type { NormalisedIdentity } from '../input'
import type { LookupRequest } from '../input'
import type { CachedView } from '../cache'
import { hrefToCursor } from '../aep'
import { eventsFailure, LOOKUP_BUDGET_MS, toEvents } from './single-lookup'
import type { CacheMeta, Customer, CustomerEvent, CustomerView, EventsMeta } from '../view'

export type BatchStatus = 'found' | 'not_found' | 'invalid' | 'error'

export interface BatchResult {
  index: number
  namespace: string | null
  status: BatchStatus
  customer?: Partial<Customer> & { profileId: string }
  cache?: CacheMeta
  error?: { code: string; message: string; fields?: Record<string, string> }
}

export interface BatchAnswer {
  results: BatchResult[]
  meta: { sandbox: string; mergePolicyId: string; fetchedAt: string; counts: Record<BatchStatus, number>; upstreamCalls: number }
}

const EVENT_CONCURRENCY = 8
const WRITE_CONCURRENCY = 10
const keyOf = (i: NormalisedIdentity): string => `${i.namespace}\u0000${i.id}`

/** Which returned profile answers this identity: the one asked for it, else the one holding it. */
function match(identity: NormalisedIdentity, items: Array<AepProfileEntity & { requested: { id: string; ns: string } | null }>): AepProfileEntity | null {
  const found = items.filter((p) => Object.keys(p.entity).length > 0)
  const asked = found.find((p) => p.requested?.id === identity.id && p.requested.ns.toLowerCase() === identity.aepNamespace.toLowerCase())
  if (asked) return asked
  return found.find((p) => {
    const map = isObject(p.entity.identityMap) ? p.entity.identityMap : {}
    return Object.entries(map).some(([ns, list]) => ns.toLowerCase() === identity.aepNamespace.toLowerCase() &&
      Array.isArray(list) && list.some((e) => isObject(e) && e.id === identity.id))
  }) ?? null
}

async function inBatches<T>(work: Array<() => Promise<T>>, size: number): Promise<T[]> {
  const out: T[] = []
  for (let i = 0; i < work.length; i += size) out.push(...(await Promise.all(work.slice(i, i + size).map((w) => w()))))
  return out
}

function errorOf(e: unknown): BatchResult['error'] {
  return e instanceof AppError ? { code: e.code, message: e.message } : { code: 'INTERNAL_ERROR', message: 'This identity could not be looked up.' }
}

export async function batchLookup(req: BatchRequest, deps: CachedLookupDeps, bypass: boolean): Promise<BatchAnswer> {
  const { aep, cache } = deps
  const scope = { sandbox: req.sandbox, mergePolicyId: req.mergePolicyId }
  const call: CallOptions = { sandbox: req.sandbox, deadline: Date.now() + LOOKUP_BUDGET_MS }
  const asLookup = (identity: NormalisedIdentity): LookupRequest => ({ identity, sandbox: req.sandbox, mergePolicyId: req.mergePolicyId, sections: req.sections, eventsLimit: req.eventsLimit })
  let upstreamCalls = 0

  // 1. The cache, for every valid identity at once.
  const unique = new Map<string, NormalisedIdentity>()
  for (const item of req.items) if (item.identity.ok) unique.set(keyOf(item.identity.identity), item.identity.identity)
  const stored = new Map<string, CachedView | null>()
  await Promise.all([...unique.entries()].map(async ([k, identity]) => { stored.set(k, await cache.read(scope, identity)) }))
  const misses = [...unique.entries()].filter(([k, identity]) => {
    const s = stored.get(k)
    return bypass || !s?.fresh || !covers(s.view, asLookup(identity))
  })
  const missed = new Set(misses.map(([k]) => k))

  // 2. AEP for the misses: multi-entity POSTs, then names and (if asked) events of what was found.
  const views = new Map<string, CustomerView | null>()
  let failure: unknown = null
  if (misses.length > 0) {
    try {
      const chunks: Array<Array<[string, NormalisedIdentity]>> = []
      for (let i = 0; i < misses.length; i += MAX_IDENTITIES_PER_POST) chunks.push(misses.slice(i, i + MAX_IDENTITIES_PER_POST))
      upstreamCalls += chunks.length
      const answers = await Promise.all(chunks.map((c) => aep.getProfiles(c.map(([, i]) => i), { ...call, mergePolicyId: req.mergePolicyId })))
      const items = answers.flat()
      const profiles = new Map(misses.map(([k, identity]) => [k, match(identity, items)]))
      const ids = [...new Set([...profiles.values()].flatMap((p) => (p ? membershipsOf(p.entity).map((m) => m.id) : [])))]
      const names = req.sections.has('audiences') ? await deps.audiences.resolve(ids, call, aep, deps.logger) : { names: new Map<string, string | null>(), failed: 0 }
      const events = new Map<string, { list: CustomerEvent[]; meta: EventsMeta }>()
      if (req.sections.has('events')) {
        const wanted = misses.filter(([k]) => profiles.get(k))
        upstreamCalls += wanted.length
        await inBatches(wanted.map(([k, identity]) => async () => {
          try {
            const page = await aep.getEvents(identity, { ...call, mergePolicyId: req.mergePolicyId, limit: req.eventsLimit })
            events.set(k, { list: toEvents(page).slice(0, req.eventsLimit), meta: { status: 'available', nextCursor: hrefToCursor(page.next, identity, deps.config.identitySalt) } })
          } catch (e) {
            events.set(k, { list: [], meta: { status: 'unavailable', reason: eventsFailure(e), nextCursor: null } })
          }
        }), EVENT_CONCURRENCY)
      }
      const writes: Array<() => Promise<void>> = []
      for (const [k, identity] of misses) {
        const profile = profiles.get(k)
        if (!profile) { views.set(k, null); continue }
        const ev = events.get(k) ?? { list: [], meta: { status: 'unavailable' as const, reason: 'NOT_REQUESTED', nextCursor: null } }
        const view: CustomerView = {
          customer: buildCustomer(profile, ev.list, names.names, deps.config.insights),
          meta: {
            sandbox: req.sandbox,
            mergePolicyId: profile.mergePolicyId ?? req.mergePolicyId ?? 'default',
            fetchedAt: new Date().toISOString(),
            timings: { totalMs: 0 },
            events: ev.meta,
            ...(names.failed > 0 ? { incomplete: ['audienceNames'] } : {})
          }
        }
        views.set(k, view)
        if (req.sections.has('audiences') && cacheable(view)) writes.push(() => cache.write(scope, identity, view))
      }
      // Views are written WRITE_CONCURRENCY at a time, not one after another (each write is 1 + up to 12 State puts).
      await inBatches(writes, WRITE_CONCURRENCY)
    } catch (e) {
      failure = e
      deps.logger.warn('batch lookup upstream failure', { error: e })
    }
  }

  // 3. One result per requested identity, in request order.
  const results = req.items.map((item): BatchResult => {
    const base = { index: item.index, namespace: item.namespace }
    if (!item.identity.ok) {
      return { ...base, status: 'invalid', error: { code: 'INVALID_IDENTITY', message: 'This identity is not valid.', fields: { [item.identity.field]: item.identity.message } } }
    }
    const k = keyOf(item.identity.identity)
    const s = stored.get(k) ?? null
    if (!missed.has(k) && s) return { ...base, status: 'found', customer: projectCustomer(s.view.customer, req.sections), cache: { status: 'HIT', ageSeconds: s.ageSeconds } }
    if (failure) {
      if (s && covers(s.view, asLookup(item.identity.identity)) && failure instanceof UpstreamError && failure.transient) {
        return { ...base, status: 'found', customer: projectCustomer(s.view.customer, req.sections), cache: { status: 'STALE', ageSeconds: s.ageSeconds, staleReason: failure.code } }
      }
      return { ...base, status: 'error', error: errorOf(failure) }
    }
    const view = views.get(k)
    if (!view) return { ...base, status: 'not_found' }
    return { ...base, status: 'found', customer: projectCustomer(view.customer, req.sections), cache: { status: bypass ? 'BYPASS' : 'MISS', ageSeconds: 0 } }
  })
  const counts: Record<BatchStatus, number> = { found: 0, not_found: 0, invalid: 0, error: 0 }
  for (const r of results) counts[r.status]++
  return { results, meta: { sandbox: req.sandbox, mergePolicyId: req.mergePolicyId ?? 'default', fetchedAt: new Date().toISOString(), counts, upstreamCalls } }
}
