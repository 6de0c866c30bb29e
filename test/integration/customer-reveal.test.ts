/**
 * POST customer-reveal through the real action and the stand-ins: a reveal answers 200, writes one
 * audit line with the hashed identity (never the raw e-mail), goes through the same shell as every
 * endpoint, and calls no AEP at all. Every response is checked against docs/openapi.yaml.
 */
import { main as reveal } from '../../actions/customer-reveal'
import { identityHash } from '../../actions/lib/observability/hashing'
import type { ErrorBody } from '../../actions/lib/view/view-types'
import { main as metadata } from '../../actions/metadata'
import { assertValidResponse } from '../contract/openapi'
import { bodyOf, type CallOptions, JANE, ORG, OTHER_ORG, registerTestEnv } from './harness'

const testEnv = registerTestEnv()
const SALT = 'integration-test-salt'

/** A call to customer-reveal, validated against the documented contract (the harness knows only the older actions). */
async function post(body: unknown, opts: CallOptions = {}) {
  const res = await testEnv().call(reveal, {}, { method: 'POST', body, ...opts })
  assertValidResponse('customer-reveal', (opts.method ?? 'POST').toLowerCase(), res)
  return res
}

const auditLines = (): Array<Record<string, unknown>> =>
  testEnv()
    .logs.filter((l) => l.includes('"msg":"audit"'))
    .map((l) => JSON.parse(l) as Record<string, unknown>)

/** Every request AEP received; the reveal must add none. */
const aepRequests = () => testEnv().standIns.aep.control.requests()

describe('POST customer-reveal', () => {
  it('answers 200 and writes one audit line with the hashed identity, never the raw e-mail', async () => {
    // Act: the identity as an agent might type it; the audit line hashes its normalised form.
    const res = await post({ namespace: 'email', id: ' Jane.Doe@Example.com ' })
    // Assess
    const body = bodyOf<{ revealed: boolean; requestId: string }>(res)
    expect(res.statusCode).toBe(200)
    expect(body).toEqual({ revealed: true, requestId: expect.any(String) })
    expect(res.headers['X-Request-Id']).toBe(body.requestId)
    expect(auditLines()).toEqual([
      {
        ts: expect.any(String),
        level: 'info',
        msg: 'audit',
        action: 'customer-reveal',
        requestId: body.requestId,
        audit: 'personal-data-reveal',
        operation: 'personal-data-reveal',
        caller: 'agent.test@AdobeID',
        org: ORG,
        sandbox: 'prod',
        namespace: 'email',
        identityHash: identityHash(SALT, 'email', JANE.email),
        outcome: 'revealed',
        status: 200,
        cache: null,
        durationMs: expect.any(Number)
      }
    ])
    expect(testEnv().logs.join('\n')).not.toMatch(/jane\.doe@example\.com/i)
  })

  it('audits the sandbox the agent names', async () => {
    // Act
    const res = await post({ namespace: 'phone', id: JANE.phone, sandbox: 'dev' })
    // Assess
    expect(res.statusCode).toBe(200)
    expect(auditLines().map((a) => [a.sandbox, a.namespace, a.identityHash, a.outcome])).toEqual([
      ['dev', 'phone', identityHash(SALT, 'phone', JANE.phone), 'revealed']
    ])
    expect(testEnv().logs.join('\n')).not.toContain('4155550123')
  })

  it('calls no AEP, even from a cold container', async () => {
    // Prepare
    testEnv().coldContainer()
    // Act
    const answers = await Promise.all([
      post({ namespace: 'email', id: JANE.email }),
      post({ namespace: 'crmid', id: JANE.crmid })
    ])
    // Assess
    expect(answers.map((r) => r.statusCode)).toEqual([200, 200])
    expect(aepRequests()).toEqual([])
    expect(testEnv().standIns.ims.control.count('token')).toBe(0)
  })

  it('refuses a bad identity with 400 and field-level messages, audited without a hash', async () => {
    // Act
    const res = await post({ namespace: 'email', id: 'not-an-email' })
    // Assess
    expect([res.statusCode, bodyOf<ErrorBody>(res).error]).toEqual([
      400,
      {
        code: 'INVALID_IDENTITY',
        message: expect.any(String),
        fields: { id: expect.any(String) },
        requestId: expect.any(String)
      }
    ])
    expect(auditLines().map((a) => [a.outcome, a.status, a.identityHash])).toEqual([['INVALID_IDENTITY', 400, null]])
    expect(aepRequests()).toEqual([])
  })

  it('refuses a sandbox outside the allow list with 400 INVALID_PARAMETER naming it', async () => {
    // Act
    const res = await post({ namespace: 'email', id: JANE.email, sandbox: 'stage' })
    // Assess
    expect([
      res.statusCode,
      bodyOf<ErrorBody>(res).error.code,
      Object.keys(bodyOf<ErrorBody>(res).error.fields ?? {})
    ]).toEqual([400, 'INVALID_PARAMETER', ['sandbox']])
  })

  it('answers 401 without a token and writes no audit line', async () => {
    // Act
    const res = await post({ namespace: 'email', id: JANE.email }, { token: null })
    // Assess
    expect([res.statusCode, bodyOf<ErrorBody>(res).error.code]).toEqual([401, 'UNAUTHENTICATED'])
    expect(auditLines()).toEqual([])
    expect(aepRequests()).toEqual([])
  })

  it("answers 403 to another org's caller and audits the refusal", async () => {
    // Act
    const res = await post({ namespace: 'email', id: JANE.email }, { token: testEnv().agentToken(OTHER_ORG) })
    // Assess
    expect([res.statusCode, bodyOf<ErrorBody>(res).error.code]).toEqual([403, 'ORG_MISMATCH'])
    expect(auditLines().map((a) => [a.audit, a.outcome, a.status])).toEqual([
      ['personal-data-reveal', 'ORG_MISMATCH', 403]
    ])
  })

  it('answers 405 to GET, naming POST', async () => {
    // Act
    const res = await testEnv().call(reveal, { namespace: 'email', id: JANE.email })
    assertValidResponse('customer-reveal', 'get', res)
    // Assess
    expect([res.statusCode, res.headers.Allow, bodyOf<ErrorBody>(res).error.code]).toEqual([
      405,
      'POST',
      'METHOD_NOT_ALLOWED'
    ])
    expect(auditLines()).toEqual([])
  })
})

describe('GET metadata ui settings', () => {
  it('says personal data starts masked by default, and not when the deployment sets MASK_PERSONAL_DATA=false', async () => {
    // Act
    const masked = await testEnv().call(metadata, {})
    const unmasked = await testEnv().call(metadata, {}, { inputs: { MASK_PERSONAL_DATA: 'false' } })
    // Assess
    expect([bodyOf(masked).ui, bodyOf(unmasked).ui]).toEqual([{ maskPersonalData: true }, { maskPersonalData: false }])
  })
})
