/**
 * The AEP stand-in's gateway: every route checks Authorization, x-api-key, x-gw-ims-org-id and
 * x-sandbox-name and answers with Adobe's error bodies.
 */
import type { AepHandle } from '../../../stand-ins/aep/server'
import { mintAgentToken } from '../../../stand-ins/ims/tokens'
import { JANE } from '../fixture-seed'
import { aepHeaders, CLIENT_ID, entitiesUrl, getJson, ORG, PROFILE, serviceToken, startFixtureAep } from '../helpers'

describe('AEP gateway checks', () => {
  let aep: AepHandle
  let url: string
  beforeAll(async () => {
    aep = await startFixtureAep()
    url = entitiesUrl(aep, { 'schema.name': PROFILE, entityId: JANE.email, entityIdNS: 'email' })
  })
  afterAll(async () => {
    await aep.close()
  })

  const without = (name: string): Record<string, string> => {
    const h = aepHeaders()
    delete h[name]
    return h
  }

  it('answers 401 403010 when the Authorization header is missing', async () => {
    const res = await getJson(url, without('Authorization'))
    expect(res).toMatchObject({ status: 401, body: { error_code: '403010', message: 'Oauth token is missing.' } })
  })

  it('answers 403 403000 when x-api-key is missing', async () => {
    const res = await getJson(url, without('x-api-key'))
    expect(res).toMatchObject({ status: 403, body: { error_code: '403000', message: 'Api Key is required' } })
  })

  it('answers 403 403003 when x-api-key is not the configured client id', async () => {
    const res = await getJson(url, { ...aepHeaders(), 'x-api-key': 'someone-else' })
    expect(res).toMatchObject({ status: 403, body: { error_code: '403003', message: 'Api Key is invalid' } })
  })

  it.each([
    ['a token signed with another secret', () => serviceToken({ secret: 'not-the-dev-secret' })],
    ['an expired token', () => serviceToken({ expiresInSeconds: -1 })],
    ['a token of another client', () => serviceToken({ clientId: 'other-client' })],
    ['an agent (user) token', () => mintAgentToken({ org: ORG })],
    ['garbage', () => 'not-a-jwt']
  ])('answers 401 401013 for %s', async (_label, token) => {
    const res = await getJson(url, aepHeaders(token()))
    expect(res).toEqual(
      expect.objectContaining({ status: 401, body: { error_code: '401013', message: 'Oauth token is not valid' } })
    )
  })

  it('answers 403 ForbiddenError when the org header is not the configured org', async () => {
    const res = await getJson(url, { ...aepHeaders(), 'x-gw-ims-org-id': 'OTHER000000000000000000A@AdobeOrg' })
    expect(res).toMatchObject({
      status: 403,
      body: { message: 'UPS-ACC-1000004: IMS Org is not provisioned.', statusCode: '403' }
    })
  })

  it('answers 400 when the org header is missing', async () => {
    const res = await getJson(url, without('x-gw-ims-org-id'))
    expect(res).toMatchObject({
      status: 400,
      body: { error_code: '400003', message: 'Missing header x-gw-ims-org-id' }
    })
  })

  it('answers 400 when x-sandbox-name is missing and 403 when the sandbox is unknown', async () => {
    const missing = await getJson(url, without('x-sandbox-name'))
    const unknown = await getJson(url, aepHeaders(serviceToken(), 'staging'))
    expect(missing).toMatchObject({
      status: 400,
      body: { statusCode: '400', message: expect.stringContaining('x-sandbox-name') as unknown }
    })
    expect(unknown).toMatchObject({
      status: 403,
      body: { statusCode: '403', message: expect.stringContaining('staging') as unknown }
    })
  })

  it('turns a valid token into 401013 after control.revokeTokens()', async () => {
    // Prepare
    const own = await startFixtureAep()
    const ownUrl = entitiesUrl(own, { 'schema.name': PROFILE, entityId: JANE.email, entityIdNS: 'email' })
    const token = serviceToken()
    const before = await getJson(ownUrl, aepHeaders(token))
    // Act
    own.control.revokeTokens()
    const after = await getJson(ownUrl, aepHeaders(token))
    await own.close()
    // Assess
    expect(before.status).toBe(200)
    expect(after).toMatchObject({ status: 401, body: { error_code: '401013' } })
  })

  it('answers 401013 when the acceptToken hook vetoes a token', async () => {
    // Prepare
    const seen: string[] = []
    const vetoed = await startFixtureAep({
      acceptToken: (claims) => {
        seen.push(claims.client_id)
        return false
      }
    })
    // Act
    const res = await getJson(
      entitiesUrl(vetoed, { 'schema.name': PROFILE, entityId: JANE.email, entityIdNS: 'email' }),
      aepHeaders(serviceToken())
    )
    await vetoed.close()
    // Assess
    expect(res).toMatchObject({ status: 401, body: { error_code: '401013' } })
    expect(seen).toEqual([CLIENT_ID])
  })

  it('answers 404 JSON for an unknown path and records the exact headers sent', async () => {
    // Act
    const res = await getJson(`${aep.url}/data/core/ups/nothing-here`)
    // Assess
    expect(res).toMatchObject({ status: 404, body: { error_code: '404050' } })
    const record = aep.control.requests('notFound').at(-1)
    expect(record?.headers).toEqual({
      authorization: 'Bearer',
      'x-api-key': CLIENT_ID,
      'x-gw-ims-org-id': ORG,
      'x-sandbox-name': 'prod',
      accept: '*/*',
      'user-agent': 'node'
    })
  })
})
