/**
 * The IMS stand-in over plain HTTP: client-credentials tokens (v2 and v3), validate_token,
 * organizations, the dev agent-token route and revocation.
 */
import { type ImsHandle, startIms } from '../../../stand-ins/ims/server'
import { DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET, DEFAULT_ORG_ID } from '../../../stand-ins/ims/tokens'
import { obj } from '../helpers'

const form = (fields: Record<string, string>): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams(fields).toString()
})
const creds = {
  grant_type: 'client_credentials',
  client_id: DEFAULT_CLIENT_ID,
  client_secret: DEFAULT_CLIENT_SECRET,
  scope: 'openid,AdobeID'
}
const claimsOf = (token: string): Record<string, unknown> =>
  obj(JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')))

describe('IMS stand-in', () => {
  let ims: ImsHandle
  beforeEach(async () => {
    ims = await startIms({ port: 0 })
  })
  afterEach(async () => {
    await ims.close()
  })

  const tokenFrom = async (path = '/ims/token/v3'): Promise<string> => {
    const body = obj(await (await fetch(`${ims.url}${path}`, form(creds))).json())
    return String(body.access_token)
  }

  it('issues a bearer token with IMS-like claims for the configured client', async () => {
    // Act
    const res = await fetch(`${ims.url}/ims/token/v3`, form(creds))
    const body = obj(await res.json())
    // Assess
    expect(res.status).toBe(200)
    expect(body).toEqual({ access_token: expect.any(String) as unknown, token_type: 'bearer', expires_in: 86399 })
    const claims = claimsOf(String(body.access_token))
    expect(claims).toMatchObject({
      type: 'access_token',
      client_id: DEFAULT_CLIENT_ID,
      as: 'ims-na1',
      scope: 'openid,AdobeID',
      org: DEFAULT_ORG_ID,
      expires_in: '86399000'
    })
    expect(String(claims.user_id)).toMatch(/@techacct\.adobe\.com$/)
    expect(Math.abs(Number(claims.created_at) - Date.now())).toBeLessThan(5000)
    expect(ims.control.count('token')).toBe(1)
  })

  it('serves /ims/token/v2 the same way and honours a configured lifetime', async () => {
    // Prepare
    const short = await startIms({ port: 0, expiresInSeconds: 60 })
    // Act
    const body = obj(await (await fetch(`${short.url}/ims/token/v2`, form(creds))).json())
    await short.close()
    // Assess
    expect(body.expires_in).toBe(60)
    expect(claimsOf(String(body.access_token)).expires_in).toBe('60000')
  })

  it.each([
    ['an unknown client id', { client_id: 'nope' }, 400, 'invalid_client'],
    ['a wrong secret', { client_secret: 'wrong' }, 401, 'invalid_client'],
    ['another grant type', { grant_type: 'authorization_code' }, 400, 'unsupported_grant_type']
  ])('refuses %s with an OAuth error body', async (_label, change, status, error) => {
    const res = await fetch(`${ims.url}/ims/token/v3`, form({ ...creds, ...change }))
    expect(res.status).toBe(status)
    expect(await res.json()).toEqual({ error, error_description: expect.any(String) as unknown })
  })

  it('validates its own tokens and rejects tampered and revoked ones', async () => {
    // Prepare
    const token = await tokenFrom()
    const validate = (t: string) =>
      fetch(`${ims.url}/ims/validate_token/v1`, {
        ...form({ type: 'access_token', client_id: DEFAULT_CLIENT_ID }),
        headers: { 'content-type': 'application/x-www-form-urlencoded', Authorization: `Bearer ${t}` }
      }).then(async (r) => obj(await r.json()))
    // Act
    const good = await validate(token)
    const tampered = await validate(`${token.slice(0, -4)}AAAA`)
    await fetch(`${ims.url}/__control`, { method: 'POST', body: JSON.stringify({ revokeTokens: true }) })
    const revoked = await validate(token)
    const fresh = await validate(await tokenFrom())
    // Assess
    expect(good).toEqual({ valid: true, token: claimsOf(token), user: {} })
    expect(tampered).toEqual({ valid: false, reason: 'invalid signature' })
    expect(revoked).toEqual({ valid: false, reason: 'revoked' })
    expect(fresh.valid).toBe(true)
  })

  it('lists the organization of a valid token and answers 401 without one', async () => {
    // Act
    const res = await fetch(`${ims.url}/ims/organizations/v6`, {
      headers: { Authorization: `Bearer ${ims.mintAgentToken()}` }
    })
    const anonymous = await fetch(`${ims.url}/ims/organizations/v6`)
    // Assess
    expect(await res.json()).toEqual([
      expect.objectContaining({
        orgRef: { ident: 'DEMO0000000000000000000A', authSrc: 'AdobeOrg' },
        orgName: expect.any(String) as unknown
      })
    ])
    expect(anonymous.status).toBe(401)
  })

  it('mints a demo agent token on the dev route, with CORS for the local UI', async () => {
    // Act
    const preflight = await fetch(`${ims.url}/__dev/agent-token`, { method: 'OPTIONS' })
    const res = await fetch(`${ims.url}/__dev/agent-token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ org: 'OTHERORG000000000000000A@AdobeOrg', userId: 'kim@AdobeID' })
    })
    const body = obj(await res.json())
    // Assess
    expect(preflight.status).toBe(204)
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*')
    expect(res.headers.get('access-control-allow-origin')).toBe('*')
    expect(ims.verifyToken(String(body.access_token))).toMatchObject({
      client_id: 'exc_app',
      user_id: 'kim@AdobeID',
      org: 'OTHERORG000000000000000A@AdobeOrg'
    })
  })

  it('hides the dev route when devRoutes is false', async () => {
    const strict = await startIms({ port: 0, devRoutes: false })
    const res = await fetch(`${strict.url}/__dev/agent-token`, { method: 'POST' })
    await strict.close()
    expect(res.status).toBe(404)
  })
})
