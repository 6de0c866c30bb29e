/**
 * AEP's profile lookup failing in every way the stand-in can fail, with the real action, aio-lib-ims
 * and aio-lib-state in the loop: bounded retries that honour the retry hint, the lookup budget kept,
 * STALE answers when a view is stored, otherwise a JSON error with a stable code — and never a
 * half-built 200, a cached failure or an unhandled rejection.
 */
import { main } from '../../actions/customer-profile'
import { DEFAULT_RETRY } from '../../actions/lib/aep/upstream-http'
import { LOOKUP_BUDGET_MS } from '../../actions/lib/lookup/single-lookup'
import type { CustomerView } from '../../actions/lib/view/view-types'
import type { Fault, FaultType } from '../../stand-ins'
import { bodyOf, startTestEnv, type TestEnv } from '../integration/harness'
import { findLeaks, seededPii, seedsOf } from '../security/leak-scan'
import {
  errorCode,
  recordSpanMs,
  recordsEnded,
  storedViewProblems,
  viewKeys,
  viewProblems,
  watchUnhandledRejections
} from './support'

let env: TestEnv
const unhandled = watchUnhandledRejections()
/** A short AEP timeout keeps hangs and trickles cheap; the harness merges query into params. */
const FAST = { AEP_TIMEOUT_MS: '300' }
const crm = (n: number): Record<string, string> => ({ namespace: 'crmid', id: `CRM-${String(n).padStart(6, '0')}` })
const lookup = (n: number, inputs: Record<string, string> = {}, query: Record<string, string> = {}) =>
  env.call(main, { ...crm(n), ...query }, { inputs: { ...FAST, ...inputs } })
const aep = () => env.standIns.aep.control
const profileCalls = () => aep().requests('entities.profile')
const fault = (type: FaultType, more: Partial<Fault> = {}): void =>
  aep().addFault({ route: 'entities.profile', type, ...more })
/** The wait between the end of one attempt and the start of the next. */
const gapMs = (): number => (profileCalls()[1]?.startMs ?? NaN) - (profileCalls()[0]?.endMs ?? NaN)

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

/** Stores customer n's view, then makes its next (bypassing) lookup meet the fault. */
async function staleAfter(n: number, f: () => void): Promise<CustomerView> {
  expect((await lookup(n)).statusCode).toBe(200)
  f()
  const res = await lookup(n, {}, { refresh: 'true' })
  expect(res.statusCode).toBe(200)
  return bodyOf<CustomerView>(res)
}

describe('AEP 429 with its array body and retryAfterMs', () => {
  it('waits out a short retry hint and answers 200 with a whole view after exactly 2 attempts', async () => {
    fault('429', { times: 1, retryAfterMs: 200 })
    const res = await lookup(1)
    expect(res.statusCode).toBe(200)
    expect(viewProblems(res.body)).toEqual([])
    expect(profileCalls().map((r) => r.status)).toEqual([429, 200])
    expect(gapMs()).toBeGreaterThanOrEqual(200 - 5)
  })

  it('passes a hint longer than it may wait straight on: 429 UPSTREAM_RATE_LIMITED with Retry-After after 1 attempt', async () => {
    fault('429', { retryAfterMs: 5000 })
    const res = await lookup(2)
    expect(res.statusCode).toBe(429)
    expect(res.headers['Retry-After']).toBe('5')
    expect(bodyOf<{ error: Record<string, unknown> }>(res).error).toMatchObject({
      code: 'UPSTREAM_RATE_LIMITED',
      retryAfterSeconds: 5
    })
    expect(profileCalls()).toHaveLength(1)
    expect(viewKeys(env)).toEqual([])
  })

  it('stops after 2 attempts when the rate limit persists, and caches nothing', async () => {
    fault('429', { retryAfterMs: 100 })
    const res = await lookup(3)
    expect([res.statusCode, errorCode(res)]).toEqual([429, 'UPSTREAM_RATE_LIMITED'])
    expect(profileCalls()).toHaveLength(2)
    expect(viewKeys(env)).toEqual([])
  })

  it('serves the stored view as STALE with reason UPSTREAM_RATE_LIMITED', async () => {
    const view = await staleAfter(4, () => fault('429', { retryAfterMs: 5000 }))
    expect(view.meta.cache).toMatchObject({ status: 'STALE', staleReason: 'UPSTREAM_RATE_LIMITED' })
    expect(viewProblems(view)).toEqual([])
  })
})

describe.each(['500', '502', '503'] as const)('AEP %s', (type) => {
  it('answers 502 UPSTREAM_UNAVAILABLE after exactly 2 attempts with backoff, caching nothing', async () => {
    fault(type)
    const res = await lookup(10)
    expect([res.statusCode, errorCode(res)]).toEqual([502, 'UPSTREAM_UNAVAILABLE'])
    expect(profileCalls().map((r) => r.status)).toEqual([Number(type), Number(type)])
    expect(gapMs()).toBeGreaterThanOrEqual(DEFAULT_RETRY.baseDelayMs - 5)
    expect(viewKeys(env)).toEqual([])
  })

  it('absorbs a one-attempt outage: 200 with a whole view after 2 attempts', async () => {
    fault(type, { times: 1 })
    const res = await lookup(11)
    expect(res.statusCode).toBe(200)
    expect(viewProblems(res.body)).toEqual([])
    expect(profileCalls().map((r) => r.status)).toEqual([Number(type), 200])
  })

  it('serves the stored view as STALE with reason UPSTREAM_UNAVAILABLE', async () => {
    const view = await staleAfter(12, () => fault(type))
    expect(view.meta.cache).toMatchObject({ status: 'STALE', staleReason: 'UPSTREAM_UNAVAILABLE' })
  })
})

describe('AEP hang', () => {
  it('answers 504 UPSTREAM_TIMEOUT after at most 2 attempts, each abandoned, caching nothing', async () => {
    fault('hang')
    const res = await lookup(20)
    expect([res.statusCode, errorCode(res)]).toEqual([504, 'UPSTREAM_TIMEOUT'])
    expect(profileCalls()).toHaveLength(2)
    expect(await recordsEnded(profileCalls)).toBe(true)
    expect(viewKeys(env)).toEqual([])
  })

  it('never calls AEP past the lookup budget, even when AEP_TIMEOUT_MS is longer', async () => {
    fault('hang')
    const res = await lookup(21, { AEP_TIMEOUT_MS: '60000' })
    expect([res.statusCode, errorCode(res)]).toEqual([504, 'UPSTREAM_TIMEOUT'])
    // One attempt takes the whole budget; there is no time left for a second.
    expect(profileCalls()).toHaveLength(1)
    expect(await recordsEnded(profileCalls)).toBe(true)
    expect(recordSpanMs(profileCalls())).toBeLessThanOrEqual(LOOKUP_BUDGET_MS + 1000)
  }, 25_000)

  it('serves the stored view as STALE with reason UPSTREAM_TIMEOUT', async () => {
    const view = await staleAfter(22, () => fault('hang'))
    expect(view.meta.cache).toMatchObject({ status: 'STALE', staleReason: 'UPSTREAM_TIMEOUT' })
  })
})

describe('AEP connection reset', () => {
  it('answers 502 UPSTREAM_UNAVAILABLE after exactly 2 attempts, caching nothing', async () => {
    fault('reset')
    const res = await lookup(30)
    expect([res.statusCode, errorCode(res)]).toEqual([502, 'UPSTREAM_UNAVAILABLE'])
    expect(profileCalls()).toHaveLength(2)
    expect(viewKeys(env)).toEqual([])
  })

  it('absorbs one reset: 200 with a whole view after 2 attempts', async () => {
    fault('reset', { times: 1 })
    const res = await lookup(31)
    expect(res.statusCode).toBe(200)
    expect(viewProblems(res.body)).toEqual([])
    expect(profileCalls()).toHaveLength(2)
  })

  it('serves the stored view as STALE with reason UPSTREAM_UNAVAILABLE', async () => {
    const view = await staleAfter(32, () => fault('reset'))
    expect(view.meta.cache).toMatchObject({ status: 'STALE', staleReason: 'UPSTREAM_UNAVAILABLE' })
  })
})

describe('AEP truncated (malformed) JSON', () => {
  it('answers 502 UPSTREAM_BAD_RESPONSE after at most 2 attempts, caching nothing', async () => {
    fault('malformed')
    const res = await lookup(40)
    expect([res.statusCode, errorCode(res)]).toEqual([502, 'UPSTREAM_BAD_RESPONSE'])
    expect(profileCalls().length).toBeLessThanOrEqual(2)
    expect(viewKeys(env)).toEqual([])
  })

  it('serves the stored view as STALE with reason UPSTREAM_BAD_RESPONSE', async () => {
    const view = await staleAfter(41, () => fault('malformed'))
    expect(view.meta.cache).toMatchObject({ status: 'STALE', staleReason: 'UPSTREAM_BAD_RESPONSE' })
  })
})

describe('AEP slow trickle', () => {
  it('answers 504 UPSTREAM_TIMEOUT when the body trickles past AEP_TIMEOUT_MS, after at most 2 attempts, caching nothing', async () => {
    fault('trickle', { chunkBytes: 8, intervalMs: 50 })
    const res = await lookup(50)
    expect([res.statusCode, errorCode(res)]).toEqual([504, 'UPSTREAM_TIMEOUT'])
    expect(profileCalls().length).toBeLessThanOrEqual(2)
    expect(viewKeys(env)).toEqual([])
  })

  it('answers 200 with a whole view when the trickle ends within the timeout', async () => {
    fault('trickle', { chunkBytes: 2048, intervalMs: 5 })
    const res = await lookup(51, { AEP_TIMEOUT_MS: '5000' })
    expect(res.statusCode).toBe(200)
    expect(viewProblems(res.body)).toEqual([])
    expect(profileCalls()).toHaveLength(1)
  })
})

describe('an AEP outage that starts and ends mid-run', () => {
  it('answers 200 before, 502 during and 200 after, and caches only what succeeded', async () => {
    const statuses: number[] = []
    for (let i = 0; i < 8; i++) {
      if (i === 2) fault('503')
      if (i === 5) aep().clearFaults()
      statuses.push((await lookup(60 + i)).statusCode)
    }
    expect(statuses).toEqual([200, 200, 502, 502, 502, 200, 200, 200])
    env.resetCounters()
    const again = await Promise.all(
      [0, 1, 2, 3, 4, 5, 6, 7].map(async (i) => bodyOf<CustomerView>(await lookup(60 + i)).meta.cache?.status)
    )
    expect(again).toEqual(['HIT', 'HIT', 'MISS', 'MISS', 'MISS', 'HIT', 'HIT', 'HIT'])
    expect(storedViewProblems(env)).toEqual([])
  })

  it('fails only the lookups an outage of 3 attempts reaches (times: 3)', async () => {
    fault('503', { times: 3 })
    const statuses = [(await lookup(70)).statusCode, (await lookup(71)).statusCode, (await lookup(72)).statusCode]
    expect(statuses).toEqual([502, 200, 200])
    expect(profileCalls().map((r) => r.status)).toEqual([503, 503, 503, 200, 200])
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
          Array.from({ length: 80 }, (_, i) => i)
        )
      )
    ).toEqual([])
  })
})
