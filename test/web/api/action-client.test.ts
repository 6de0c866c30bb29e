import { createActionClient } from '../../../web-src/src/api/action-client'
import { createActionUrls } from '../../../web-src/src/api/action-urls'
import { ApiError } from '../../../web-src/src/api/api-error'
import { fakeFetch, type Handler, TEST_URLS } from '../support/fake-fetch'
import { errorBody, janeDoe, METADATA } from '../support/fixtures'

const CREDS = { token: 'agent-token', org: 'ORG1@AdobeOrg' }

function client(routes: Record<string, Handler>, renew?: () => Promise<boolean>) {
  const fetch = fakeFetch(routes)
  let creds = CREDS
  const c = createActionClient({
    fetch: fetch.fn,
    urls: TEST_URLS,
    credentials: () => creds,
    renewCredentials:
      renew &&
      (async () => {
        creds = { ...CREDS, token: 'renewed-token' }
        return renew()
      })
  })
  return { c, fetch }
}

async function rejection(p: Promise<unknown>): Promise<ApiError> {
  try {
    await p
  } catch (err) {
    if (err instanceof ApiError) return err
    throw err
  }
  throw new Error('expected a rejection')
}

describe('action client', () => {
  it('sends the IMS token and org with every call and encodes the identity', async () => {
    const { c, fetch } = client({ 'customer-profile': () => ({ body: janeDoe() }) })

    const view = await c.getCustomer({ namespace: 'phone', id: '+14155550123', sandbox: 'prod' })

    expect(view.customer.name.full).toBe('Jane Doe')
    const [call] = fetch.calls
    expect(call?.url.toString()).toBe(
      'https://actions.test/api/v1/web/customer-activity-hub/customer-profile?namespace=phone&id=%2B14155550123&sandbox=prod'
    )
    expect(call?.headers).toMatchObject({ authorization: 'Bearer agent-token', 'x-gw-ims-org-id': 'ORG1@AdobeOrg' })
  })

  it('asks the action to skip its cache on refresh', async () => {
    const { c, fetch } = client({ 'customer-profile': () => ({ body: janeDoe() }) })

    await c.getCustomer({ namespace: 'email', id: 'jane.doe@example.com', refresh: true })

    expect(fetch.calls[0]?.url.searchParams.get('refresh')).toBe('true')
  })

  it('pages events with the cursor of the previous answer', async () => {
    const { c, fetch } = client({ 'customer-events': () => ({ body: { events: [], nextCursor: null } }) })

    await expect(c.getEvents({ namespace: 'email', id: 'jane.doe@example.com', cursor: 'abc/def==' })).resolves.toEqual(
      { events: [], nextCursor: null }
    )
    expect(fetch.calls[0]?.url.searchParams.get('cursor')).toBe('abc/def==')
  })

  it('reads the metadata of a sandbox', async () => {
    const { c, fetch } = client({ metadata: () => ({ body: METADATA }) })

    await expect(c.getMetadata('dev')).resolves.toEqual(METADATA)
    expect(fetch.calls[0]?.url.search).toBe('?sandbox=dev')
  })

  it('turns an ErrorBody into an ApiError with its code, fields and request id', async () => {
    const { c } = client({
      'customer-profile': () => ({
        status: 400,
        body: errorBody('INVALID_IDENTITY', 'bad', { fields: { id: 'must be an e-mail address' } })
      })
    })

    const err = await rejection(c.getCustomer({ namespace: 'email', id: 'nope' }))

    expect(err).toMatchObject({
      code: 'INVALID_IDENTITY',
      status: 400,
      details: { fields: { id: 'must be an e-mail address' }, requestId: 'req-err-1' }
    })
  })

  it('reports how long to wait when rate limited, from the body or the Retry-After header', async () => {
    const fromBody = client({
      'customer-profile': () => ({
        status: 429,
        body: errorBody('UPSTREAM_RATE_LIMITED', 'slow down', { retryAfterSeconds: 7 })
      })
    })
    const fromHeader = client({
      'customer-profile': () => ({
        status: 429,
        body: errorBody('UPSTREAM_RATE_LIMITED'),
        headers: { 'Retry-After': '12' }
      })
    })

    expect(
      (await rejection(fromBody.c.getCustomer({ namespace: 'email', id: 'a@b.co' }))).details.retryAfterSeconds
    ).toBe(7)
    expect(
      (await rejection(fromHeader.c.getCustomer({ namespace: 'email', id: 'a@b.co' }))).details.retryAfterSeconds
    ).toBe(12)
  })

  it('names a gateway page that is not an ErrorBody by its status', async () => {
    const { c } = client({ 'customer-profile': () => ({ status: 502, body: '<html>Bad gateway</html>' }) })

    expect((await rejection(c.getCustomer({ namespace: 'email', id: 'a@b.co' }))).code).toBe('HTTP_502')
  })

  it('reports an unreadable success answer as BAD_RESPONSE', async () => {
    const { c } = client({ 'customer-profile': () => ({ body: { hello: 'world' } }) })

    expect((await rejection(c.getCustomer({ namespace: 'email', id: 'a@b.co' }))).code).toBe('BAD_RESPONSE')
  })

  it('reports a failed connection as NETWORK_ERROR', async () => {
    const { c } = client({
      'customer-profile': () => {
        throw new TypeError('Failed to fetch')
      }
    })

    expect((await rejection(c.getCustomer({ namespace: 'email', id: 'a@b.co' }))).code).toBe('NETWORK_ERROR')
  })

  it('renews the credentials once after a 401 and retries with the new token', async () => {
    let calls = 0
    const { c, fetch } = client(
      {
        'customer-profile': () =>
          ++calls === 1 ? { status: 401, body: errorBody('UNAUTHENTICATED') } : { body: janeDoe() }
      },
      async () => true
    )

    await c.getCustomer({ namespace: 'email', id: 'jane.doe@example.com' })

    expect(fetch.calls.map((x) => x.headers.authorization)).toEqual(['Bearer agent-token', 'Bearer renewed-token'])
  })

  it('refuses to call an action before anyone is signed in', async () => {
    const fetch = fakeFetch({})
    const c = createActionClient({ fetch: fetch.fn, urls: TEST_URLS, credentials: () => null })

    expect((await rejection(c.getMetadata(undefined))).code).toBe('NOT_SIGNED_IN')
    expect(fetch.calls).toHaveLength(0)
  })
})

describe('action URLs', () => {
  it('use the URL aio wrote into config.json', () => {
    const urls = createActionUrls({
      'customer-activity-hub/metadata': 'https://ns.adobeioruntime.net/api/v1/web/customer-activity-hub/metadata'
    })
    expect(urls('metadata')).toBe('https://ns.adobeioruntime.net/api/v1/web/customer-activity-hub/metadata')
  })

  it('fall back to the page origin when config.json is absent or was built without a namespace', () => {
    const urls = createActionUrls({
      'customer-activity-hub/metadata': 'https://undefined.adobeio-static.net/api/v1/web/customer-activity-hub/metadata'
    })
    expect(urls('metadata')).toBe('/api/v1/web/customer-activity-hub/metadata')
    expect(createActionUrls({}, 'https://localhost:9080')('customer-events')).toBe(
      'https://localhost:9080/api/v1/web/customer-activity-hub/customer-events'
    )
  })

  describe('reveal', () => {
    it('POSTs the identity of the lookup as JSON to customer-reveal', async () => {
      // Prepare
      const { c, fetch } = client({ 'customer-reveal': () => ({ body: { revealed: true, requestId: 'req-r1' } }) })

      // Act
      const answer = await c.reveal({ namespace: 'phone', id: '+14155550123', sandbox: 'prod' })

      // Assess
      expect(answer).toEqual({ revealed: true, requestId: 'req-r1' })
      const [call] = fetch.calls
      expect(call?.url.toString()).toBe('https://actions.test/api/v1/web/customer-activity-hub/customer-reveal')
      expect(call?.init.method).toBe('POST')
      expect(JSON.parse(String(call?.init.body))).toEqual({ namespace: 'phone', id: '+14155550123', sandbox: 'prod' })
      expect(call?.headers).toMatchObject({
        authorization: 'Bearer agent-token',
        'x-gw-ims-org-id': 'ORG1@AdobeOrg',
        'content-type': 'application/json'
      })
    })

    it('rejects an answer that does not say revealed: true', async () => {
      // Prepare
      const { c } = client({ 'customer-reveal': () => ({ body: { revealed: false } }) })

      // Act
      const err = await rejection(c.reveal({ namespace: 'email', id: 'a@b.c', sandbox: 'prod' }))

      // Assess
      expect(err.code).toBe('BAD_RESPONSE')
    })

    it('rejects with the action error code when the reveal is refused', async () => {
      // Prepare
      const { c } = client({ 'customer-reveal': () => ({ status: 503, body: errorBody('UPSTREAM_UNAVAILABLE') }) })

      // Act
      const err = await rejection(c.reveal({ namespace: 'email', id: 'a@b.c', sandbox: 'prod' }))

      // Assess
      expect([err.code, err.details.requestId]).toEqual(['UPSTREAM_UNAVAILABLE', 'req-err-1'])
    })
  })
})
