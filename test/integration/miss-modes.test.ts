/**
 * The miss path's deployment settings (issue 14) with the real aio-lib-state against the State
 * stand-in: CACHE_READ_MODE and CACHE_WRITE_MODE keep coalescing and the cache's answers in every
 * combination, a parallel read's State hit still spends its AEP call, a failing write behind the
 * answer is no State outage, and CACHE_POINTER_NAMESPACES cuts a miss's writes without losing the
 * cross-identity hits of the namespaces it keeps.
 */
import { main } from '../../actions/customer-profile'
import type { CustomerView } from '../../actions/lib/view/view-types'
import { bodyOf, JANE, registerTestEnv, type TestEnv } from './harness'

const testEnv = registerTestEnv()
const lookup = (query: Record<string, unknown>, inputs: Record<string, string>) =>
  testEnv().call(main, query, { inputs })
const standIns = () => testEnv().standIns
const cacheOf = (res: Awaited<ReturnType<TestEnv['call']>>) => bodyOf<CustomerView>(res).meta.cache
/** State GETs and PUTs of customer views and pointers (not the service token or audience names). */
const viewCalls = (route: 'state.get' | 'state.put') =>
  standIns()
    .state.control.requests(route)
    .filter((r) => !r.path.includes('.token.') && !r.path.includes('.aud.')).length
const settle = () => new Promise((r) => setTimeout(r, 100))
const byEmail = { namespace: 'email', id: JANE.email }

describe.each([
  { CACHE_READ_MODE: 'before', CACHE_WRITE_MODE: 'await' },
  { CACHE_READ_MODE: 'parallel', CACHE_WRITE_MODE: 'await' },
  { CACHE_READ_MODE: 'before', CACHE_WRITE_MODE: 'behind' },
  { CACHE_READ_MODE: 'parallel', CACHE_WRITE_MODE: 'behind' }
])('CACHE_READ_MODE=$CACHE_READ_MODE, CACHE_WRITE_MODE=$CACHE_WRITE_MODE', (inputs) => {
  it('answers 100 concurrent identical lookups with 1 AEP profile call, and stores the view for other containers', async () => {
    // Prepare: a container with its token and audience names, as after its first lookups.
    await lookup({ namespace: 'crmid', id: 'CRM-000002' }, inputs)
    testEnv().resetCounters()
    // Act
    const answers = await Promise.all(Array.from({ length: 100 }, () => lookup(byEmail, inputs)))
    const profileCalls = standIns().aep.control.count('entities.profile')
    await settle()
    testEnv().coldContainer()
    const elsewhere = await lookup(byEmail, inputs)
    // Assess: a lookup that reaches the cache only after the one fetch has stored the view is a HIT.
    expect(answers.filter((r) => r.statusCode !== 200 || !['MISS', 'HIT'].includes(cacheOf(r)?.status ?? ''))).toEqual(
      []
    )
    expect(answers.some((r) => cacheOf(r)?.status === 'MISS')).toBe(true)
    expect(profileCalls).toBe(1)
    expect(cacheOf(elsewhere)).toEqual({ status: 'HIT', ageSeconds: expect.any(Number), tier: 'state' })
  })
})

describe('CACHE_READ_MODE=parallel', () => {
  it("answers a new container's State hit as a HIT, spending the AEP call it sent beside the read", async () => {
    // Prepare
    const inputs = { CACHE_READ_MODE: 'parallel' }
    await lookup(byEmail, inputs)
    testEnv().coldContainer()
    testEnv().resetCounters()
    const mark = testEnv().logs.length
    // Act
    const hit = await lookup(byEmail, inputs)
    await settle()
    // Assess
    expect(cacheOf(hit)).toEqual({ status: 'HIT', ageSeconds: expect.any(Number), tier: 'state' })
    expect([standIns().aep.control.count('entities.profile'), viewCalls('state.put')]).toEqual([1, 0])
    expect(
      testEnv()
        .logs.slice(mark)
        .filter((l) => l.includes('aep lookup not needed'))
    ).toHaveLength(1)
  })
})

describe('CACHE_WRITE_MODE=behind', () => {
  it('answers while State refuses the writes, logging no State outage', async () => {
    // Prepare: a new container that finds its token and the audience names in State, so it writes only the view.
    const inputs = { CACHE_WRITE_MODE: 'behind' }
    await lookup(byEmail, inputs)
    await settle()
    testEnv().coldContainer()
    const mark = testEnv().logs.length
    standIns().state.control.addFault({ route: 'state.put', type: '503' })
    // Act
    const res = await lookup({ ...byEmail, refresh: 'true' }, inputs)
    // aio-lib-state goes on retrying a 503 (100, 200, 400 ms) after our bound: let it finish within this test.
    await new Promise((r) => setTimeout(r, 1500))
    standIns().state.control.clearFaults()
    // Assess
    const lines = testEnv().logs.slice(mark)
    expect([res.statusCode, cacheOf(res)?.status]).toEqual([200, 'BYPASS'])
    expect(lines.filter((l) => l.includes('state service unavailable'))).toEqual([])
    expect(lines.filter((l) => l.includes('state write behind the answer failed'))).toHaveLength(1)
  })
})

describe('CACHE_POINTER_NAMESPACES', () => {
  it.each<[string, number, string, Record<string, string>]>([
    ['the default namespaces', 6, 'HIT', {}],
    ['email,phone', 2, 'MISS', { CACHE_POINTER_NAMESPACES: 'email,phone' }]
  ])(
    'with %s: a miss writes %i entries; a new container hits by phone, and by crmid answers %s',
    async (_, writes, byCrmid, inputs) => {
      // Prepare
      await lookup(byEmail, inputs)
      const written = viewCalls('state.put')
      // Act (a hit through a pointer stores the view under that identity beside the answer: let it land)
      testEnv().coldContainer()
      const phone = await lookup({ namespace: 'phone', id: JANE.phone }, inputs)
      await settle()
      testEnv().coldContainer()
      const crmid = await lookup({ namespace: 'crmid', id: JANE.crmid }, inputs)
      await settle()
      // Assess
      expect([written, cacheOf(phone)?.status, cacheOf(crmid)?.status]).toEqual([writes, 'HIT', byCrmid])
    }
  )
})
