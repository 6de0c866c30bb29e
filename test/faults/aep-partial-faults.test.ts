/**
 * The AEP calls around the profile lookup failing: experience events, audience names, the batch
 * POST, the "load more" page and the metadata lists. A lookup whose profile loaded still answers
 * 200 with a whole view — the failed part marked, never cached — and every other action answers
 * a JSON error with a stable code after at most 2 attempts.
 */
import { main as events } from '../../actions/customer-events'
import { main as profile } from '../../actions/customer-profile'
import { main as batch } from '../../actions/customer-profiles'
import type { BatchAnswer } from '../../actions/lib/lookup/batch-lookup'
import type { CustomerView } from '../../actions/lib/view/view-types'
import { main as metadata } from '../../actions/metadata'
import type { Fault, FaultType } from '../../stand-ins'
import { bodyOf, startTestEnv, type TestEnv } from '../integration/harness'
import { findLeaks, seededPii, seedsOf } from '../security/leak-scan'
import { customerProblems, errorCode, storedValue, viewKeys, viewProblems, watchUnhandledRejections } from './support'

let env: TestEnv
const unhandled = watchUnhandledRejections()
const FAST = { AEP_TIMEOUT_MS: '300' }
const crm = (n: number) => ({ namespace: 'crmid', id: `CRM-${String(n).padStart(6, '0')}` })
const aep = () => env.standIns.aep.control

/** Each fault type, as it reaches the caller when AEP keeps failing that way. */
const FAULTS: Array<[FaultType, Partial<Fault>, string]> = [
  ['429', { retryAfterMs: 5000 }, 'UPSTREAM_RATE_LIMITED'],
  ['500', {}, 'UPSTREAM_UNAVAILABLE'],
  ['502', {}, 'UPSTREAM_UNAVAILABLE'],
  ['503', {}, 'UPSTREAM_UNAVAILABLE'],
  ['hang', {}, 'UPSTREAM_TIMEOUT'],
  ['reset', {}, 'UPSTREAM_UNAVAILABLE'],
  ['malformed', {}, 'UPSTREAM_BAD_RESPONSE'],
  ['trickle', { chunkBytes: 8, intervalMs: 50 }, 'UPSTREAM_TIMEOUT']
]

beforeAll(async () => {
  env = await startTestEnv()
})
afterAll(async () => {
  unhandled.stop()
  await env.close()
})
beforeEach(() => {
  env.reset({ keepLogs: true })
})

describe.each(FAULTS)('AEP experience events failing with %s', (type, more, reason) => {
  it(`still answers 200 with a whole view, events unavailable (${reason}), not cached; the next lookup loads them`, async () => {
    aep().addFault({ route: 'entities.events', type, ...more })
    const res = await env.call(profile, crm(100), { inputs: FAST })
    expect(res.statusCode).toBe(200)
    const view = bodyOf<CustomerView>(res)
    expect(viewProblems(view)).toEqual([])
    expect(view.customer.events).toEqual([])
    expect(view.meta.events).toEqual({ status: 'unavailable', reason, nextCursor: null })
    expect(aep().count('entities.events')).toBeLessThanOrEqual(2)
    expect(viewKeys(env)).toEqual([])

    aep().clearFaults()
    const next = bodyOf<CustomerView>(await env.call(profile, crm(100), { inputs: FAST }))
    expect([next.meta.cache?.status, next.meta.events.status]).toEqual(['MISS', 'available'])
  })
})

describe.each(FAULTS)('AEP audience names failing with %s', (type, more) => {
  it('still answers 200 with every audience (names null), marked incomplete and not cached', async () => {
    aep().addFault({ route: 'audiences', type, ...more })
    const res = await env.call(profile, { ...crm(110), fields: 'name,audiences' }, { inputs: FAST })
    expect(res.statusCode).toBe(200)
    const view = bodyOf<CustomerView>(res)
    expect(customerProblems(view.customer, ['name', 'audiences'])).toEqual([])
    expect(view.customer.audiences.length).toBeGreaterThan(0)
    expect(view.customer.audiences.every((a) => a.name === null)).toBe(true)
    expect(view.meta.incomplete).toEqual(['audienceNames'])
    const perAudience = new Map<string, number>()
    for (const r of aep().requests('audiences')) perAudience.set(r.path, (perAudience.get(r.path) ?? 0) + 1)
    expect(Math.max(...perAudience.values())).toBeLessThanOrEqual(2)
    expect(viewKeys(env)).toEqual([])
  })
})

describe.each(FAULTS)('AEP batch POST failing with %s', (type, more, code) => {
  it(`answers 200 with each uncached identity in error ${code}, after at most 2 attempts, caching nothing`, async () => {
    aep().addFault({ route: 'entities.multi', type, ...more })
    const res = await env.call(
      batch,
      {},
      { inputs: FAST, method: 'POST', body: { identities: [crm(120), crm(121), { namespace: 'email', id: 'x' }] } }
    )
    expect(res.statusCode).toBe(200)
    const { results } = bodyOf<BatchAnswer>(res)
    expect(results.map((r) => [r.status, r.error?.code])).toEqual([
      ['error', code],
      ['error', code],
      ['invalid', 'INVALID_IDENTITY']
    ])
    expect(aep().count('entities.multi')).toBeLessThanOrEqual(2)
    expect(viewKeys(env)).toEqual([])
  })
})

describe('a bypassing batch during an AEP outage', () => {
  it('serves the stored customer as STALE and fails only the other', async () => {
    await env.call(profile, crm(130))
    aep().addFault({ route: 'entities.multi', type: '503' })
    const res = await env.call(
      batch,
      {},
      {
        inputs: FAST,
        method: 'POST',
        body: { identities: [crm(130), crm(131)] },
        headers: { 'cache-control': 'no-cache' }
      }
    )
    const { results } = bodyOf<BatchAnswer>(res)
    expect(results[0]).toMatchObject({
      status: 'found',
      cache: { status: 'STALE', staleReason: 'UPSTREAM_UNAVAILABLE' }
    })
    expect(
      customerProblems(results[0]?.customer, ['identities', 'name', 'contact', 'attributes', 'insights', 'audiences'])
    ).toEqual([])
    expect(results[1]).toMatchObject({ status: 'error', error: { code: 'UPSTREAM_UNAVAILABLE' } })
  })
})

describe.each(FAULTS)('AEP failing with %s under customer-events and metadata', (type, more, code) => {
  const status = code === 'UPSTREAM_RATE_LIMITED' ? 429 : code === 'UPSTREAM_TIMEOUT' ? 504 : 502

  it(`customer-events answers ${status} ${code} after at most 2 attempts`, async () => {
    aep().addFault({ route: 'entities.events', type, ...more })
    const res = await env.call(events, crm(140), { inputs: FAST })
    expect([res.statusCode, errorCode(res)]).toEqual([status, code])
    expect(aep().count('entities.events')).toBeLessThanOrEqual(2)
  })

  it(`metadata answers ${status} ${code} and stores no metadata`, async () => {
    aep().addFault({ route: 'namespaces', type, ...more })
    const res = await env.call(metadata, {}, { inputs: FAST })
    expect([res.statusCode, errorCode(res)]).toEqual([status, code])
    expect(aep().count('namespaces')).toBeLessThanOrEqual(2)
    const stored = env.standIns.state.store.keys('cah-local').filter((k) => k.startsWith('cah1.meta.'))
    expect(stored.map((k) => storedValue(env, k))).toEqual([])
  })
})

describe('the whole suite', () => {
  it('raised no unhandled rejection and logged no token, secret or customer PII', async () => {
    await new Promise((r) => setTimeout(r, 50))
    expect(unhandled.seen).toEqual([])
    expect(env.logs.length).toBeGreaterThan(50)
    expect(
      findLeaks(
        env.logs,
        seededPii(
          seedsOf(env),
          Array.from({ length: 150 }, (_, i) => i)
        )
      )
    ).toEqual([])
  })
})
