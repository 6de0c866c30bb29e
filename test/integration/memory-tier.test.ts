/**
 * The container's memory tier in front of State (issue 14), with the real aio-lib-state against the
 * State stand-in: which tier answered, the State round trips a hit costs, and how fast a change
 * made elsewhere (an invalidation, a newer write) is seen.
 */
import { main as invalidate } from '../../actions/cache-invalidate'
import { main } from '../../actions/customer-profile'
import type { CustomerView } from '../../actions/lib/view/view-types'
import { bodyOf, JANE, registerTestEnv, type TestEnv } from './harness'

const testEnv = registerTestEnv()
const lookup = (query: Record<string, unknown>, opts?: Parameters<TestEnv['call']>[2]) =>
  testEnv().call(main, query, opts)
const state = () => testEnv().standIns.state.control
/** State GETs of customer views and pointers (not the service token or audience names). */
const viewReads = () =>
  state()
    .requests('state.get')
    .filter((r) => !r.path.includes('.token.') && !r.path.includes('.aud.')).length
const cacheOf = (res: Awaited<ReturnType<typeof lookup>>) => bodyOf<CustomerView>(res).meta.cache
const settle = () => new Promise((r) => setTimeout(r, 100))

describe('memory tier', () => {
  it('answers a warm repeat from memory with no State call, and a new container from State with one read', async () => {
    // Prepare
    await lookup({ namespace: 'email', id: JANE.email })
    testEnv().resetCounters()
    // Act
    const warm = await lookup({ namespace: 'email', id: JANE.email })
    const warmReads = viewReads()
    testEnv().coldContainer()
    const cold = await lookup({ namespace: 'email', id: JANE.email })
    // Assess
    expect([cacheOf(warm), warmReads]).toEqual([{ status: 'HIT', ageSeconds: expect.any(Number), tier: 'memory' }, 0])
    expect([cacheOf(cold), viewReads()]).toEqual([{ status: 'HIT', ageSeconds: expect.any(Number), tier: 'state' }, 1])
    expect(testEnv().standIns.aep.control.count('entities.profile')).toBe(0)
  })

  it('costs a new container one State read by another identity once that identity has been used', async () => {
    // Prepare
    await lookup({ namespace: 'email', id: JANE.email })
    const reads: number[] = []
    // Act
    for (let i = 0; i < 2; i++) {
      testEnv().coldContainer()
      testEnv().resetCounters()
      const res = await lookup({ namespace: 'phone', id: JANE.phone })
      await settle()
      reads.push(viewReads())
      expect(cacheOf(res)).toMatchObject({ status: 'HIT', tier: 'state' })
    }
    // Assess: the pointer is followed once, then the view is stored under the phone too.
    expect(reads).toEqual([2, 1])
  })

  it('forgets the customer in this container on cache-invalidate, by any identity', async () => {
    // Prepare
    await lookup({ namespace: 'email', id: JANE.email })
    // Act
    const res = await testEnv().call(invalidate, {}, { method: 'POST', body: { namespace: 'phone', id: JANE.phone } })
    const after = await lookup({ namespace: 'crmid', id: JANE.crmid })
    // Assess
    expect(res.statusCode).toBe(200)
    expect(cacheOf(after)).toEqual({ status: 'MISS', ageSeconds: 0 })
  })

  it('sees an invalidation made by another container within CACHE_MEMORY_SECONDS', async () => {
    // Prepare
    const inputs = { CACHE_MEMORY_SECONDS: '1' }
    await lookup({ namespace: 'email', id: JANE.email }, { inputs })
    // Act: another container's cache-invalidate removes the State entries; this container's memory still holds the view.
    testEnv().standIns.state.store.deleteMatching('cah-local', 'cah1.*')
    const within = await lookup({ namespace: 'email', id: JANE.email }, { inputs })
    await new Promise((r) => setTimeout(r, 1100))
    const after = await lookup({ namespace: 'email', id: JANE.email }, { inputs })
    // Assess
    expect([cacheOf(within)?.tier, cacheOf(after)]).toEqual(['memory', { status: 'MISS', ageSeconds: 0 }])
  })

  it('reads State on every lookup when CACHE_MEMORY_SECONDS is 0', async () => {
    // Prepare
    const inputs = { CACHE_MEMORY_SECONDS: '0' }
    await lookup({ namespace: 'email', id: JANE.email }, { inputs })
    testEnv().resetCounters()
    // Act
    const res = await lookup({ namespace: 'email', id: JANE.email }, { inputs })
    // Assess
    expect([cacheOf(res), viewReads()]).toEqual([{ status: 'HIT', ageSeconds: expect.any(Number), tier: 'state' }, 1])
  })
})
