/**
 * Property tests of GET metadata, POST cache-invalidate and POST customer-reveal: generated
 * sandboxes (right, wrong, repeated), identities, junk parameters, credentials and methods. Every
 * answer is the documented one, never a 5xx; cache-invalidate and customer-reveal never call AEP,
 * and every reveal that reaches the endpoint writes exactly one audit line.
 */
import fc from 'fast-check'
import { main as invalidate } from '../../actions/cache-invalidate'
import { main as reveal } from '../../actions/customer-reveal'
import type { ActionResponse } from '../../actions/lib/http/responses'
import { main as metadata } from '../../actions/metadata'
import { assertValidResponse } from '../contract/openapi'
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
/** customer-reveal shares cache-invalidate's request shape and shell, so fewer runs cover it. */
const REVEAL_RUNS = 300
const CUSTOMERS = 30

let env: TestEnv
const generated = { metadata: 0, invalidate: 0, reveal: 0 }
/** The actions that read a JSON body (merged into params by Runtime); the others read the query. */
const BODY_ACTIONS = new Set<Main>([invalidate, reveal])
/** Where env.logs stood before the current generated request: its own lines follow. */
let logMark = 0
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
  count: () => void,
  runs = RUNS
): Promise<Findings> {
  const findings = new Findings()
  await fc.assert(
    fc.asyncProperty(caseArb, async (c) => {
      const params: Record<string, unknown> = { ...c.junk }
      if (c.sandbox.value !== undefined) params.sandbox = c.sandbox.value
      if (c.identity?.namespace !== undefined) params.namespace = c.identity.namespace
      if (c.identity?.id !== undefined) params.id = c.identity.id
      let res: ActionResponse
      logMark = env.logs.length
      try {
        res = BODY_ACTIONS.has(action)
          ? await env.call(action, {}, { method: c.method, token: c.auth.token, headers: c.auth.headers, body: params })
          : await env.call(action, params, {
              method: c.method,
              token: c.auth.token,
              headers: c.auth.headers,
              semantics: 'aio-dev'
            })
        // The harness checks the older actions against docs/openapi.yaml itself.
        if (action === reveal) assertValidResponse('customer-reveal', c.method, res)
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
    { numRuns: runs }
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

describe('customer-reveal under generated input', () => {
  it(`answers ${REVEAL_RUNS} generated requests as documented, never 5xx, never calls AEP, audits each reveal`, async () => {
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
      // Unknown customers are revealed too: the endpoint reads nothing, so it cannot tell.
      return c.identity?.expect === 'either' ? [200, 400] : [200]
    }
    const findings = await fuzz(
      reveal,
      caseArb,
      expected,
      (c, res, f) => {
        f.check(aep.check().length === 0 && aep.total() === before, 'customer-reveal called AEP', c)
        const audits = env.logs
          .slice(logMark)
          .filter((l) => l.includes('"msg":"audit"'))
          .map((l) => JSON.parse(l) as { outcome?: unknown; identityHash?: unknown; status?: unknown })
        if (res.statusCode === 200) {
          f.check((res.body as { revealed?: unknown }).revealed === true, 'a 200 that does not say revealed', c)
          f.check(
            audits.length === 1 &&
              audits[0]?.outcome === 'revealed' &&
              typeof audits[0].identityHash === 'string' &&
              /^[A-Za-z0-9_-]{32}$/.test(audits[0].identityHash),
            'a reveal without exactly one audit line holding the identity hash',
            c
          )
        }
        // The shell audits what reaches the caller check: a missing or malformed header (401) and a
        // wrong method (405) come before it, an expired or rejected token (401) after it.
        if (res.statusCode === 405) f.check(audits.length === 0, 'an audit line for a request refused with 405', c)
        if (res.statusCode === 401)
          f.check(audits.length <= 1 && audits.every((a) => a.status === 401), 'a 401 with a wrong audit line', c)
        if (res.statusCode === 400 || res.statusCode === 403)
          f.check(
            audits.length === 1 && audits[0]?.status === res.statusCode,
            `a refused reveal (${res.statusCode}) without its audit line`,
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
        generated.reveal++
      },
      REVEAL_RUNS
    )
    expect(findings.report()).toEqual({})
    expect(generated.reveal).toBeGreaterThanOrEqual(REVEAL_RUNS)
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
