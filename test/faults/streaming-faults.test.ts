/**
 * The collection endpoint failing in every way the stand-in can fail, with the real action,
 * aio-lib-ims and aio-lib-state in the loop: a clear JSON error with a stable code within the
 * write budget, no event half-sent, no cached view dropped for a wrap-up AEP never took, and no
 * unhandled rejection; a revoked service token is replaced once and the wrap-up still lands.
 */
import { main } from '../../actions/customer-interactions'
import { WRITE_BUDGET_MS } from '../../actions/customer-interactions/handler'
import { main as profile } from '../../actions/customer-profile'
import type { CustomerView } from '../../actions/lib/view/view-types'
import { type Fault, type FaultType, STREAMING_ROUTE } from '../../stand-ins'
import { bodyOf, JANE, startTestEnv, type TestEnv } from '../integration/harness'
import { errorCode, watchUnhandledRejections } from './support'

let env: TestEnv
const unhandled = watchUnhandledRejections()
/** A short AEP timeout keeps hangs and trickles cheap. */
const FAST = { AEP_TIMEOUT_MS: '300' }
const aep = () => env.standIns.aep.control
const fault = (type: FaultType, more: Partial<Fault> = {}): void =>
  aep().addFault({ route: STREAMING_ROUTE, type, ...more })
let n = 0
const wrapUp = () =>
  env.call(
    main,
    {},
    {
      method: 'POST',
      inputs: FAST,
      body: {
        namespace: 'email',
        id: JANE.email,
        topic: 'billing',
        outcome: 'escalated',
        interactionId: `fault-run-${n++}`
      }
    }
  )

beforeAll(async () => {
  env = await startTestEnv()
})
afterAll(async () => {
  unhandled.stop()
  await env.close()
})
beforeEach(() => {
  env.reset({ keepLogs: true })
  aep().apply({ ingestionDelayMs: 0, clearIngested: true })
})

describe('customer-interactions when the collection endpoint fails', () => {
  it.each<[FaultType, number, string]>([
    ['hang', 504, 'UPSTREAM_TIMEOUT'],
    ['reset', 502, 'UPSTREAM_UNAVAILABLE'],
    ['500', 502, 'UPSTREAM_UNAVAILABLE'],
    ['429', 429, 'UPSTREAM_RATE_LIMITED']
  ])(
    'answers a lasting %s with %i %s within the write budget, having sent nothing that landed',
    async (type, status, code) => {
      // Prepare
      fault(type, type === '429' ? { retryAfterMs: 5000 } : {})
      const started = Date.now()
      // Act
      const res = await wrapUp()
      // Assess
      expect(res.statusCode).toBe(status)
      expect(errorCode(res)).toBe(code)
      expect(Date.now() - started).toBeLessThan(WRITE_BUDGET_MS + 1000)
      expect(aep().ingestion.stats().accepted).toBe(0)
      expect(unhandled.seen).toEqual([])
    }
  )

  it('keeps the cached view of a customer whose wrap-up AEP never took', async () => {
    // Prepare
    await env.call(profile, { namespace: 'email', id: JANE.email })
    fault('503')
    // Act
    const res = await wrapUp()
    const next = bodyOf<CustomerView>(await env.call(profile, { namespace: 'email', id: JANE.email }))
    // Assess
    expect(res.statusCode).toBe(502)
    expect(next.meta.cache?.status).toBe('HIT')
  })

  it('accepts a 2xx whose receipt it cannot read: AEP has the event', async () => {
    // Prepare
    fault('malformed', { times: 1 })
    // Act
    const res = await wrapUp()
    // Assess
    expect(res.statusCode).toBe(202)
    expect(aep().ingestion.stats().accepted).toBe(1)
  })

  it('replaces a revoked service token once and lands the wrap-up', async () => {
    // Prepare: a token held from an earlier wrap-up, then revoked at the gateway.
    await wrapUp()
    aep().revokeTokens()
    // Act
    const res = await wrapUp()
    // Assess
    const statuses = aep()
      .requests(STREAMING_ROUTE)
      .map((r) => r.status)
    expect(res.statusCode).toBe(202)
    expect(statuses).toEqual([200, 401, 200])
  })
})
