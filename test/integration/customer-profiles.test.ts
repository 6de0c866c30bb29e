/** The batch lookup for other systems, against the stand-ins. */

import { main as profile } from '../../actions/customer-profile'
import { main as batch } from '../../actions/customer-profiles'
import type { BatchAnswer } from '../../actions/lib/lookup/batch-lookup'
import type { ErrorBody } from '../../actions/lib/view/view-types'
import { bodyOf, JANE, registerTestEnv } from './harness'

const testEnv = registerTestEnv()

const crm = (n: number) => ({ namespace: 'crmid', id: `CRM-${String(n).padStart(6, '0')}` })
const post = (body: Record<string, unknown>) => testEnv().call(batch, {}, { method: 'POST', body })

describe('customer-profiles (batch)', () => {
  it("writes each failed identity's audit line with the status of its own error", async () => {
    // Prepare: AEP rate-limits the multi-entity POST (longer than the lookup may wait).
    testEnv().standIns.aep.control.addFault({ route: 'entities.multi', type: '429', retryAfterMs: 60_000 })
    // Act
    const res = await post({ identities: [crm(301), crm(302)] })
    // Assess
    const audits = testEnv()
      .logs.map((l) => JSON.parse(l) as { audit?: string; status?: number; outcome?: string })
      .filter((l) => l.audit === 'customer-lookup')
    expect(res.statusCode).toBe(200)
    expect(audits.map((a) => [a.outcome, a.status])).toEqual([
      ['UPSTREAM_RATE_LIMITED', 429],
      ['UPSTREAM_RATE_LIMITED', 429]
    ])
  })

  it('answers 100 identities in request order with one AEP profile call', async () => {
    const identities = Array.from({ length: 100 }, (_, i) => crm(i + 1))
    const res = await post({ identities })
    expect(res.statusCode).toBe(200)
    const { results, meta } = bodyOf<BatchAnswer>(res)
    expect(results.map((r) => r.index)).toEqual(identities.map((_, i) => i))
    expect(results.every((r) => r.status === 'found')).toBe(true)
    expect(results[0]?.customer?.name?.full).toBe('Jane Doe')
    expect(testEnv().standIns.aep.control.count('entities.multi')).toBe(1)
    expect(testEnv().standIns.aep.control.count('entities.profile')).toBe(0)
    expect(testEnv().standIns.aep.control.count('entities.events')).toBe(0)
    expect(meta).toMatchObject({ counts: { found: 100, not_found: 0, invalid: 0, error: 0 }, upstreamCalls: 1 })
  })

  it('gives each identity its own status: found, not found, invalid', async () => {
    const res = await post({
      identities: [
        { namespace: 'email', id: JANE.email },
        { namespace: 'email', id: 'nobody@example.com' },
        { namespace: 'phone', id: 'abc' },
        42
      ]
    })
    const { results } = bodyOf<BatchAnswer>(res)
    expect(results.map((r) => r.status)).toEqual(['found', 'not_found', 'invalid', 'invalid'])
    expect(results[2]?.error).toMatchObject({ code: 'INVALID_IDENTITY', fields: { id: expect.any(String) } })
  })

  it('serves cached customers from the cache and only asks AEP for the rest', async () => {
    await testEnv().call(profile, { namespace: 'email', id: JANE.email })
    testEnv().resetCounters()
    const { results, meta } = bodyOf<BatchAnswer>(
      await post({ identities: [{ namespace: 'phone', id: JANE.phone }, crm(2)] })
    )
    expect(results.map((r) => r.cache?.status)).toEqual(['HIT', 'MISS'])
    expect(meta.upstreamCalls).toBe(1)
    const [call] = testEnv().standIns.aep.control.requests('entities.multi')
    expect(call).toBeDefined()
  })

  it('returns only the included sections and skips events unless asked', async () => {
    const lean = bodyOf<BatchAnswer>(await post({ identities: [crm(3)], include: ['insights', 'audiences'] }))
    expect(Object.keys(lean.results[0]?.customer ?? {}).sort()).toEqual(['audiences', 'insights', 'profileId'])
    testEnv().resetCounters()
    const withEvents = bodyOf<BatchAnswer>(
      await post({ identities: [crm(4), crm(5)], include: ['events'], eventsLimit: 3 })
    )
    expect(withEvents.results.map((r) => r.customer?.events?.length)).toEqual([3, 3])
    expect(testEnv().standIns.aep.control.count('entities.events')).toBe(2)
  })

  it('reports an AEP outage per item instead of failing the batch, serving stale entries where it can', async () => {
    await testEnv().call(profile, { namespace: 'email', id: JANE.email })
    testEnv().standIns.aep.control.addFault({ route: 'entities.multi', type: '503' })
    const res = await post({ identities: [{ namespace: 'email', id: JANE.email }, crm(7)] })
    testEnv().standIns.aep.control.clearFaults()
    expect(res.statusCode).toBe(200)
    const { results } = bodyOf<BatchAnswer>(res)
    expect(results[0]).toMatchObject({ status: 'found', cache: { status: 'HIT' } })
    expect(results[1]).toMatchObject({ status: 'error', error: { code: 'UPSTREAM_UNAVAILABLE' } })
  })

  it.each([
    [{}, 'identities'],
    [{ identities: [] }, 'identities'],
    [{ identities: Array.from({ length: 101 }, (_, i) => crm(i + 1)) }, 'identities'],
    [{ identities: [crm(1)], include: ['everything'] }, 'include'],
    [{ identities: [crm(1)], eventsLimit: 0 }, 'eventsLimit']
  ])('refuses the body %# with 400 INVALID_BODY naming %s', async (body, field) => {
    const res = await post(body)
    expect(res.statusCode).toBe(400)
    expect(bodyOf<ErrorBody>(res).error).toMatchObject({
      code: 'INVALID_BODY',
      fields: { [field]: expect.any(String) }
    })
    expect(testEnv().standIns.aep.control.requests()).toHaveLength(0)
  })
})
