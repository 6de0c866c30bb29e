/**
 * The customer-profile action end to end: real action code, real @adobe/aio-lib-ims and
 * aio-lib-state, our AEP client — all over HTTP against the local stand-ins.
 */
import { main } from '../../actions/customer-profile'
import type { CustomerView, ErrorBody } from '../../actions/lib/view/view-types'
import { bodyOf, JANE, registerTestEnv, type TestEnv } from './harness'

const testEnv = registerTestEnv()

const lookup = (query: Record<string, unknown>, opts?: Parameters<TestEnv['call']>[2]) =>
  testEnv().call(main, query, opts)

describe('customer-profile', () => {
  it("returns Jane Doe's full customer view by e-mail", async () => {
    const res = await lookup({ namespace: 'email', id: 'Jane.Doe@Example.com ' })
    expect(res.statusCode).toBe(200)
    expect(res.headers).toMatchObject({ 'Content-Type': 'application/json', 'Cache-Control': 'no-store' })
    const { customer, meta } = bodyOf<CustomerView>(res)
    expect(customer.name).toEqual({ first: 'Jane', last: 'Doe', full: 'Jane Doe' })
    expect(customer.contact.email).toBe(JANE.email)
    expect(customer.contact.phone).toBe(JANE.phone)
    expect(customer.attributes.loyaltyTier).toBe('gold')
    expect(customer.identities).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ namespace: 'email', id: JANE.email }),
        expect.objectContaining({ namespace: 'phone', id: JANE.phone }),
        expect.objectContaining({ namespace: 'crmid', id: JANE.crmid })
      ])
    )
    expect(customer.insights.lifetimeValue?.currency).toBe('USD')
    expect(customer.insights.churnPropensity?.band).toMatch(/^(low|medium|high)$/)
    expect(customer.insights.engagementPropensity?.score).toBeGreaterThanOrEqual(0)
    const realized = customer.audiences.filter((a) => a.status === 'realized')
    expect(realized.length).toBeGreaterThanOrEqual(3)
    expect(customer.audiences.every((a) => typeof a.name === 'string' && a.name.length > 0)).toBe(true)
    expect(customer.events).toHaveLength(10)
    const times = customer.events.map((e) => Date.parse(e.timestamp))
    expect([...times].sort((a, b) => b - a)).toEqual(times)
    expect(customer.events.every((e) => e.summary.length > 0)).toBe(true)
    expect(meta).toMatchObject({
      sandbox: 'prod',
      events: { status: 'available' },
      cache: { status: 'MISS', ageSeconds: 0 }
    })
    expect(meta.mergePolicyId).toMatch(/\S/)
    expect(meta.timings.profileMs).toEqual(expect.any(Number))
  })

  it('finds the same profile by phone (any format) and by CRM id', async () => {
    const byEmail = bodyOf<CustomerView>(await lookup({ namespace: 'email', id: JANE.email })).customer.profileId
    const byPhone = bodyOf<CustomerView>(await lookup({ namespace: 'phone', id: '+1 (415) 555-0123', refresh: 'true' }))
      .customer.profileId
    const byCrm = bodyOf<CustomerView>(await lookup({ namespace: 'crmid', id: JANE.crmid, refresh: 'true' })).customer
      .profileId
    expect(byPhone).toBe(byEmail)
    expect(byCrm).toBe(byEmail)
  })

  it('asks AEP for the profile and the events at the same time', async () => {
    testEnv().standIns.aep.control.setLatency({ routes: { 'entities.profile': 150, 'entities.events': 150 } })
    try {
      await lookup({ namespace: 'email', id: JANE.email })
    } finally {
      testEnv().standIns.aep.control.setLatency({ routes: { 'entities.profile': 0, 'entities.events': 0 } })
    }
    const [profile] = testEnv().standIns.aep.control.requests('entities.profile')
    const [events] = testEnv().standIns.aep.control.requests('entities.events')
    if (profile?.endMs === undefined || events?.endMs === undefined) throw new Error('both AEP calls should have ended')
    // Each call started before the other one ended: they were in flight together.
    expect(events.startMs).toBeLessThan(profile.endMs)
    expect(profile.startMs).toBeLessThan(events.endMs)
    expect(testEnv().standIns.aep.control.inFlightMax).toBeGreaterThanOrEqual(2)
  })

  it('answers 404 PROFILE_NOT_FOUND for an unknown customer', async () => {
    const res = await lookup({ namespace: 'email', id: 'nobody@example.com' })
    expect(res.statusCode).toBe(404)
    expect(bodyOf<ErrorBody>(res).error).toMatchObject({ code: 'PROFILE_NOT_FOUND' })
  })

  it.each([
    [{ namespace: 'email', id: 'not-an-email' }, 'INVALID_IDENTITY', ['id']],
    [{ namespace: 'phone', id: '123' }, 'INVALID_IDENTITY', ['id']],
    [{ id: JANE.email }, 'INVALID_IDENTITY', ['namespace']],
    [{ namespace: 'email', id: JANE.email, eventsLimit: '500' }, 'INVALID_PARAMETER', ['eventsLimit']],
    [{ namespace: 'email', id: JANE.email, sandbox: 'secret-sandbox' }, 'INVALID_PARAMETER', ['sandbox']]
  ])('rejects %j with 400 %s and makes no upstream call', async (query, code, fields) => {
    const res = await lookup(query)
    expect(res.statusCode).toBe(400)
    const { error } = bodyOf<ErrorBody>(res)
    expect(error.code).toBe(code)
    expect(Object.keys(error.fields ?? {})).toEqual(fields)
    expect(testEnv().standIns.aep.control.requests()).toHaveLength(0)
  })

  it('still renders the view when AEP refuses event lookups', async () => {
    testEnv().standIns.aep.control.eventsLookup = 'refused'
    const res = await lookup({ namespace: 'email', id: JANE.email })
    expect(res.statusCode).toBe(200)
    const view = bodyOf<CustomerView>(res)
    expect(view.customer.events).toEqual([])
    expect(view.meta.events).toEqual({ status: 'unavailable', reason: 'EVENTS_LOOKUP_REFUSED', nextCursor: null })
    expect(view.customer.name.full).toBe('Jane Doe')
  })

  it('skips the event lookup entirely when the caller does not want events', async () => {
    const res = await lookup({ namespace: 'email', id: JANE.email, fields: 'insights,audiences' })
    expect(res.statusCode).toBe(200)
    expect(Object.keys(bodyOf<CustomerView>(res).customer).sort()).toEqual(['audiences', 'insights', 'profileId'])
    expect(testEnv().standIns.aep.control.count('entities.events')).toBe(0)
  })

  it('answers 422 when the sandbox has no default merge policy', async () => {
    const res = await lookup({ namespace: 'email', id: JANE.email, sandbox: 'nodefault' })
    expect(res.statusCode).toBe(422)
    expect(bodyOf<ErrorBody>(res).error.code).toBe('UPSTREAM_UNPROCESSABLE')
  })

  it("answers 422 for a profile over AEP's identity guardrail", async () => {
    const res = await lookup({ namespace: 'email', id: 'guardrail.demo@example.com' })
    expect(res.statusCode).toBe(422)
    expect(bodyOf<ErrorBody>(res).error.code).toBe('UPSTREAM_UNPROCESSABLE')
  })

  it("passes AEP's retry hint on when rate limited", async () => {
    testEnv().standIns.aep.control.addFault({ route: 'entities.profile', type: '429', retryAfterMs: 4000 })
    const res = await lookup({ namespace: 'email', id: JANE.email })
    expect(res.statusCode).toBe(429)
    expect(res.headers['Retry-After']).toBe('4')
    expect(bodyOf<ErrorBody>(res).error).toMatchObject({ code: 'UPSTREAM_RATE_LIMITED', retryAfterSeconds: 4 })
  })

  it.each([
    ['500', 502, 'UPSTREAM_UNAVAILABLE'],
    ['reset', 502, 'UPSTREAM_UNAVAILABLE'],
    ['malformed', 502, 'UPSTREAM_BAD_RESPONSE'],
    ['hang', 504, 'UPSTREAM_TIMEOUT']
  ])('maps an AEP %s to %i %s', async (type, status, code) => {
    testEnv().standIns.aep.control.addFault({ route: 'entities.profile', type: type as '500' })
    const res = await lookup({ namespace: 'email', id: JANE.email }, { inputs: { AEP_TIMEOUT_MS: '300' } })
    expect(res.statusCode).toBe(status)
    expect(bodyOf<ErrorBody>(res).error.code).toBe(code)
  })

  it('answers 401 without a token and 405 for POST', async () => {
    const noToken = await lookup({ namespace: 'email', id: JANE.email }, { token: null })
    expect(noToken.statusCode).toBe(401)
    expect(bodyOf<ErrorBody>(noToken).error.code).toBe('UNAUTHENTICATED')
    const post = await lookup({ namespace: 'email', id: JANE.email }, { method: 'POST' })
    expect(post.statusCode).toBe(405)
  })

  it('answers 500 CONFIG_INVALID naming the variable when a setting is broken', async () => {
    const res = await lookup({ namespace: 'email', id: JANE.email }, { inputs: { IMS_OAUTH_S2S_ORG_ID: 'not-an-org' } })
    expect(res.statusCode).toBe(500)
    expect(bodyOf<ErrorBody>(res).error).toMatchObject({
      code: 'CONFIG_INVALID',
      fields: { IMS_OAUTH_S2S_ORG_ID: expect.any(String) }
    })
  })
})
