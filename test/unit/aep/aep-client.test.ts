import { AepClient, type FetchLike } from '../../../actions/lib/aep'
import { UpstreamError } from '../../../actions/lib/errors'
import { rotatingTokens, scriptedFetch } from '../fixtures/fake-fetch'

const identity = { namespace: 'email', aepNamespace: 'Email', id: 'jane.doe@example.com' }

const fakeFetch = scriptedFetch
const tokens = rotatingTokens

function client(fetch: FetchLike, t = tokens()): AepClient {
  return new AepClient({
    baseUrl: 'http://aep.test',
    apiKey: 'key',
    orgId: 'ORG@AdobeOrg',
    timeoutMs: 200,
    tokens: t,
    fetch,
    retry: { attempts: 2, baseDelayMs: 1, maxDelayMs: 50 }
  })
}

const call = () => ({ sandbox: 'prod', deadline: Date.now() + 5000, mergePolicyId: null })

describe('AepClient', () => {
  it('sends the four gateway headers and the profile query', async () => {
    const { fetch, seen } = fakeFetch([
      { status: 200, body: { XID1: { entityId: 'XID1', mergePolicy: { id: 'mp' }, entity: { person: {} } } } }
    ])
    const profile = await client(fetch).getProfile(identity, call())
    expect(profile).toEqual({ entityId: 'XID1', mergePolicyId: 'mp', entity: { person: {} }, lastModifiedAt: null })
    expect(seen[0]?.url).toBe(
      'http://aep.test/data/core/ups/access/entities?schema.name=_xdm.context.profile&entityId=jane.doe%40example.com&entityIdNS=Email'
    )
    expect(seen[0]?.headers).toMatchObject({
      Authorization: 'Bearer t1',
      'x-api-key': 'key',
      'x-gw-ims-org-id': 'ORG@AdobeOrg',
      'x-sandbox-name': 'prod'
    })
  })

  it('answers null for an unknown customer', async () => {
    const { fetch } = fakeFetch([{ status: 404, body: { statusCode: '404' } }])
    await expect(client(fetch).getProfile(identity, call())).resolves.toBeNull()
  })

  it('refreshes the token once after a 401 and retries', async () => {
    const t = tokens()
    const { fetch, seen } = fakeFetch([
      { status: 401, body: { error_code: '401013' } },
      { status: 200, body: { X: { entityId: 'X', entity: { a: 1 } } } }
    ])
    await expect(client(fetch, t).getProfile(identity, call())).resolves.toMatchObject({ entityId: 'X' })
    expect(t.refreshed).toEqual(['t1'])
    expect(seen.map((s) => s.headers.Authorization)).toEqual(['Bearer t1', 'Bearer t2'])
  })

  it("reports AEP's retry hint when rate limited after the retries", async () => {
    const body = [{ message: 'Too many requests', retryAfterMs: '20', statusCode: '429' }]
    const { fetch, seen } = fakeFetch([
      { status: 429, body },
      { status: 429, body }
    ])
    const error = await client(fetch)
      .getProfile(identity, call())
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(UpstreamError)
    expect(error).toMatchObject({ code: 'UPSTREAM_RATE_LIMITED', status: 429, retryAfterMs: 20 })
    expect(seen).toHaveLength(2)
  })

  it('does not wait for a retry hint longer than its policy allows', async () => {
    const { fetch, seen } = fakeFetch([{ status: 429, body: [{ retryAfterMs: '60000', statusCode: '429' }] }])
    await expect(client(fetch).getProfile(identity, call())).rejects.toMatchObject({
      code: 'UPSTREAM_RATE_LIMITED',
      retryAfterMs: 60000
    })
    expect(seen).toHaveLength(1)
  })

  it('retries a 503 and succeeds', async () => {
    const { fetch } = fakeFetch([
      { status: 503, body: {} },
      { status: 200, body: { X: { entityId: 'X', entity: { a: 1 } } } }
    ])
    await expect(client(fetch).getProfile(identity, call())).resolves.toMatchObject({ entityId: 'X' })
  })

  it.each([
    [{ status: 403, body: { message: 'UPS-ACC-1000004' } }, 'UPSTREAM_AUTH_FAILED', 502],
    [{ status: 422, body: { message: 'no default merge policy' } }, 'UPSTREAM_UNPROCESSABLE', 422],
    [{ status: 200, body: '{"trunc' }, 'UPSTREAM_BAD_RESPONSE', 502]
  ])('maps %j to %s', async (answer, code, status) => {
    const { fetch } = fakeFetch([answer])
    await expect(client(fetch).getProfile(identity, call())).rejects.toMatchObject({ code, status })
  })

  it('times out a hanging call', async () => {
    const { fetch } = fakeFetch(['hang', 'hang'])
    await expect(client(fetch).getProfile(identity, call())).rejects.toMatchObject({
      code: 'UPSTREAM_TIMEOUT',
      status: 504
    })
  })

  it('reads events newest first with the next-page link', async () => {
    const { fetch, seen } = fakeFetch([
      {
        status: 200,
        body: {
          _page: { count: 1 },
          children: [{ entityId: 'e1', timestamp: 5, entity: { eventType: 'x' } }],
          _links: { next: { href: '/entities?start=abc' } }
        }
      }
    ])
    const page = await client(fetch).getEvents(identity, { ...call(), limit: 10 })
    expect(page).toEqual({
      events: [{ entityId: 'e1', timestamp: 5, entity: { eventType: 'x' } }],
      next: '/entities?start=abc'
    })
    expect(seen[0]?.url).toContain(
      'schema.name=_xdm.context.experienceevent&relatedSchema.name=_xdm.context.profile&relatedEntityId=jane.doe%40example.com&relatedEntityIdNS=Email&limit=10&orderby=-timestamp'
    )
  })
})
