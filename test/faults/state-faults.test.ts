/**
 * The App Builder State service failing in every way, with the real @adobe/aio-lib-state in the
 * loop. The cache is an optimisation, never a point of failure: every lookup still answers 200 with
 * a whole view from AEP, and an outage is logged once when it starts and once when it ends.
 */
import { main as invalidate } from '../../actions/cache-invalidate'
import { main } from '../../actions/customer-profile'
import { main as batch } from '../../actions/customer-profiles'
import type { BatchAnswer } from '../../actions/lib/lookup/batch-lookup'
import { LOOKUP_BUDGET_MS } from '../../actions/lib/lookup/single-lookup'
import type { CustomerView } from '../../actions/lib/view/view-types'
import type { Fault, FaultType } from '../../stand-ins'
import { bodyOf, JANE, startTestEnv, type TestEnv } from '../integration/harness'
import { findLeaks, seededPii, seedsOf } from '../security/leak-scan'
import { viewProblems, watchUnhandledRejections } from './support'

let env: TestEnv
let mark = 0
const unhandled = watchUnhandledRejections()
const crm = (n: number) => ({ namespace: 'crmid', id: `CRM-${String(n).padStart(6, '0')}` })
const state = () => env.standIns.state.control
const logsSince = (text: string): string[] => env.logs.slice(mark).filter((l) => l.includes(text))

const TYPES: Array<[FaultType, Partial<Fault>]> = [
  ['429', { retryAfterMs: 1000 }],
  ['500', {}],
  ['502', {}],
  ['503', {}],
  ['hang', {}],
  ['reset', {}],
  ['malformed', {}],
  ['trickle', { chunkBytes: 1, intervalMs: 200 }]
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
  mark = env.logs.length
})

describe.each(TYPES)('State failing with %s on every route', (type, more) => {
  it('still answers every lookup 200 with a whole view, logs the outage once, and its end once', async () => {
    const n = 150 + TYPES.findIndex(([t]) => t === type) * 3
    // Without the memory tier, so that lookups 3 and 5 read State (memory would answer them from the container).
    const inputs = { CACHE_MEMORY_SECONDS: '0' }
    // Warm the service token first, so the outage meets a container that did use State.
    expect((await env.call(main, crm(n), { inputs })).statusCode).toBe(200)
    state().addFault({ route: '*', type, ...more })
    const during = []
    // The third lookup reads what the first stored: a State that answers misses fine can still fail on a hit.
    for (const c of [n + 1, n + 2, n + 1]) during.push(await env.call(main, crm(c), { inputs }))
    expect(during.map((r) => r.statusCode)).toEqual([200, 200, 200])
    for (const r of during) expect(viewProblems(r.body)).toEqual([])
    expect(logsSince('state service unavailable')).toHaveLength(1)

    state().clearFaults()
    const after = await env.call(main, crm(n + 2), { inputs })
    expect(after.statusCode).toBe(200)
    expect(logsSince('state service recovered')).toHaveLength(1)
  })
})

describe('a State outage that starts and ends mid-run', () => {
  it('answers all 6 sequential lookups 200, serving from AEP during the outage and HITs after it', async () => {
    const statuses: Array<[number, string | undefined]> = []
    for (let i = 0; i < 6; i++) {
      if (i === 2) state().addFault({ route: '*', type: '503' })
      if (i === 4) state().clearFaults()
      // Without the memory tier: this is about State's outage, which memory would hide from lookups 3 and 4.
      const res = await env.call(main, crm(190 + (i % 2)), { inputs: { CACHE_MEMORY_SECONDS: '0' } })
      statuses.push([res.statusCode, bodyOf<CustomerView>(res).meta.cache?.status])
    }
    expect(statuses).toEqual([
      [200, 'MISS'],
      [200, 'MISS'],
      [200, 'MISS'],
      [200, 'MISS'],
      [200, 'HIT'],
      [200, 'HIT']
    ])
    expect(logsSince('state service unavailable')).toHaveLength(1)
    expect(logsSince('state service recovered')).toHaveLength(1)
  })
})

describe('a batch while State hangs', () => {
  it('answers 20 uncached customers 200 without spending more than the lookup budget waiting on State', async () => {
    state().addFault({ route: '*', type: 'hang' })
    const res = await env.call(
      batch,
      {},
      { method: 'POST', body: { identities: Array.from({ length: 20 }, (_, i) => crm(200 + i)) } }
    )
    expect(res.statusCode).toBe(200)
    expect(bodyOf<BatchAnswer>(res).meta.counts.found).toBe(20)
    // Each State call is bounded; one after the other, 20 of them would not be.
    const starts = state()
      .requests()
      .map((r) => r.startMs)
    expect(Math.max(...starts) - Math.min(...starts)).toBeLessThanOrEqual(LOOKUP_BUDGET_MS)
  })
})

describe('cache-invalidate while State fails', () => {
  it('does not report a customer invalidated when State could not delete the entries', async () => {
    await env.call(main, { namespace: 'email', id: JANE.email })
    state().addFault({ route: 'state.deleteAll', type: '503' })
    const res = await env.call(invalidate, {}, { method: 'POST', body: { namespace: 'email', id: JANE.email } })
    state().clearFaults()
    const after = await env.call(main, { namespace: 'email', id: JANE.email })
    const claimed = res.statusCode === 200 && (res.body as { invalidated?: unknown }).invalidated === true
    // Either the caller hears that it failed, or the entries are really gone.
    expect({ claimed, next: bodyOf<CustomerView>(after).meta.cache?.status }).not.toEqual({
      claimed: true,
      next: 'HIT'
    })
  })
})

describe('the whole suite', () => {
  it('raised no unhandled rejection and logged no token, secret or customer PII', async () => {
    expect(unhandled.seen).toEqual([])
    expect(env.logs.length).toBeGreaterThan(20)
    expect(
      findLeaks(
        env.logs,
        seededPii(
          seedsOf(env),
          Array.from({ length: 240 }, (_, i) => i)
        )
      )
    ).toEqual([])
  })
})
