/**
 * Cache isolation: a view cached for one org, sandbox or merge policy is never served to another —
 * not by the identity looked up, not through a pointer entry of another identity. Two orgs share one
 * State container here (the worst case: the same namespace and credentials).
 */
import { main as invalidate } from '../../actions/cache-invalidate'
import { main as profile } from '../../actions/customer-profile'
import { setLogSink } from '../../actions/lib/observability/logger'
import type { CustomerView } from '../../actions/lib/view/view-types'
import { MERGE_POLICY_IDS } from '../../stand-ins'
import { VIEW_KEY } from '../faults/support'
import { bodyOf, JANE, OTHER_ORG, startTestEnv, type TestEnv } from '../integration/harness'

let env: TestEnv

beforeAll(async () => {
  env = await startTestEnv()
})
afterAll(async () => {
  await env.close()
})
beforeEach(() => env.reset())

const look = async (
  e: TestEnv,
  query: Record<string, unknown>,
  opts?: Parameters<TestEnv['call']>[2]
): Promise<CustomerView> => {
  const res = await e.call(profile, query, opts)
  expect(res.statusCode).toBe(200)
  return bodyOf<CustomerView>(res)
}
const profileCalls = (e: TestEnv) => e.standIns.aep.control.requests('entities.profile')

describe('org isolation (two orgs, one State container)', () => {
  let other: TestEnv
  beforeAll(async () => {
    other = await startTestEnv(
      { orgId: OTHER_ORG },
      { IMS_OAUTH_S2S_ORG_ID: OTHER_ORG, AIO_STATE_ENDPOINT: env.standIns.state.url }
    )
  })
  afterAll(async () => {
    await other.close()
    // The second environment took over the log sink; give it back to the first.
    setLogSink((line) => {
      env.logs.push(line)
    })
  })

  it("never serves org A's cached view (or pointer) to org B, and keeps every key inside its org", async () => {
    const asB = { token: other.agentToken(OTHER_ORG), headers: { 'x-gw-ims-org-id': OTHER_ORG } }
    expect((await look(env, { namespace: 'email', id: JANE.email })).meta.cache?.status).toBe('MISS')
    other.resetCounters()

    const byEmail = await look(other, { namespace: 'email', id: JANE.email }, asB)
    const byPhone = await look(other, { namespace: 'phone', id: JANE.phone }, asB)
    expect([byEmail.meta.cache?.status, byPhone.meta.cache?.status]).toEqual(['MISS', 'HIT'])
    // B's answer came from B's AEP, once; A's AEP saw nothing of B's lookups.
    expect(profileCalls(other)).toHaveLength(1)
    expect(profileCalls(other)[0]?.headers['x-gw-ims-org-id']).toBe(OTHER_ORG)

    // Every key but the service tokens names exactly one org: views, pointers and audience names alike.
    const keys = env.standIns.state.store.keys('cah-local').filter((k) => !k.startsWith('cah1.token.'))
    const orgOf = (k: string): string =>
      [k.includes('DEMO0000000000000000000A') ? 'A' : '', k.includes('OTHER000000000000000000B') ? 'B' : ''].join('')
    expect(
      keys
        .filter((k) => VIEW_KEY.test(k))
        .map(orgOf)
        .sort()
    ).toEqual([...Array(6).fill('A'), ...Array(6).fill('B')])
    expect(keys.every((k) => orgOf(k) === 'A' || orgOf(k) === 'B')).toBe(true)
  })
})

describe('sandbox isolation', () => {
  it("never serves the prod view in dev, by the same or another identity, and each HIT is its own sandbox's profile", async () => {
    const prodSeed = env.standIns.aep.sandboxes.get('prod')?.seed
    const devSeed = env.standIns.aep.sandboxes.get('dev')?.seed
    await look(env, { namespace: 'email', id: JANE.email, sandbox: 'prod' })
    const devByEmail = await look(env, { namespace: 'email', id: JANE.email, sandbox: 'dev' })
    const devByPhone = await look(env, { namespace: 'phone', id: JANE.phone, sandbox: 'dev' })
    const prodAgain = await look(env, { namespace: 'phone', id: JANE.phone, sandbox: 'prod' })
    expect([devByEmail.meta.cache?.status, devByPhone.meta.cache?.status, prodAgain.meta.cache?.status]).toEqual([
      'MISS',
      'HIT',
      'HIT'
    ])
    expect([devByPhone.meta.sandbox, devByPhone.customer.profileId]).toEqual(['dev', devSeed?.profileId(0)])
    expect([prodAgain.meta.sandbox, prodAgain.customer.profileId]).toEqual(['prod', prodSeed?.profileId(0)])
    expect(profileCalls(env).map((r) => r.headers['x-sandbox-name'])).toEqual(['prod', 'dev'])
  })

  it('invalidating a customer in dev leaves their prod view cached', async () => {
    await look(env, { namespace: 'email', id: JANE.email, sandbox: 'prod' })
    await look(env, { namespace: 'email', id: JANE.email, sandbox: 'dev' })
    const res = await env.call(
      invalidate,
      {},
      { method: 'POST', body: { namespace: 'email', id: JANE.email, sandbox: 'dev' } }
    )
    expect(res.statusCode).toBe(200)
    const [prod, dev] = [
      await look(env, { namespace: 'email', id: JANE.email, sandbox: 'prod' }),
      await look(env, { namespace: 'email', id: JANE.email, sandbox: 'dev' })
    ]
    expect([prod.meta.cache?.status, dev.meta.cache?.status]).toEqual(['HIT', 'MISS'])
  })
})

describe('merge policy isolation', () => {
  it("never serves one merge policy's view under another, by the same or another identity", async () => {
    const stitched = { namespace: 'email', id: JANE.email, mergePolicyId: MERGE_POLICY_IDS.prodDefault }
    const unstitched = { namespace: 'phone', id: JANE.phone, mergePolicyId: MERGE_POLICY_IDS.prodNoStitch }
    expect((await look(env, stitched)).meta.cache?.status).toBe('MISS')
    const other = await look(env, unstitched)
    expect(other.meta.cache?.status).toBe('MISS')
    expect(other.meta.mergePolicyId).toBe(MERGE_POLICY_IDS.prodNoStitch)
    const again = await look(env, { ...unstitched, namespace: 'email', id: JANE.email })
    expect([again.meta.cache?.status, again.meta.mergePolicyId]).toEqual(['HIT', MERGE_POLICY_IDS.prodNoStitch])
    expect(profileCalls(env).map((r) => new URL(r.path, 'http://aep').searchParams.get('mergePolicyId'))).toEqual([
      MERGE_POLICY_IDS.prodDefault,
      MERGE_POLICY_IDS.prodNoStitch
    ])
  })

  it('keeps the sandbox default (no merge policy named) apart from every named policy', async () => {
    await look(env, { namespace: 'email', id: JANE.email })
    const named = await look(env, { namespace: 'email', id: JANE.email, mergePolicyId: MERGE_POLICY_IDS.prodNoStitch })
    expect(named.meta.cache?.status).toBe('MISS')
  })
})
