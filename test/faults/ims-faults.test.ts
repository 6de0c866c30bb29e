/**
 * IMS failing, with the real @adobe/aio-lib-ims in the loop: the service-token endpoint (cold
 * container) and validate_token (the caller check). Expected: the lookup fails within the lookup
 * budget with a clear UPSTREAM_* error from IMS (502/504) — never a 401 blaming the caller, never a
 * 500 — after at most 2 attempts, and succeeds once IMS is back.
 *
 * Each fault type gets its own IMS stand-in (the action reaches it through IMS_BASE_URL, so each
 * case is its own container), and the cases run side by side: a hanging case costs the suite one
 * budget, not one budget per case.
 */
import { main } from '../../actions/customer-profile'
import type { ActionResponse } from '../../actions/lib/http/responses'
import { LOOKUP_BUDGET_MS } from '../../actions/lib/lookup/single-lookup'
import { setLogSink } from '../../actions/lib/observability/logger'
import { type Fault, type FaultType, type ImsHandle, startIms } from '../../stand-ins'
import { bodyOf, startTestEnv, type TestEnv } from '../integration/harness'
import { findLeaks, seededPii, seedsOf } from '../security/leak-scan'
import { errorCode, settledWithin, viewProblems, watchUnhandledRejections } from './support'

let env: TestEnv
const unhandled = watchUnhandledRejections()
/** An answer later than the action's own budget (plus scheduling slack) counts as no answer. */
const BOUND_MS = LOOKUP_BUDGET_MS + 500
const FAST = { AEP_TIMEOUT_MS: '300' }
const crm = (n: number) => ({ namespace: 'crmid', id: `CRM-${String(n).padStart(6, '0')}` })
/** Calls still running when their test gave up; awaited (quietly) before the suite ends. */
const stragglers: Array<Promise<unknown>> = []

function bounded(work: Promise<ActionResponse>): Promise<ActionResponse | 'PENDING'> {
  stragglers.push(work.catch(() => undefined))
  return settledWithin(work, BOUND_MS)
}

const TYPES: Array<[FaultType, Partial<Fault>]> = [
  ['429', { retryAfterMs: 200 }],
  ['500', {}],
  ['502', {}],
  ['503', {}],
  ['hang', {}],
  ['reset', {}],
  ['malformed', {}],
  ['trickle', { chunkBytes: 4, intervalMs: 500 }]
]
type Route = 'token' | 'validate'
interface Outcome {
  first: ActionResponse | 'PENDING'
  attempts: number
  recovered: ActionResponse | 'PENDING'
}

const describeAnswer = (r: ActionResponse | 'PENDING'): string =>
  r === 'PENDING' ? `no answer within ${BOUND_MS} ms` : `${r.statusCode} ${errorCode(r) ?? ''}`.trim()

beforeAll(async () => {
  env = await startTestEnv()
})
afterAll(async () => {
  unhandled.stop()
  await env.close()
  // Calls left hanging by a failing case end when their sockets close; keep their log lines quiet.
  const restore = setLogSink(() => {})
  await settledWithin(Promise.all(stragglers), 3000)
  restore()
})

describe('IMS failing, one fault type per IMS, cases side by side', () => {
  const imsByCase = new Map<string, ImsHandle>()
  const outcomes = new Map<string, Outcome>()
  const cases: Array<[Route, FaultType, Partial<Fault>]> = (['token', 'validate'] as const).flatMap((route) =>
    TYPES.map(([t, m]): [Route, FaultType, Partial<Fault>] => [route, t, m])
  )

  beforeAll(
    async () => {
      await Promise.all(
        cases.map(async ([route, type, more], k) => {
          const ims = await startIms({ port: 0 })
          imsByCase.set(`${route} ${type}`, ims)
          const inputs = { ...FAST, IMS_BASE_URL: ims.url }
          ims.control.addFault({ route, type, ...more })
          const first = await bounded(env.call(main, crm(200 + k), { inputs }))
          const attempts = ims.control.count(route)
          ims.control.clearFaults()
          // A new container (the warm-container case has its own test below); main picks its services synchronously.
          env.coldContainer()
          // Another customer: a lookup of the same one would join the first call's flight, if it still hangs.
          const recovered = await bounded(env.call(main, crm(260 + k), { inputs }))
          outcomes.set(`${route} ${type}`, { first, attempts, recovered })
        })
      )
    },
    3 * BOUND_MS + 5000
  )
  afterAll(async () => {
    await Promise.all([...imsByCase.values()].map((i) => i.close()))
  })

  it.each(cases)(
    '%s endpoint %s: the lookup fails within the budget with UPSTREAM_* from IMS (502/504) after at most 2 attempts; a new container succeeds once IMS is back',
    (route, type) => {
      const o = outcomes.get(`${route} ${type}`)
      expect(o).toBeDefined()
      if (!o) return
      expect(describeAnswer(o.first)).toMatch(/^(502|504) UPSTREAM_[A-Z_]+$|^429 UPSTREAM_RATE_LIMITED$/)
      if (o.first !== 'PENDING') expect(bodyOf<{ error: { message: string } }>(o.first).error.message).toMatch(/IMS/)
      expect(o.attempts).toBeLessThanOrEqual(2)
      expect(describeAnswer(o.recovered)).toBe('200')
      if (o.recovered !== 'PENDING') expect(viewProblems(o.recovered.body)).toEqual([])
    }
  )
})

describe('IMS outages in one warm container', () => {
  beforeEach(() => {
    env.reset({ keepLogs: true })
  })

  it(
    'answers the next lookup with 200 after one failed service-token call (the container is not stuck)',
    async () => {
      env.standIns.ims.control.addFault({ route: 'token', type: '500', times: 1 })
      const first = await bounded(env.call(main, crm(230), { inputs: FAST }))
      const second = await bounded(env.call(main, crm(231), { inputs: FAST }))
      expect(describeAnswer(first)).toMatch(/^(200|50[24] UPSTREAM_[A-Z_]+)$/)
      expect(describeAnswer(second)).toBe('200')
    },
    3 * BOUND_MS
  )

  it(
    'refuses callers with 502 (not 401, not 500) and calls no AEP while validate_token is down, then serves them',
    async () => {
      const statuses: string[] = []
      for (let i = 0; i < 3; i++) {
        if (i === 1) env.standIns.ims.control.addFault({ route: 'validate', type: '503' })
        if (i === 2) env.standIns.ims.control.clearFaults()
        if (i === 2) expect(env.standIns.aep.control.count('entities.profile')).toBe(1)
        statuses.push(
          describeAnswer(await bounded(env.call(main, crm(240 + i), { token: env.agentToken(), inputs: FAST })))
        )
      }
      expect(statuses).toEqual(['200', '502 UPSTREAM_UNAVAILABLE', '200'])
    },
    2 * BOUND_MS + 5000
  )
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
          Array.from({ length: 250 }, (_, i) => i)
        )
      )
    ).toEqual([])
  })
})
