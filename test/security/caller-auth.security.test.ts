/**
 * Who may call: every action refuses a valid token of another org (403 ORG_MISMATCH) and every
 * expired, malformed, unsigned, wrongly signed, revoked or missing token (401 UNAUTHENTICATED,
 * with WWW-Authenticate) — and none of them makes a single AEP call.
 */
import { main as invalidate } from '../../actions/cache-invalidate'
import { main as events } from '../../actions/customer-events'
import { main as profile } from '../../actions/customer-profile'
import { main as batch } from '../../actions/customer-profiles'
import { main as metadata } from '../../actions/metadata'
import { mintAgentToken } from '../../stand-ins'
import { errorCode } from '../faults/support'
import { unsignedToken, wronglySigned } from '../fuzz/requests'
import { JANE, type Main, ORG, OTHER_ORG, registerTestEnv, type TestEnv } from '../integration/harness'

const testEnv = registerTestEnv()

/** Each action with a request that would succeed for a rightful caller. */
const ACTIONS: Array<[string, Main, Record<string, unknown>, string, Record<string, unknown> | undefined]> = [
  ['customer-profile', profile, { namespace: 'email', id: JANE.email }, 'GET', undefined],
  ['customer-events', events, { namespace: 'email', id: JANE.email }, 'GET', undefined],
  ['customer-profiles', batch, {}, 'POST', { identities: [{ namespace: 'email', id: JANE.email }] }],
  ['metadata', metadata, {}, 'GET', undefined],
  ['cache-invalidate', invalidate, {}, 'POST', { namespace: 'email', id: JANE.email }]
]

const b64 = (o: unknown): string => Buffer.from(JSON.stringify(o)).toString('base64url')
const claimsOf = (token: string): Record<string, unknown> =>
  JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as Record<string, unknown>

/** Credentials that must get 401, as the Authorization header carries them. */
function unauthenticated(env: TestEnv): Array<[string, string | null]> {
  const valid = env.agentToken()
  const forged = (claims: Record<string, unknown>): string =>
    `${valid.split('.')[0] ?? ''}.${b64(claims)}.${valid.split('.')[2] ?? ''}`
  return [
    ['missing', null],
    ['expired', `Bearer ${env.agentToken(ORG, -60)}`],
    ['unsigned (alg none)', `Bearer ${unsignedToken(valid)}`],
    ['wrongly signed', `Bearer ${wronglySigned(valid, 'A'.repeat(43))}`],
    ['signed by another key', `Bearer ${mintAgentToken({}, 'not-the-ims-signing-secret-at-all-0000')}`],
    [
      'claims edited after signing (longer lifetime)',
      `Bearer ${forged({ ...claimsOf(env.agentToken(ORG, -60)), expires_in: '999999999999' })}`
    ],
    ['malformed', 'Bearer not-a-jwt-at-all-but-long-enough'],
    ['empty bearer', 'Bearer '],
    ['not a bearer scheme', `Basic ${Buffer.from('agent:password').toString('base64')}`],
    ['two tokens', `Bearer ${valid}, Bearer ${valid}`]
  ]
}

describe.each(ACTIONS)('%s', (_name, main, query, method, body) => {
  const call = (opts: { authorization?: string | null; token?: string; org?: string }) => {
    const headers: Record<string, string> = {}
    if (opts.authorization) headers.authorization = opts.authorization
    if (opts.org !== undefined) headers['x-gw-ims-org-id'] = opts.org
    return testEnv().call(main, query, { method, body, token: opts.token ?? null, headers })
  }

  it('serves a rightful caller (the control case)', async () => {
    const res = await call({ token: testEnv().agentToken() })
    expect(res.statusCode).toBe(200)
  })

  it('answers a valid token of another org with 403 ORG_MISMATCH and no AEP call', async () => {
    const res = await call({ token: testEnv().agentToken(OTHER_ORG) })
    expect([res.statusCode, errorCode(res)]).toEqual([403, 'ORG_MISMATCH'])
    expect(testEnv().standIns.aep.control.requests()).toEqual([])
  })

  it('answers our token sent for another org (x-gw-ims-org-id) with 403 ORG_MISMATCH and no AEP call', async () => {
    const res = await call({ token: testEnv().agentToken(), org: OTHER_ORG })
    expect([res.statusCode, errorCode(res)]).toEqual([403, 'ORG_MISMATCH'])
    expect(testEnv().standIns.aep.control.requests()).toEqual([])
  })

  it('answers a revoked token with 401 and no AEP call', async () => {
    const token = testEnv().agentToken()
    // Revocation covers tokens created before it, to the millisecond.
    await new Promise((r) => setTimeout(r, 5))
    testEnv().standIns.ims.control.revokeTokens()
    const res = await call({ token })
    expect([res.statusCode, errorCode(res)]).toEqual([401, 'UNAUTHENTICATED'])
    expect(testEnv().standIns.aep.control.requests()).toEqual([])
  })

  it('answers every expired, malformed, unsigned, wrongly signed or missing token with 401, WWW-Authenticate and no AEP call', async () => {
    const outcomes: Array<[string, string]> = []
    for (const [kind, authorization] of unauthenticated(testEnv())) {
      const res = await call({ authorization })
      outcomes.push([
        kind,
        `${res.statusCode} ${errorCode(res) ?? ''} ${res.headers['WWW-Authenticate'] ? 'challenge' : 'no challenge'}`
      ])
    }
    expect(outcomes).toEqual(unauthenticated(testEnv()).map(([kind]) => [kind, '401 UNAUTHENTICATED challenge']))
    expect(testEnv().standIns.aep.control.requests()).toEqual([])
  })
})
