import { ForbiddenError, UnauthenticatedError } from '../../../actions/lib/errors'
import { authorizeCaller, clearCallerCache, type ImsIdentityApi } from '../../../actions/lib/ims'

const ORG = 'DEMO0000000000000000000A@AdobeOrg'

function jwt(claims: Record<string, unknown>): string {
  const part = (o: unknown): string => Buffer.from(JSON.stringify(o)).toString('base64url')
  return `${part({ alg: 'HS256' })}.${part(claims)}.c2lnbmF0dXJl`
}

function fakeIms(valid = true, orgs: string[] = [ORG]): ImsIdentityApi & { validations: number } {
  return {
    validations: 0,
    async validate(token) {
      this.validations++
      const claims = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString()) as Record<
        string,
        unknown
      >
      return { valid, claims }
    },
    async organizations() {
      return orgs
    }
  }
}

const fresh = {
  user_id: 'agent1@AdobeID',
  created_at: String(Date.now()),
  expires_in: '86400000',
  type: 'access_token'
}

describe('authorizeCaller', () => {
  beforeEach(() => clearCallerCache())

  it('accepts a valid token of the configured org and names the caller', async () => {
    await expect(authorizeCaller(jwt({ ...fresh, org: ORG }), ORG, ORG, fakeIms())).resolves.toEqual({
      id: 'agent1@AdobeID',
      orgs: [ORG]
    })
  })

  it('asks IMS for the organizations when the token carries no org', async () => {
    await expect(
      authorizeCaller(jwt(fresh), undefined, ORG, fakeIms(true, ['OTHER00000000000@AdobeOrg', ORG]))
    ).resolves.toMatchObject({ id: 'agent1@AdobeID' })
  })

  it('refuses a caller of another org with ORG_MISMATCH', async () => {
    const error = await authorizeCaller(jwt({ ...fresh, org: 'OTHER00000000000@AdobeOrg' }), ORG, ORG, fakeIms()).catch(
      (e: unknown) => e
    )
    expect(error).toBeInstanceOf(ForbiddenError)
    expect(error).toMatchObject({ code: 'ORG_MISMATCH', status: 403 })
  })

  it('refuses a request whose org header names another org', async () => {
    await expect(
      authorizeCaller(jwt({ ...fresh, org: ORG }), 'OTHER00000000000@AdobeOrg', ORG, fakeIms())
    ).rejects.toMatchObject({ code: 'ORG_MISMATCH' })
  })

  it.each([
    ['not a JWT', 'opaque-token-value-without-dots'],
    ['garbage claims', 'aaaa.bm90LWpzb24.sig'],
    ['expired', jwt({ ...fresh, created_at: String(Date.now() - 90_000_000), org: ORG })]
  ])('answers 401 for a %s token', async (_, token) => {
    await expect(authorizeCaller(token, ORG, ORG, fakeIms())).rejects.toBeInstanceOf(UnauthenticatedError)
  })

  it('answers 401 when IMS says the token is not valid', async () => {
    await expect(authorizeCaller(jwt({ ...fresh, org: ORG }), ORG, ORG, fakeIms(false))).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
      status: 401
    })
  })

  it('validates a token with IMS once and reuses the answer', async () => {
    const ims = fakeIms()
    const token = jwt({ ...fresh, org: ORG })
    await authorizeCaller(token, ORG, ORG, ims)
    await authorizeCaller(token, ORG, ORG, ims)
    expect(ims.validations).toBe(1)
  })
})
