import { createServer } from 'node:net'
import { join } from 'node:path'
import { main } from '../../scripts/doctor'
import { readManifest } from '../../scripts/doctor/inputs'
import { runDoctor } from '../../scripts/doctor/run'
import type { CheckResult } from '../../scripts/doctor/types'
import { MERGE_POLICY_IDS, type StandIns, startStandIns } from '../../stand-ins'

const MANIFEST = readManifest(join(__dirname, '..', '..'))
const SECRET = 'cah-local-secret'
/** The stand-ins' namespace has no Runtime behind it: log forwarding is never checked locally. */
const LOG_FORWARDING_SKIP =
  "Log forwarding not checked: cah-local is the local stand-ins' namespace, not an I/O Runtime one"

let s: StandIns

beforeAll(async () => {
  s = await startStandIns({ customers: 100, aep: { port: 0 }, ims: { port: 0 }, state: { port: 0 } })
})
afterAll(async () => {
  await s.close()
})

function goodVars(): Record<string, string> {
  return {
    AIO_RUNTIME_NAMESPACE: 'cah-local',
    AIO_RUNTIME_AUTH: 'cah-local-key',
    IMS_BASE_URL: s.ims.url,
    IMS_OAUTH_S2S_CLIENT_ID: 'cah-local-client',
    IMS_OAUTH_S2S_CLIENT_SECRET: SECRET,
    IMS_OAUTH_S2S_ORG_ID: 'DEMO0000000000000000000A@AdobeOrg',
    IMS_OAUTH_S2S_SCOPES: 'openid,AdobeID,read_organizations',
    AEP_BASE_URL: s.aep.url,
    AEP_SANDBOX: 'prod',
    AEP_ALLOWED_SANDBOXES: 'prod,dev',
    AEP_MERGE_POLICY_ID: '',
    AEP_TIMEOUT_MS: '3000',
    AIO_STATE_ENDPOINT: s.state.url,
    ALLOWED_UPSTREAM_HOSTS: '127.0.0.1,localhost',
    CUSTOMER_VIEW_MAPPING:
      '{"lifetimeValue":"_demotenant.clv.value","churnPropensity":"_demotenant.scores.churnPropensity"}',
    IDENTITY_HASH_SALT: 'doctor-test-salt-0123456789'
  }
}

const doctor = (vars: Record<string, string>): Promise<CheckResult[]> =>
  runDoctor({ manifest: MANIFEST, vars }).then((r) => r.results)
const byStatus = (results: CheckResult[], status: CheckResult['status']): string[] =>
  results.filter((r) => r.status === status).map((r) => r.title)

async function closedPort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  await new Promise<void>((resolve) => server.close(() => resolve()))
  if (typeof address !== 'object' || address === null) throw new Error('no port')
  return address.port
}

describe('npm run doctor against the stand-ins', () => {
  it('passes every check for a good configuration', async () => {
    const results = await doctor(goodVars())

    expect(byStatus(results, 'fail')).toEqual([])
    expect(byStatus(results, 'skip')).toEqual([LOG_FORWARDING_SKIP])
    expect(byStatus(results, 'pass')).toEqual([
      expect.stringMatching(/^\d+ actions get the same \d+ inputs$/),
      'Every input parses (parseConfig accepts them)',
      expect.stringMatching(new RegExp(`^IMS at ${s.ims.url} issues a service token`)),
      `AEP at ${s.aep.url} accepts the service token, API key and org`,
      'Sandbox prod exists (2 profile merge policies)',
      `Sandbox prod has a default merge policy: Default Timebased (${MERGE_POLICY_IDS.prodDefault})`,
      'Sandbox dev exists (2 profile merge policies)',
      `Sandbox dev has a default merge policy: Dev Default Timebased (${MERGE_POLICY_IDS.devDefault})`,
      'CUSTOMER_VIEW_MAPPING.lifetimeValue.path (_demotenant.clv.value) found in 1 of 1 sampled profiles',
      'CUSTOMER_VIEW_MAPPING.lifetimeValue.currencyPath (_demotenant.clv.currency) found in 1 of 1 sampled profiles',
      'CUSTOMER_VIEW_MAPPING.insights[0].path (_demotenant.scores.churnPropensity) found in 1 of 1 sampled profiles',
      'All 3 mapped paths of CUSTOMER_VIEW_MAPPING exist in the union schemas of sandboxes prod, dev',
      `State at ${s.state.url} stores, returns and deletes a probe key (namespace cah-local)`
    ])
  })

  it('reports a wrong client secret as an IMS refusal and skips what needs a token', async () => {
    const results = await doctor({ ...goodVars(), IMS_OAUTH_S2S_CLIENT_SECRET: 'not-the-secret' })

    expect(byStatus(results, 'fail')).toEqual([`IMS at ${s.ims.url} refused the OAuth Server-to-Server credential`])
    expect(byStatus(results, 'skip')).toEqual(['AEP and customer data checks', LOG_FORWARDING_SKIP])
  })

  it('reports a sandbox that does not exist', async () => {
    const results = await doctor({ ...goodVars(), AEP_ALLOWED_SANDBOXES: 'prod,nosuch' })

    expect(byStatus(results, 'fail')).toEqual([
      expect.stringMatching(/^Sandbox nosuch is not available to this credential \(HTTP 403: UPS-ACC-1000006: .*\)$/)
    ])
  })

  it('reports a merge policy id that does not exist in a sandbox, per sandbox', async () => {
    const results = await doctor({ ...goodVars(), AEP_MERGE_POLICY_ID: MERGE_POLICY_IDS.prodNoStitch })

    expect(byStatus(results, 'pass')).toContain('AEP_MERGE_POLICY_ID exists in sandbox prod')
    expect(byStatus(results, 'fail')).toEqual([
      expect.stringMatching(
        new RegExp(
          `^AEP_MERGE_POLICY_ID ${MERGE_POLICY_IDS.prodNoStitch} is not a merge policy of sandbox dev \\(HTTP 404`
        )
      )
    ])
  })

  it('reports a sandbox without a default merge policy when none is configured', async () => {
    const results = await doctor({ ...goodVars(), AEP_ALLOWED_SANDBOXES: 'prod,nodefault' })

    expect(byStatus(results, 'fail')).toEqual([
      'Sandbox nodefault has no default merge policy: lookups there answer 422 UPSTREAM_UNPROCESSABLE'
    ])
  })

  it('reports an insight path that is absent from the data', async () => {
    const results = await doctor({
      ...goodVars(),
      CUSTOMER_VIEW_MAPPING: '{"churnPropensity":"_demotenant.scores.churn"}'
    })

    expect(byStatus(results, 'fail')).toEqual([
      'CUSTOMER_VIEW_MAPPING.insights[0].path (_demotenant.scores.churn) is absent from all 1 sampled profiles',
      'CUSTOMER_VIEW_MAPPING.insights[0].path _demotenant.scores.churn is not in the profile union schema of sandboxes prod, dev'
    ])
  })

  it('reports an AEP that cannot be reached and skips the checks that need it', async () => {
    const aep = `http://127.0.0.1:${await closedPort()}`

    const results = await doctor({ ...goodVars(), AEP_BASE_URL: aep })

    expect(byStatus(results, 'fail')).toEqual([`AEP at ${aep} could not be reached`])
    expect(byStatus(results, 'skip')).toEqual([
      'Sandbox and merge policy checks (prod, dev)',
      'CUSTOMER_VIEW_MAPPING paths not checked against data',
      'CUSTOMER_VIEW_MAPPING paths not checked',
      LOG_FORWARDING_SKIP
    ])
  })

  it('reports an IMS that cannot be reached', async () => {
    const ims = `http://127.0.0.1:${await closedPort()}`

    const results = await doctor({ ...goodVars(), IMS_BASE_URL: ims })

    expect(byStatus(results, 'fail')).toEqual([`IMS at ${ims} could not be reached`])
  })

  it('exits 0 when all pass, 1 on a failure, and prints neither the secret nor a token', async () => {
    const out: string[] = []
    const io = {
      out: (t: string) => {
        out.push(t)
      },
      err: (t: string) => {
        out.push(t)
      }
    }

    const good = await main([], goodVars(), io, MANIFEST)
    const bad = await main(['--sample', 'email:nobody@example.com'], goodVars(), io, MANIFEST)

    const text = out.join('')
    expect([good, bad]).toEqual([0, 1])
    expect(text).toContain('✖ 1 of 1 sample customers not found in sandbox prod')
    expect(text).not.toContain(SECRET)
    expect(text).not.toContain('nobody@example.com')
    expect(text).not.toMatch(/eyJ[A-Za-z0-9_-]{10,}/)
  })
})
