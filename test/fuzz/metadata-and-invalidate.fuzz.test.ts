/**
 * Property tests of GET metadata and POST cache-invalidate: generated sandboxes (right, wrong,
 * repeated), identities, junk parameters, credentials and methods. Every answer is the documented
 * one, never a 5xx; cache-invalidate never calls AEP at all.
 */
import fc from 'fast-check'
import { main as invalidate } from '../../actions/cache-invalidate'
import type { ActionResponse } from '../../actions/lib/http/responses'
import { main as metadata } from '../../actions/metadata'
import { errorCode, errorProblems, watchUnhandledRejections } from '../faults/support'
import { type Main, OTHER_ORG, startTestEnv, type TestEnv } from '../integration/harness'
import { findLeaks, seededPii, seedsOf } from '../security/leak-scan'
import { aepRecordReader } from './aep-requests'
import { answerLabel, Findings } from './findings'
import { type IdentityCase, identityArb, knownCustomers } from './identities'
import {
  type AuthCase,
  absent,
  authArb,
  bad,
  good,
  HTTP_METHODS,
  junkParams,
  type Param,
  repeated,
  type Tokens
} from './requests'

/** These suites' share of the fuzz suites' 10 000 generated requests. */
const RUNS = 1000
const CUSTOMERS = 30

let env: TestEnv
const generated = { metadata: 0, invalidate: 0 }
const unhandled = watchUnhandledRejections()

interface Case {
  sandbox: Param
  identity: IdentityCase | null
  junk: Record<string, unknown>
  auth: AuthCase
  method: string
}

const sandboxArb = fc.oneof(
  { weight: 3, arbitrary: fc.constant(absent) },
  {
    weight: 2,
    arbitrary: fc.oneof(
      good('prod', 'dev', 'nodefault', ' dev ', ''),
      bad('stage', 'PROD', 5, '../prod', 'prod\u0000', 'prod,dev', 'x'.repeat(10_240)),
      repeated('prod')
    )
  }
)

/** Runs `runs` generated requests against `action`; returns the findings. */
async function fuzz(
  action: Main,
  caseArb: fc.Arbitrary<Case>,
  expected: (c: Case) => number[],
  check: (c: Case, res: ActionResponse, f: Findings) => void,
  count: () => void
): Promise<Findings> {
  const findings = new Findings()
  await fc.assert(
    fc.asyncProperty(caseArb, async (c) => {
      const params: Record<string, unknown> = { ...c.junk }
      if (c.sandbox.value !== undefined) params.sandbox = c.sandbox.value
      if (c.identity?.namespace !== undefined) params.namespace = c.identity.namespace
      if (c.identity?.id !== undefined) params.id = c.identity.id
      let res: ActionResponse
      try {
        // cache-invalidate reads a JSON body (merged into params by Runtime), metadata the query.
        res =
          action === invalidate
            ? await env.call(
                action,
                {},
                { method: c.method, token: c.auth.token, headers: c.auth.headers, body: params }
              )
            : await env.call(action, params, {
                method: c.method,
                token: c.auth.token,
                headers: c.auth.headers,
                semantics: 'aio-dev'
              })
      } catch (e) {
        findings.check(false, `main threw or broke the contract: ${String(e).slice(0, 100)}`, c)
        return
      } finally {
        count()
      }
      const allowed = expected(c)
      findings.check(
        allowed.includes(res.statusCode),
        `${answerLabel(res)} where the documented rules give ${allowed.join(' or ')}`,
        c
      )
      findings.check(res.statusCode < 500, `5xx: ${answerLabel(res)}`, c)
      if (res.statusCode !== 200) findings.problems(errorProblems(res), 'error body', c)
      check(c, res, findings)
    }),
    { numRuns: RUNS }
  )
  return findings
}

function authFirst(c: Case, method: string): number[] | null {
  if (c.method !== method) return [405]
  return c.auth.expect === 'ok' ? null : [c.auth.expect]
}

let tokens: Tokens
beforeAll(async () => {
  env = await startTestEnv()
  tokens = {
    valid: [env.agentToken(), env.agentToken()],
    otherOrg: env.agentToken(OTHER_ORG),
    expired: env.agentToken(undefined, -60)
  }
})
afterAll(async () => {
  unhandled.stop()
  await env.close()
})

describe('metadata under generated input', () => {
  it(`answers ${RUNS} generated requests as documented and never 5xx`, async () => {
    const caseArb = fc.record({
      sandbox: sandboxArb,
      identity: fc.constant(null),
      junk: junkParams,
      auth: authArb(tokens),
      method: fc.oneof(
        { weight: 20, arbitrary: fc.constant('get') },
        { weight: 1, arbitrary: fc.constantFrom(...HTTP_METHODS) }
      )
    })
    const findings = await fuzz(
      metadata,
      caseArb,
      (c) => authFirst(c, 'get') ?? (c.sandbox.ok === true ? [200] : [400]),
      (c, res, f) => {
        const body = res.body as { sandbox?: unknown; namespaces?: unknown; mergePolicies?: unknown }
        if (res.statusCode === 200)
          f.check(
            typeof body.sandbox === 'string' && Array.isArray(body.namespaces) && Array.isArray(body.mergePolicies),
            'half-built metadata',
            c
          )
        if (res.statusCode === 400)
          f.check(
            errorCode(res) === 'INVALID_PARAMETER',
            `400 ${errorCode(res) ?? ''} where INVALID_PARAMETER is documented`,
            c
          )
      },
      () => {
        generated.metadata++
      }
    )
    expect(findings.report()).toEqual({})
    expect(generated.metadata).toBeGreaterThanOrEqual(RUNS)
  }, 60_000)
})

describe('cache-invalidate under generated input', () => {
  it(`answers ${RUNS} generated requests as documented, never 5xx, and never calls AEP`, async () => {
    const seed = env.standIns.aep.sandboxes.get('prod')?.seed
    if (!seed) throw new Error('no prod seed')
    const aep = aepRecordReader(env)
    aep.check()
    const before = aep.total()
    const caseArb = fc.record({
      sandbox: sandboxArb,
      identity: identityArb(knownCustomers(seed, CUSTOMERS)),
      junk: junkParams,
      auth: authArb(tokens),
      method: fc.oneof(
        { weight: 20, arbitrary: fc.constant('post') },
        { weight: 1, arbitrary: fc.constantFrom(...HTTP_METHODS) }
      )
    })
    const expected = (c: Case): number[] => {
      const refused = authFirst(c, 'post')
      if (refused) return refused
      if (c.identity?.expect === 'invalid' || c.sandbox.ok !== true) return [400]
      return c.identity?.expect === 'either' ? [200, 400] : [200]
    }
    const findings = await fuzz(
      invalidate,
      caseArb,
      expected,
      (c, res, f) => {
        f.check(aep.check().length === 0 && aep.total() === before, 'cache-invalidate called AEP', c)
        if (res.statusCode === 200)
          f.check(
            (res.body as { invalidated?: unknown }).invalidated === true,
            'a 200 that does not say invalidated',
            c
          )
        if (res.statusCode === 400 && c.identity?.expect === 'invalid')
          f.check(
            errorCode(res) === 'INVALID_IDENTITY',
            `400 ${errorCode(res) ?? ''} where INVALID_IDENTITY is documented`,
            c
          )
      },
      () => {
        generated.invalidate++
      }
    )
    expect(findings.report()).toEqual({})
    expect(generated.invalidate).toBeGreaterThanOrEqual(RUNS)
  }, 60_000)
})

describe('the whole suite', () => {
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
