/**
 * Tokens, caller authorization and the aio-state cache, proven with the stand-ins' call counters:
 * the "done when" list of issue 3.
 */
import { main as invalidate } from '../../actions/cache-invalidate'
import { main } from '../../actions/customer-profile'
import type { CustomerView, ErrorBody } from '../../actions/lib/view/view-types'
import { bodyOf, CLIENT_SECRET, JANE, OTHER_ORG, registerTestEnv, type TestEnv } from './harness'

const testEnv = registerTestEnv()

const lookup = (query: Record<string, unknown>, opts?: Parameters<TestEnv['call']>[2]) =>
  testEnv().call(main, query, opts)
const aep = () => testEnv().standIns.aep.control
const ims = () => testEnv().standIns.ims.control

describe('service token', () => {
  it('makes one IMS token call for 20 lookups on a warm container', async () => {
    for (let i = 0; i < 20; i++) {
      const res = await lookup({ namespace: 'crmid', id: `CRM-${String(i + 1).padStart(6, '0')}` })
      expect(res.statusCode).toBe(200)
    }
    expect(ims().count('token')).toBe(1)
  })

  it('makes no IMS token call in a new container when State holds a valid token', async () => {
    await lookup({ namespace: 'email', id: JANE.email })
    testEnv().coldContainer()
    testEnv().resetCounters()
    const res = await lookup({ namespace: 'crmid', id: 'CRM-000002' })
    expect(res.statusCode).toBe(200)
    expect(ims().count('token')).toBe(0)
  })

  it('takes audience names from State in a new container instead of asking AEP again', async () => {
    await lookup({ namespace: 'email', id: JANE.email })
    testEnv().coldContainer()
    testEnv().resetCounters()
    const res = await lookup({ namespace: 'phone', id: JANE.phone, refresh: 'true' })
    expect(bodyOf<CustomerView>(res).customer.audiences.every((a) => a.name !== null)).toBe(true)
    expect(aep().count('audiences') + aep().count('segmentDefinitions')).toBe(0)
  })

  it('replaces a token AEP rejects and retries the call once', async () => {
    await lookup({ namespace: 'crmid', id: 'CRM-000003' })
    aep().revokeTokens()
    testEnv().resetCounters()
    const res = await lookup({ namespace: 'crmid', id: 'CRM-000004' })
    expect(res.statusCode).toBe(200)
    expect(ims().count('token')).toBe(1)
    expect(
      aep()
        .requests('entities.profile')
        .map((r) => r.status)
    ).toEqual([401, 200])
  })

  it('shares one IMS call between concurrent cold lookups', async () => {
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) => lookup({ namespace: 'crmid', id: `CRM-${String(i + 20).padStart(6, '0')}` }))
    )
    expect(results.map((r) => r.statusCode)).toEqual(Array(10).fill(200))
    expect(ims().count('token')).toBe(1)
  })
})

describe('caller authorization', () => {
  it('refuses a valid token of another org with 403 ORG_MISMATCH and calls no AEP', async () => {
    const res = await lookup({ namespace: 'email', id: JANE.email }, { token: testEnv().agentToken(OTHER_ORG) })
    expect(res.statusCode).toBe(403)
    expect(bodyOf<ErrorBody>(res).error.code).toBe('ORG_MISMATCH')
    expect(aep().requests()).toHaveLength(0)
  })

  it.each([
    ['expired', () => testEnv().agentToken(undefined, -60)],
    ['malformed', () => 'not-a-jwt-at-all-but-long-enough'],
    [
      'wrongly signed',
      () => `${testEnv().agentToken().split('.').slice(0, 2).join('.')}.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA`
    ]
  ])('answers 401 for a %s token', async (_, token) => {
    const res = await lookup({ namespace: 'email', id: JANE.email }, { token: token() })
    expect(res.statusCode).toBe(401)
    expect(bodyOf<ErrorBody>(res).error.code).toBe('UNAUTHENTICATED')
    expect(aep().requests()).toHaveLength(0)
  })

  it('validates a caller token with IMS once while it is cached', async () => {
    const token = testEnv().agentToken()
    await lookup({ namespace: 'email', id: JANE.email }, { token })
    await lookup({ namespace: 'email', id: JANE.email }, { token })
    expect(ims().count('validate')).toBe(1)
  })
})

describe('profile cache', () => {
  it('serves a repeat lookup from the cache without calling AEP', async () => {
    await lookup({ namespace: 'email', id: JANE.email })
    testEnv().resetCounters()
    const res = await lookup({ namespace: 'email', id: JANE.email })
    expect(bodyOf<CustomerView>(res).meta.cache).toEqual({ status: 'HIT', ageSeconds: 0, tier: 'memory' })
    expect(aep().requests()).toHaveLength(0)
  })

  it('hits the cache for the same customer by another identity', async () => {
    await lookup({ namespace: 'email', id: JANE.email })
    testEnv().resetCounters()
    const res = await lookup({ namespace: 'phone', id: JANE.phone })
    expect(bodyOf<CustomerView>(res).meta.cache?.status).toBe('HIT')
    expect(bodyOf<CustomerView>(res).customer.contact.email).toBe(JANE.email)
    expect(aep().requests()).toHaveLength(0)
  })

  it('keeps raw e-mail addresses and phone numbers out of every cache key', async () => {
    await lookup({ namespace: 'email', id: JANE.email })
    const keys = testEnv().standIns.state.store.keys('cah-local')
    expect(keys.length).toBeGreaterThan(2)
    for (const k of keys) {
      expect(k).toMatch(/^[a-zA-Z0-9-_.]{1,1024}$/)
      expect(k).not.toContain('jane')
      expect(k).not.toContain('4155550123')
    }
  })

  it('bypasses the cache on Cache-Control: no-cache and on refresh=true', async () => {
    await lookup({ namespace: 'email', id: JANE.email })
    testEnv().resetCounters()
    const byHeader = await lookup({ namespace: 'email', id: JANE.email }, { headers: { 'cache-control': 'no-cache' } })
    const byParam = await lookup({ namespace: 'email', id: JANE.email, refresh: 'true' })
    expect([byHeader, byParam].map((r) => bodyOf<CustomerView>(r).meta.cache?.status)).toEqual(['BYPASS', 'BYPASS'])
    expect(aep().count('entities.profile')).toBe(2)
  })

  it('coalesces 50 concurrent identical lookups into one AEP profile call', async () => {
    aep().setLatency({ routes: { 'entities.profile': 100 } })
    try {
      const results = await Promise.all(
        Array.from({ length: 50 }, () => lookup({ namespace: 'email', id: JANE.email }))
      )
      expect(results.map((r) => r.statusCode)).toEqual(Array(50).fill(200))
    } finally {
      aep().setLatency({ routes: { 'entities.profile': 0 } })
    }
    expect(aep().count('entities.profile')).toBe(1)
  })

  it('serves a stored view as STALE when AEP is down', async () => {
    await lookup({ namespace: 'email', id: JANE.email }, {})
    aep().addFault({ route: 'entities.profile', type: '503' })
    const res = await lookup({ namespace: 'email', id: JANE.email, refresh: 'true' })
    expect(res.statusCode).toBe(200)
    expect(bodyOf<CustomerView>(res).meta.cache).toMatchObject({ status: 'STALE', staleReason: 'UPSTREAM_UNAVAILABLE' })
  })

  it('serves an expired entry as STALE, and never caches the failure', async () => {
    await lookup({ namespace: 'email', id: JANE.email }, { inputs: { CACHE_TTL_SECONDS: '1' } })
    await new Promise((r) => setTimeout(r, 1100))
    aep().addFault({ route: 'entities.profile', type: '429', retryAfterMs: 5000 })
    const stale = await lookup({ namespace: 'email', id: JANE.email }, { inputs: { CACHE_TTL_SECONDS: '1' } })
    expect(bodyOf<CustomerView>(stale).meta.cache).toMatchObject({
      status: 'STALE',
      staleReason: 'UPSTREAM_RATE_LIMITED',
      ageSeconds: 1
    })
    aep().clearFaults()
    const fresh = await lookup({ namespace: 'email', id: JANE.email }, { inputs: { CACHE_TTL_SECONDS: '1' } })
    expect(bodyOf<CustomerView>(fresh).meta.cache?.status).toBe('MISS')
  })

  it('still answers 200 when the State service is down or hangs', async () => {
    testEnv().standIns.state.control.addFault({ route: '*', type: '503' })
    const down = await lookup({ namespace: 'email', id: JANE.email })
    testEnv().standIns.state.control.clearFaults()
    testEnv().standIns.state.control.addFault({ route: '*', type: 'hang' })
    const hanging = await lookup({ namespace: 'crmid', id: 'CRM-000002' })
    testEnv().standIns.state.control.clearFaults()
    expect([down.statusCode, hanging.statusCode]).toEqual([200, 200])
    expect(testEnv().logs.filter((l) => l.includes('state service unavailable'))).toHaveLength(1)
  })

  it("never serves one sandbox's entry to another", async () => {
    await lookup({ namespace: 'email', id: JANE.email, sandbox: 'prod' })
    testEnv().resetCounters()
    const dev = await lookup({ namespace: 'email', id: JANE.email, sandbox: 'dev' })
    expect(bodyOf<CustomerView | ErrorBody>(dev)).not.toHaveProperty('meta.cache.status', 'HIT')
    expect(aep().count('entities.profile')).toBe(1)
  })

  it('forgets a customer on cache-invalidate, by any identity', async () => {
    await lookup({ namespace: 'email', id: JANE.email })
    const res = await testEnv().call(invalidate, {}, { method: 'POST', body: { namespace: 'phone', id: JANE.phone } })
    expect(res.statusCode).toBe(200)
    testEnv().resetCounters()
    const after = await lookup({ namespace: 'email', id: JANE.email })
    expect(bodyOf<CustomerView>(after).meta.cache?.status).toBe('MISS')
    expect(aep().count('entities.profile')).toBe(1)
  })
})

describe('cache-invalidate', () => {
  it('answers 503 CACHE_UNAVAILABLE instead of a false success when State cannot delete', async () => {
    await lookup({ namespace: 'email', id: JANE.email })
    testEnv().standIns.state.control.addFault({ route: 'state.deleteAll', type: '503' })
    const res = await testEnv().call(invalidate, {}, { method: 'POST', body: { namespace: 'email', id: JANE.email } })
    testEnv().standIns.state.control.clearFaults()
    expect(res.statusCode).toBe(503)
    expect(bodyOf<ErrorBody>(res).error.code).toBe('CACHE_UNAVAILABLE')
  })

  it('names the allowed method on 405', async () => {
    const res = await testEnv().call(invalidate, { namespace: 'email', id: JANE.email })
    expect(res.statusCode).toBe(405)
    expect(res.headers.Allow).toBe('POST')
  })
})

describe('logs', () => {
  it('contain no token, client secret, e-mail address or phone number of Jane Doe', async () => {
    const token = testEnv().agentToken()
    await lookup({ namespace: 'email', id: JANE.email }, { token })
    await lookup({ namespace: 'phone', id: JANE.phone }, { token })
    await lookup({ namespace: 'email', id: 'bad' }, { token })
    await lookup({ namespace: 'email', id: JANE.email }, { token: testEnv().agentToken(OTHER_ORG) })
    const all = testEnv().logs.join('\n')
    expect(testEnv().logs.filter((l) => l.includes('"msg":"audit"')).length).toBeGreaterThanOrEqual(4)
    for (const secret of [token, CLIENT_SECRET, JANE.email, JANE.phone, '4155550123']) expect(all).not.toContain(secret)
  })

  it('write one audit line per lookup with a salted identity hash', async () => {
    testEnv().logs.length = 0
    await lookup({ namespace: 'email', id: JANE.email })
    const audits = testEnv()
      .logs.filter((l) => l.includes('"msg":"audit"'))
      .map((l) => JSON.parse(l) as Record<string, unknown>)
    expect(audits).toHaveLength(1)
    expect(audits[0]).toMatchObject({
      operation: 'customer-lookup',
      caller: 'agent.test@AdobeID',
      org: 'DEMO0000000000000000000A@AdobeOrg',
      sandbox: 'prod',
      namespace: 'email',
      outcome: 'found',
      status: 200,
      cache: 'MISS'
    })
    expect(audits[0]?.identityHash).toMatch(/^[A-Za-z0-9_-]{32}$/)
  })
})
