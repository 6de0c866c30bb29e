/**
 * Property test of GET customer-profile: thousands of generated requests (identities, parameters
 * repeated or missing, credentials, methods) through the real action. For every one: main never
 * throws, no 5xx, the status is the one the documented rules give, every error carries a
 * documented code, a 200 is a whole view, and nothing unvalidated reaches AEP.
 */
import fc from 'fast-check'
import { main } from '../../actions/customer-profile'
import type { ActionResponse } from '../../actions/lib/http/responses'
import { MERGE_POLICY_IDS } from '../../stand-ins'
import {
  ALL_SECTIONS,
  errorCode,
  errorProblems,
  valueProblems,
  viewProblems,
  watchUnhandledRejections
} from '../faults/support'
import { OTHER_ORG, startTestEnv, type TestEnv } from '../integration/harness'
import { findLeaks, seededPii, seedsOf } from '../security/leak-scan'
import { aepRecordReader } from './aep-requests'
import { answerLabel, Findings } from './findings'
import { type IdentityCase, identityArb, knownCustomers } from './identities'
import { type AuthCase, absent, authArb, bad, good, HTTP_METHODS, junkParams, type Param, repeated } from './requests'

/** This suite's share of the fuzz suites' 10 000 generated requests (see docs/robustness.md). */
const RUNS = 4000
const CUSTOMERS = 40

let env: TestEnv
let generated = 0
const unhandled = watchUnhandledRejections()

interface ProfileCase {
  identity: IdentityCase
  params: Record<'sandbox' | 'mergePolicyId' | 'fields' | 'eventsLimit' | 'refresh', Param>
  junk: Record<string, unknown>
  auth: AuthCase
  method: string
}

const often = <T>(usual: T, arb: fc.Arbitrary<T>): fc.Arbitrary<T> =>
  fc.oneof({ weight: 3, arbitrary: fc.constant(usual) }, { weight: 1, arbitrary: arb })
const paramsArb = fc.record({
  sandbox: often(
    absent,
    fc.oneof(good('prod', ' prod ', ''), bad('PROD', 'stage', '../prod', 'prod\u0000', 'prod&x=1', 5), repeated('prod'))
  ),
  mergePolicyId: often(
    absent,
    fc.oneof(
      good(MERGE_POLICY_IDS.prodDefault, MERGE_POLICY_IDS.prodNoStitch, '', ` ${MERGE_POLICY_IDS.prodDefault} `),
      bad('_default', '-abc', 'a b', 'x'.repeat(65), '../x', 'a&b', '%00', `${MERGE_POLICY_IDS.prodDefault}#`),
      repeated(MERGE_POLICY_IDS.prodDefault),
      fc.constant<Param>({ value: 'unknown-merge-policy', ok: 422 })
    )
  ),
  fields: often(
    absent,
    fc.oneof(
      good('', 'name', 'name,insights', ' events , name ', ALL_SECTIONS.join(','), 'name,,', 'audiences,identities'),
      bad('all', 'NAME', ',', 'name;drop', 'name,foo', 'x'.repeat(10_240), 'name&entityId=x'),
      repeated('name')
    )
  ),
  eventsLimit: often(
    absent,
    fc.oneof(
      good('1', '100', ' 7 ', 5),
      bad('0', '101', '-1', '1e2', '5.5', 'abc', '', 5.5, '１０', '10&limit=1000'),
      repeated('5')
    )
  ),
  refresh: fc.oneof(
    { weight: 12, arbitrary: fc.constant(absent) },
    { weight: 1, arbitrary: good('true', 'false', 'yes', true, ['true', 'true']) }
  )
})

/** The statuses the documented rules allow for a case (the oracle). */
function expected(c: ProfileCase): number[] {
  if (c.method !== 'get') return [405]
  if (c.auth.expect !== 'ok') return [c.auth.expect]
  const params = Object.values(c.params)
  if (c.identity.expect === 'invalid' || params.some((p) => p.ok === false)) return [400]
  const unknownPolicy = c.params.mergePolicyId.ok === 422
  if (c.identity.expect === 'either') return unknownPolicy ? [400, 422] : [400, 404]
  if (unknownPolicy) return [422]
  return c.identity.expect === 'found' ? [200] : [404]
}

function sectionsOf(fields: Param): string[] {
  const v = fields.value
  if (fields.ok !== true || typeof v !== 'string' || v.trim() === '') return ALL_SECTIONS
  return v
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
}

beforeAll(async () => {
  env = await startTestEnv()
})
afterAll(async () => {
  unhandled.stop()
  await env.close()
})

describe('customer-profile under generated input', () => {
  it(`answers ${RUNS} generated requests as documented, never 5xx, and sends AEP only validated identities`, async () => {
    const aep = aepRecordReader(env)
    const seed = env.standIns.aep.sandboxes.get('prod')?.seed
    if (!seed) throw new Error('no prod seed')
    const tokens = {
      valid: [env.agentToken(), env.agentToken()],
      otherOrg: env.agentToken(OTHER_ORG),
      expired: env.agentToken(undefined, -60)
    }
    const caseArb: fc.Arbitrary<ProfileCase> = fc.record({
      identity: identityArb(knownCustomers(seed, CUSTOMERS)),
      params: paramsArb,
      junk: junkParams,
      auth: authArb(tokens),
      method: fc.oneof(
        { weight: 30, arbitrary: fc.constant('get') },
        { weight: 1, arbitrary: fc.constantFrom(...HTTP_METHODS) }
      )
    })

    const findings = new Findings()
    await fc.assert(
      fc.asyncProperty(caseArb, async (c) => {
        const query: Record<string, unknown> = { ...c.junk, namespace: c.identity.namespace, id: c.identity.id }
        for (const [name, p] of Object.entries(c.params)) if (p.value !== undefined) query[name] = p.value
        for (const [k, v] of Object.entries(query)) if (v === undefined) delete query[k]

        let res: ActionResponse
        try {
          // Typed values (true, {}, numbers) cannot come from a query string; they reach main through the
          // parsed-query object `aio app dev` hands a raw action, which is the widest input our parser accepts.
          res = await env.call(main, query, {
            method: c.method,
            token: c.auth.token,
            headers: c.auth.headers,
            semantics: 'aio-dev'
          })
        } catch (e) {
          findings.check(false, `main threw or broke the contract: ${String(e).slice(0, 100)}`, c)
          return
        } finally {
          generated++
        }
        const upstream = aep.check()
        const allowed = expected(c)
        const label = answerLabel(res)
        findings.check(
          allowed.includes(res.statusCode),
          `${label} where the documented rules give ${allowed.join(' or ')} (${c.auth.expect === 'ok' ? '' : `auth ${c.auth.name}, `}identity ${c.identity.expect})`,
          c
        )
        findings.check(res.statusCode < 500, `5xx: ${label}`, c)
        findings.problems(upstream, 'AEP received', c)
        if (res.statusCode === 200) {
          findings.problems(viewProblems(res.body, sectionsOf(c.params.fields)), 'half-built 200', c)
          findings.problems(valueProblems(res.body), '200 with odd values', c)
        } else {
          findings.problems(errorProblems(res), 'error body', c)
        }
        if (res.statusCode === 400 && c.identity.expect !== 'either') {
          const code = c.identity.expect === 'invalid' ? 'INVALID_IDENTITY' : 'INVALID_PARAMETER'
          findings.check(errorCode(res) === code, `400 ${errorCode(res) ?? ''} where ${code} is documented`, c)
        }
      }),
      { numRuns: RUNS }
    )

    expect(findings.report()).toEqual({})

    expect(generated).toBeGreaterThanOrEqual(RUNS)
    // Most generated requests are refused before AEP; the rest did reach it (the check is not vacuous).
    expect(aep.total()).toBeGreaterThan(100)
  }, 120_000)

  it('raised no unhandled rejection and logged no token, secret or customer PII', () => {
    expect(unhandled.seen).toEqual([])
    expect(
      findLeaks(
        env.logs,
        seededPii(
          seedsOf(env),
          Array.from({ length: CUSTOMERS }, (_, i) => i)
        )
      )
    ).toEqual([])
  })
})
