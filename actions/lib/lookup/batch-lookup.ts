/**
 * Many customers at once, for systems (CRM, IVR, ticketing). Cached views answer first; every
 * miss goes to AEP in as few multi-entity POSTs as AEP allows (100 identities each), events only
 * when asked for. Each identity gets its own status, so one bad identity never fails the batch.
 */
import {
  type AepProfileEntity,
  type CallOptions,
  isObject,
  MAX_IDENTITIES_PER_POST,
  type NormalisedIdentity
} from '../aep'
import type { CachedView } from '../cache'
import { AppError, UpstreamError } from '../errors'
import type { BatchRequest, LookupRequest } from '../input'
import { type CacheMeta, type Customer, type CustomerView, membershipsOf, projectCustomer } from '../view'
import { assembleView, EVENTS_NOT_REQUESTED, type EventsPart, eventsFrom, eventsUnavailable } from './assemble-view'
import { type CachedLookupDeps, cacheable, covers } from './cached-lookup'
import { LOOKUP_BUDGET_MS } from './single-lookup'

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
  meta: {
    sandbox: string
    mergePolicyId: string
    fetchedAt: string
    counts: Record<BatchStatus, number>
    upstreamCalls: number
  }
}

type Requested = AepProfileEntity & { requested: { id: string; ns: string } | null }
type Miss = [key: string, identity: NormalisedIdentity]

const EVENT_CONCURRENCY = 8
const WRITE_CONCURRENCY = 10
const keyOf = (i: NormalisedIdentity): string => `${i.namespace}\u0000${i.id}`

/** What one batch shares between its phases. */
interface Batch {
  req: BatchRequest
  deps: CachedLookupDeps
  bypass: boolean
  call: CallOptions
  scope: { sandbox: string; mergePolicyId: string | null }
  asLookup(identity: NormalisedIdentity): LookupRequest
}

/** Which returned profile answers this identity: the one asked for it, else the one holding it. */
function match(identity: NormalisedIdentity, items: Requested[]): AepProfileEntity | null {
  const found = items.filter((p) => Object.keys(p.entity).length > 0)
  const ns = identity.aepNamespace.toLowerCase()
  const asked = found.find((p) => p.requested?.id === identity.id && p.requested.ns.toLowerCase() === ns)
  if (asked) return asked
  return (
    found.find((p) => {
      const map = isObject(p.entity.identityMap) ? p.entity.identityMap : {}
      return Object.entries(map).some(
        ([n, list]) =>
          n.toLowerCase() === ns && Array.isArray(list) && list.some((e) => isObject(e) && e.id === identity.id)
      )
    }) ?? null
  )
}

async function inBatches<T>(work: Array<() => Promise<T>>, size: number): Promise<T[]> {
  const out: T[] = []
  for (let i = 0; i < work.length; i += size) out.push(...(await Promise.all(work.slice(i, i + size).map((w) => w()))))
  return out
}

function errorOf(e: unknown): BatchResult['error'] {
  return e instanceof AppError
    ? { code: e.code, message: e.message }
    : { code: 'INTERNAL_ERROR', message: 'This identity could not be looked up.' }
}

/** 1. The cache, for every valid identity at once; returns what is stored and what must go to AEP. */
async function readCache(b: Batch): Promise<{ stored: Map<string, CachedView | null>; misses: Miss[] }> {
  const unique = new Map<string, NormalisedIdentity>()
  for (const item of b.req.items)
    if (item.identity.ok) unique.set(keyOf(item.identity.identity), item.identity.identity)
  const stored = new Map<string, CachedView | null>()
  await Promise.all(
    [...unique.entries()].map(async ([k, identity]) => {
      stored.set(k, await b.deps.cache.read(b.scope, identity))
    })
  )
  const misses = [...unique.entries()].filter(([k, identity]) => {
    const s = stored.get(k)
    return b.bypass || !s?.fresh || !covers(s.view, b.asLookup(identity))
  })
  return { stored, misses }
}

/** 2a. Each miss's profile, from multi-entity POSTs of at most MAX_IDENTITIES_PER_POST identities. */
async function fetchProfiles(
  b: Batch,
  misses: Miss[]
): Promise<{ profiles: Map<string, AepProfileEntity | null>; calls: number }> {
  const chunks: Miss[][] = []
  for (let i = 0; i < misses.length; i += MAX_IDENTITIES_PER_POST)
    chunks.push(misses.slice(i, i + MAX_IDENTITIES_PER_POST))
  const answers = await Promise.all(
    chunks.map((c) =>
      b.deps.aep.getProfiles(
        c.map(([, i]) => i),
        { ...b.call, mergePolicyId: b.req.mergePolicyId }
      )
    )
  )
  const items = answers.flat()
  return { profiles: new Map(misses.map(([k, identity]) => [k, match(identity, items)])), calls: chunks.length }
}

/** 2b. Events of the customers found, EVENT_CONCURRENCY at a time; a failure is that customer's only. */
async function fetchEvents(b: Batch, found: Miss[]): Promise<Map<string, EventsPart>> {
  const events = new Map<string, EventsPart>()
  await inBatches(
    found.map(([k, identity]) => async () => {
      try {
        const page = await b.deps.aep.getEvents(identity, {
          ...b.call,
          mergePolicyId: b.req.mergePolicyId,
          limit: b.req.eventsLimit
        })
        events.set(
          k,
          eventsFrom(page, identity, b.req.eventsLimit, b.deps.config.identitySalt, b.deps.config.mapping.events)
        )
      } catch (e) {
        events.set(k, eventsUnavailable(e))
      }
    }),
    EVENT_CONCURRENCY
  )
  return events
}

/** 2. AEP for the misses: profiles, then names and (if asked) events of what was found; then the views, stored. */
async function lookUpMisses(
  b: Batch,
  misses: Miss[]
): Promise<{ views: Map<string, CustomerView | null>; calls: number }> {
  const { profiles, calls } = await fetchProfiles(b, misses)
  const found = misses.filter(([k]) => profiles.get(k))
  const ids = [...new Set([...profiles.values()].flatMap((p) => (p ? membershipsOf(p.entity).map((m) => m.id) : [])))]
  const names = b.req.sections.has('audiences')
    ? await b.deps.audiences.resolve(ids, b.call, b.deps.aep, b.deps.logger)
    : { names: new Map<string, string | null>(), failed: 0 }
  const events = b.req.sections.has('events') ? await fetchEvents(b, found) : new Map<string, EventsPart>()
  const views = new Map<string, CustomerView | null>()
  const writes: Array<() => Promise<void>> = []
  for (const [k, identity] of misses) {
    const profile = profiles.get(k)
    if (!profile) {
      views.set(k, null)
      continue
    }
    const parts = {
      profile,
      events: events.get(k) ?? EVENTS_NOT_REQUESTED,
      names: names.names,
      incomplete: names.failed > 0 ? ['audienceNames'] : [],
      timings: { totalMs: 0 }
    }
    const view = assembleView(parts, b.req, b.deps.config.mapping)
    views.set(k, view)
    if (b.req.sections.has('audiences') && cacheable(view))
      writes.push(() => b.deps.cache.write(b.scope, identity, view))
  }
  // Views are written WRITE_CONCURRENCY at a time, not one after another (each write is 1 + up to 12 State puts).
  await inBatches(writes, WRITE_CONCURRENCY)
  return { views, calls: calls + (b.req.sections.has('events') ? found.length : 0) }
}

/** 3. One result per requested identity, in request order. */
function resultOf(
  b: Batch,
  item: BatchRequest['items'][number],
  looked: {
    stored: Map<string, CachedView | null>
    missed: Set<string>
    views: Map<string, CustomerView | null>
    failure: unknown
  }
): BatchResult {
  const base = { index: item.index, namespace: item.namespace }
  if (!item.identity.ok) {
    return {
      ...base,
      status: 'invalid',
      error: {
        code: 'INVALID_IDENTITY',
        message: 'This identity is not valid.',
        fields: { [item.identity.field]: item.identity.message }
      }
    }
  }
  const k = keyOf(item.identity.identity)
  const s = looked.stored.get(k) ?? null
  const found = (view: CustomerView, cache: CacheMeta): BatchResult => ({
    ...base,
    status: 'found',
    customer: projectCustomer(view.customer, b.req.sections),
    cache
  })
  if (!looked.missed.has(k) && s) return found(s.view, { status: 'HIT', ageSeconds: s.ageSeconds, tier: s.tier })
  const { failure } = looked
  if (failure) {
    if (
      s &&
      covers(s.view, b.asLookup(item.identity.identity)) &&
      failure instanceof UpstreamError &&
      failure.transient
    ) {
      return found(s.view, { status: 'STALE', ageSeconds: s.ageSeconds, staleReason: failure.code, tier: s.tier })
    }
    return { ...base, status: 'error', error: errorOf(failure) }
  }
  const view = looked.views.get(k)
  return view ? found(view, { status: b.bypass ? 'BYPASS' : 'MISS', ageSeconds: 0 }) : { ...base, status: 'not_found' }
}

export async function batchLookup(req: BatchRequest, deps: CachedLookupDeps, bypass: boolean): Promise<BatchAnswer> {
  const b: Batch = {
    req,
    deps,
    bypass,
    call: { sandbox: req.sandbox, deadline: Date.now() + LOOKUP_BUDGET_MS },
    scope: { sandbox: req.sandbox, mergePolicyId: req.mergePolicyId },
    asLookup: (identity) => ({
      identity,
      sandbox: req.sandbox,
      mergePolicyId: req.mergePolicyId,
      sections: req.sections,
      eventsLimit: req.eventsLimit
    })
  }
  const { stored, misses } = await readCache(b)
  let views = new Map<string, CustomerView | null>()
  let upstreamCalls = 0
  let failure: unknown = null
  if (misses.length > 0) {
    try {
      ;({ views, calls: upstreamCalls } = await lookUpMisses(b, misses))
    } catch (e) {
      failure = e
      upstreamCalls = Math.ceil(misses.length / MAX_IDENTITIES_PER_POST)
      deps.logger.warn('batch lookup upstream failure', { error: e })
    }
  }
  const looked = { stored, missed: new Set(misses.map(([k]) => k)), views, failure }
  const results = req.items.map((item) => resultOf(b, item, looked))
  const counts: Record<BatchStatus, number> = { found: 0, not_found: 0, invalid: 0, error: 0 }
  for (const r of results) counts[r.status]++
  return {
    results,
    meta: {
      sandbox: req.sandbox,
      mergePolicyId: req.mergePolicyId ?? 'default',
      fetchedAt: new Date().toISOString(),
      counts,
      upstreamCalls
    }
  }
}
