/**
 * The real @adobe/aio-lib-ims client against the IMS stand-in: the exact requests it sends
 * (multipart form, Bearer header) must be understood and its parsing must succeed.
 */
import { Ims as ImsClass } from '@adobe/aio-lib-ims'
import { type ImsHandle, startIms } from '../../../stand-ins/ims/server'
import { DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET, DEFAULT_ORG_ID } from '../../../stand-ins/ims/tokens'

// The published types demand a ValidationCache; the library works without one (and NOTES warn against it).
const Ims = ImsClass as unknown as new (env: string) => ImsClass

describe('aio-lib-ims against the IMS stand-in', () => {
  let ims: ImsHandle
  let client: ImsClass
  beforeAll(async () => {
    ims = await startIms({ port: 0 })
    client = new Ims('prod')
    client.endpoint = ims.url
  })
  afterAll(async () => {
    await ims.close()
  })

  it('gets a client-credentials token whose expiry the library computes from the claims', async () => {
    // Act
    const result = (await client.getAccessTokenByClientCredentials(
      DEFAULT_CLIENT_ID,
      DEFAULT_CLIENT_SECRET,
      DEFAULT_ORG_ID,
      ['openid', 'AdobeID']
    )) as {
      access_token: { token: string; expiry: number }
      payload: { expires_in: number; token_type: string }
    }
    // Assess
    expect(result.payload).toMatchObject({ expires_in: 86399, token_type: 'bearer' })
    expect(result.access_token.expiry - Date.now()).toBeGreaterThan(86_000_000)
    expect(ims.verifyToken(result.access_token.token)).toMatchObject({
      client_id: DEFAULT_CLIENT_ID,
      scope: 'openid,AdobeID'
    })
    expect(ims.control.requests('token').at(-1)?.headers['content-type']).toMatch(/^multipart\/form-data/)
  })

  it('rejects wrong credentials with the IMS error in the message', async () => {
    await expect(
      client.getAccessTokenByClientCredentials(DEFAULT_CLIENT_ID, 'wrong', DEFAULT_ORG_ID, ['openid'])
    ).rejects.toThrow(/401.*invalid_client/)
  })

  it('validates a token and lists its organizations', async () => {
    // Prepare
    const token = ims.mintAgentToken()
    // Act
    const validation = (await client.validateToken(token)) as { valid: boolean; token: { client_id: string } }
    const orgs = (await client.getOrganizations(token)) as Array<{ orgRef: { ident: string } }>
    // Assess
    expect(validation).toMatchObject({ valid: true, token: { client_id: 'exc_app' } })
    expect(orgs.map((o) => o.orgRef.ident)).toEqual(['DEMO0000000000000000000A'])
  })

  it('reports an expired token as not valid', async () => {
    const expired = ims.mintAgentToken({ expiresInSeconds: -1 })
    await expect(client.validateToken(expired)).resolves.toEqual({ valid: false, reason: 'expired' })
  })
})
