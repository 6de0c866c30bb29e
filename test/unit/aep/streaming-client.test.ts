import {
  type FetchLike,
  type RetryPolicy,
  StreamingClient,
  type StreamingClientOptions
} from '../../../actions/lib/aep'
import { UpstreamError } from '../../../actions/lib/errors'
import { rotatingTokens, scriptedFetch } from '../fixtures/fake-fetch'
import { FLOW_ID, INLET_ID } from '../fixtures/interactions'

const fakeFetch = scriptedFetch
const tokens = rotatingTokens

/** Three attempts, 1 ms apart: fast, and enough to see the retries. */
const FAST: RetryPolicy = { attempts: 3, baseDelayMs: 1, maxDelayMs: 50 }

function client(fetch: FetchLike, options: Partial<StreamingClientOptions> = {}): StreamingClient {
  return new StreamingClient({
    baseUrl: 'https://dcs.test',
    connectionId: INLET_ID,
    flowId: null,
    apiKey: 'key',
    orgId: 'ORG@AdobeOrg',
    timeoutMs: 50,
    tokens: tokens(),
    retry: FAST,
    fetch,
    ...options
  })
}

const MESSAGE = { header: { datasetId: 'ds' }, body: { xdmEntity: { _id: 'cah-1', note: 'Parcel lost' } } }
const call = () => ({ sandbox: 'prod', deadline: Date.now() + 5000 })
const RECEIPT = { inletId: INLET_ID, xactionId: '1584479347507:2153:240', receivedTimeMs: 1584479347507 }

/** The error `send` rejects with; fails the test when it resolves. */
async function failure(c: StreamingClient): Promise<UpstreamError> {
  const error = await c.send(MESSAGE, call()).then(
    () => new Error('expected a rejection'),
    (e: unknown) => e
  )
  if (!(error instanceof UpstreamError)) throw error
  return error
}

describe('StreamingClient.send', () => {
  it('POSTs the message to the collection URL with the gateway headers and returns the receipt', async () => {
    // Prepare
    const { fetch, seen } = fakeFetch([{ status: 200, body: { ...RECEIPT, syncValidation: { skipped: true } } }])
    // Act
    const receipt = await client(fetch).send(MESSAGE, { sandbox: 'dev', deadline: Date.now() + 5000 })
    // Assess
    expect(receipt).toEqual({ xactionId: '1584479347507:2153:240', receivedTimeMs: 1584479347507 })
    expect(seen).toEqual([
      {
        url: `https://dcs.test/collection/${INLET_ID}?syncValidation=false`,
        method: 'POST',
        headers: {
          Authorization: 'Bearer t1',
          'Content-Type': 'application/json',
          Accept: 'application/json',
          'x-api-key': 'key',
          'x-gw-ims-org-id': 'ORG@AdobeOrg',
          'x-sandbox-name': 'dev'
        },
        body: MESSAGE
      }
    ])
  })

  it('names the dataflow in x-adobe-flow-id when there is one', async () => {
    // Prepare
    const { fetch, seen } = fakeFetch([{ status: 200, body: RECEIPT }])
    // Act
    await client(fetch, { flowId: FLOW_ID }).send(MESSAGE, call())
    // Assess
    expect(seen[0]?.headers['x-adobe-flow-id']).toBe(FLOW_ID)
  })

  it('keeps the connection id inside the collection path', async () => {
    // Prepare
    const { fetch, seen } = fakeFetch([{ status: 200, body: RECEIPT }])
    // Act
    await client(fetch, { connectionId: '../inlet?x=1' }).send(MESSAGE, call())
    // Assess
    expect(seen[0]?.url).toBe('https://dcs.test/collection/..%2Finlet%3Fx%3D1?syncValidation=false')
  })

  it.each<[string, unknown, { xactionId: string | null; receivedTimeMs: number | null }]>([
    ['an unreadable body', '<html>OK</html>', { xactionId: null, receivedTimeMs: null }],
    ['an empty body', undefined, { xactionId: null, receivedTimeMs: null }],
    [
      'fields of the wrong types',
      { xactionId: 42, receivedTimeMs: '1584479347507' },
      { xactionId: null, receivedTimeMs: null }
    ],
    ['a list', [RECEIPT], { xactionId: null, receivedTimeMs: null }],
    [
      'an over-long transaction id',
      { xactionId: 'x'.repeat(500) },
      { xactionId: 'x'.repeat(100), receivedTimeMs: null }
    ]
  ])('resolves a 2xx with %s: AEP has the message', async (_case, body, expected) => {
    // Prepare
    const { fetch } = fakeFetch([{ status: 200, body }])
    // Act
    const receipt = await client(fetch).send(MESSAGE, call())
    // Assess
    expect(receipt).toEqual(expected)
  })

  it('fetches a fresh token once after a 401 and sends again', async () => {
    // Prepare
    const t = tokens()
    const { fetch, seen } = fakeFetch([
      {
        status: 401,
        body: { status: '401', title: 'Authorization', report: { message: 'Ims service token is empty' } }
      },
      { status: 200, body: RECEIPT }
    ])
    // Act
    const receipt = await client(fetch, { tokens: t }).send(MESSAGE, call())
    // Assess
    expect(receipt.xactionId).toBe(RECEIPT.xactionId)
    expect(t.refreshed).toEqual(['t1'])
    expect(seen.map((s) => s.headers.Authorization)).toEqual(['Bearer t1', 'Bearer t2'])
  })

  it('gives up with UPSTREAM_AUTH_FAILED when the fresh token is refused too', async () => {
    // Prepare
    const t = tokens()
    const { fetch, seen } = fakeFetch([{ status: 401 }, { status: 401 }])
    // Act
    const error = await failure(client(fetch, { tokens: t }))
    // Assess
    expect(error).toMatchObject({ code: 'UPSTREAM_AUTH_FAILED', status: 502, upstreamStatus: 401 })
    expect(t.refreshed).toEqual(['t1'])
    expect(seen).toHaveLength(2)
  })

  it('answers a 403 with UPSTREAM_AUTH_FAILED without a new token or a retry', async () => {
    // Prepare
    const t = tokens()
    const { fetch, seen } = fakeFetch([{ status: 403 }])
    // Act
    const error = await failure(client(fetch, { tokens: t }))
    // Assess
    expect(error).toMatchObject({ code: 'UPSTREAM_AUTH_FAILED', status: 502, upstreamStatus: 403 })
    expect(t.refreshed).toEqual([])
    expect(seen).toHaveLength(1)
  })

  it("waits the 429's Retry-After, then sends again", async () => {
    // Prepare: a back-off of its own would be too long for the policy, so only the hint can be waited for.
    const retry: RetryPolicy = { attempts: 2, baseDelayMs: 60_000, maxDelayMs: 50 }
    const { fetch, seen } = fakeFetch([
      { status: 429, headers: { 'Retry-After': '0.01' } },
      { status: 200, body: RECEIPT }
    ])
    // Act
    const receipt = await client(fetch, { retry }).send(MESSAGE, call())
    // Assess
    expect(receipt.xactionId).toBe(RECEIPT.xactionId)
    expect(seen).toHaveLength(2)
    expect(seen[1]?.body).toEqual(MESSAGE)
  })

  it('does not wait for a retry hint longer than the policy allows', async () => {
    // Prepare
    const { fetch, seen } = fakeFetch([{ status: 429, headers: { 'Retry-After': '60' } }])
    // Act
    const error = await failure(client(fetch))
    // Assess
    expect(error).toMatchObject({
      code: 'UPSTREAM_RATE_LIMITED',
      status: 429,
      upstreamStatus: 429,
      retryAfterMs: 60_000
    })
    expect(error.details()).toEqual({ retryAfterSeconds: 60 })
    expect(seen).toHaveLength(1)
  })

  it('retries a 503 and resolves when AEP recovers', async () => {
    // Prepare
    const { fetch, seen } = fakeFetch([{ status: 503 }, { status: 503 }, { status: 200, body: RECEIPT }])
    // Act
    const receipt = await client(fetch).send(MESSAGE, call())
    // Assess
    expect(receipt.receivedTimeMs).toBe(RECEIPT.receivedTimeMs)
    expect(seen).toHaveLength(3)
  })

  it('answers UPSTREAM_UNAVAILABLE once the policy is spent on 503s', async () => {
    // Prepare
    const { fetch, seen } = fakeFetch([{ status: 503 }, { status: 503 }, { status: 503 }])
    // Act
    const error = await failure(client(fetch))
    // Assess
    expect(error).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', status: 502, upstreamStatus: 503 })
    expect(seen).toHaveLength(FAST.attempts)
  })

  it('starts no retry past the deadline', async () => {
    // Prepare
    const { fetch, seen } = fakeFetch([{ status: 503 }, { status: 200, body: RECEIPT }])
    // Act
    const error = await client(fetch)
      .send(MESSAGE, { sandbox: 'prod', deadline: Date.now() })
      .catch((e: unknown) => e)
    // Assess
    expect(error).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', upstreamStatus: 503 })
    expect(seen).toHaveLength(1)
  })

  it.each([
    [400, { status: 400, title: 'Invalid XDM Message Format', report: { message: 'Message is invalid' } }],
    [404, undefined],
    [413, undefined]
  ])('answers a %i with UPSTREAM_REJECTED and no retry', async (status, body) => {
    // Prepare
    const { fetch, seen } = fakeFetch([{ status, body }])
    // Act
    const error = await failure(client(fetch))
    // Assess
    expect(error).toMatchObject({ code: 'UPSTREAM_REJECTED', status: 502, upstreamStatus: status })
    expect(error.message).toContain('AEP_STREAMING_CONNECTION_ID')
    expect(seen).toHaveLength(1)
  })

  it('answers another refusal with UPSTREAM_REJECTED naming its status', async () => {
    // Prepare
    const { fetch, seen } = fakeFetch([{ status: 422 }])
    // Act
    const error = await failure(client(fetch))
    // Assess
    expect(error).toMatchObject({
      code: 'UPSTREAM_REJECTED',
      upstreamStatus: 422,
      message: 'Experience Platform refused the interaction event (HTTP 422).'
    })
    expect(seen).toHaveLength(1)
  })

  it('answers UPSTREAM_TIMEOUT when AEP never answers', async () => {
    // Prepare
    const { fetch, seen } = fakeFetch(['hang', 'hang', 'hang'])
    // Act
    const error = await failure(client(fetch))
    // Assess
    expect(error).toMatchObject({ code: 'UPSTREAM_TIMEOUT', status: 504, service: 'AEP' })
    expect(seen).toHaveLength(FAST.attempts)
  })

  it('answers UPSTREAM_UNAVAILABLE when AEP cannot be reached', async () => {
    // Prepare
    const { fetch } = fakeFetch(['network-down', 'network-down', 'network-down'])
    // Act
    const error = await failure(client(fetch))
    // Assess
    expect(error).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', status: 502, upstreamStatus: undefined })
  })
})
