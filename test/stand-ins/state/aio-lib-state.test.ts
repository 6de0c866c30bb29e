/**
 * The real @adobe/aio-lib-state 5.x client against the State stand-in. The library reads
 * AIO_STATE_ENDPOINT when it loads, so it is required after the stand-in has a port.
 */
import type { AdobeState } from '@adobe/aio-lib-state'
import {
  DEFAULT_STATE_API_KEY,
  DEFAULT_STATE_NAMESPACE,
  type StateHandle,
  startState
} from '../../../stand-ins/state/server'

type StateLib = typeof import('@adobe/aio-lib-state')

function loadStateLib(endpoint: string): StateLib {
  process.env.AIO_STATE_ENDPOINT = endpoint
  process.env.__OW_NAMESPACE = DEFAULT_STATE_NAMESPACE
  process.env.__OW_API_KEY = DEFAULT_STATE_API_KEY
  let lib: StateLib | undefined
  jest.isolateModules(() => {
    lib = require('@adobe/aio-lib-state') as StateLib
  })
  if (!lib) throw new Error('aio-lib-state did not load')
  return lib
}

describe('aio-lib-state against the State stand-in', () => {
  let server: StateHandle
  let lib: StateLib
  let state: AdobeState
  let clock = Date.parse('2025-06-01T00:00:00Z')

  beforeAll(async () => {
    server = await startState({ port: 0, now: () => clock })
    lib = loadStateLib(server.url)
  })
  beforeEach(async () => {
    state = await lib.init()
    await state.deleteAll({ match: '*' })
    server.control.reset()
  })
  afterAll(async () => {
    await server.close()
  })

  it('puts and gets a value with its expiration, on the path and method the library uses', async () => {
    // Act
    await state.put('customer.abc-1', '{"name":"Jane"}', { ttl: 300 })
    const got = await state.get('customer.abc-1')
    // Assess
    expect(got).toEqual({ value: '{"name":"Jane"}', expiration: new Date(clock + 300_000).toISOString() })
    expect(server.control.requests().map((r) => `${r.route} ${r.method} ${r.path}`)).toEqual([
      `state.put PUT /containers/${DEFAULT_STATE_NAMESPACE}/data/customer.abc-1?ttl=300`,
      `state.get GET /containers/${DEFAULT_STATE_NAMESPACE}/data/customer.abc-1`
    ])
    expect(server.control.requests('state.put')[0]?.headers).toMatchObject({
      authorization: 'Basic',
      'content-type': 'application/octet-stream'
    })
  })

  it('resolves undefined for a miss and a key past its TTL', async () => {
    // Prepare
    await state.put('short', 'x', { ttl: 10 })
    // Act
    const miss = await state.get('never-set')
    clock += 11_000
    const expired = await state.get('short')
    // Assess
    expect(miss).toBeUndefined()
    expect(expired).toBeUndefined()
  })

  it('applies the 24 h default when ttl is omitted or 0', async () => {
    await state.put('a', '1')
    await state.put('b', '2', { ttl: 0 })
    expect((await state.get('a'))?.expiration).toBe(new Date(clock + 86_400_000).toISOString())
    expect((await state.get('b'))?.expiration).toBe(new Date(clock + 86_400_000).toISOString())
  })

  it('deletes a key, returning null when there was none', async () => {
    await state.put('gone', 'soon')
    expect(await state.delete('gone')).toBe('gone')
    expect(await state.delete('gone')).toBeNull()
  })

  it('reports any() and stats() for an empty and a filled container', async () => {
    // Prepare
    const emptyAny = await state.any()
    const emptyStats = await state.stats()
    // Act
    await state.put('k1', 'abc')
    await state.put('k22', 'de')
    // Assess
    expect([emptyAny, await state.any()]).toEqual([false, true])
    expect(emptyStats).toEqual({ keys: 0, bytesKeys: 0, bytesValues: 0 })
    expect(await state.stats()).toEqual({ keys: 2, bytesKeys: 5, bytesValues: 5 })
  })

  it('lists matching keys across cursor pages and deletes by match', async () => {
    // Prepare: 1 500 keys force a second list call (1 000 scanned per call)
    for (let i = 0; i < 1500; i++)
      server.store.put(DEFAULT_STATE_NAMESPACE, `p.${String(i).padStart(4, '0')}`, Buffer.from('v'), 600)
    await state.put('other.1', 'v')
    // Act
    const listed: string[] = []
    for await (const { keys } of state.list({ match: 'p.*' })) listed.push(...keys)
    const deleted = await state.deleteAll({ match: 'p.*' })
    // Assess
    expect(listed).toHaveLength(1500)
    expect(server.control.count('state.list')).toBe(2)
    expect(deleted).toEqual({ keys: 1500 })
    expect((await state.stats()).keys).toBe(1)
  })

  it('rejects a value over 1 MB with ERROR_PAYLOAD_TOO_LARGE', async () => {
    await expect(state.put('big', 'x'.repeat(1024 * 1024 + 1))).rejects.toMatchObject({
      code: 'ERROR_PAYLOAD_TOO_LARGE'
    })
    expect(server.control.requests('state.put')[0]?.status).toBe(413)
  })

  it('rejects a wrong api key with ERROR_BAD_CREDENTIALS carrying the request id', async () => {
    // Prepare
    const wrong = await lib.init({ ow: { namespace: DEFAULT_STATE_NAMESPACE, auth: 'not-the-key' } })
    // Act
    const failure = wrong.get('anything').catch((e: unknown) => e)
    // Assess
    expect(await failure).toMatchObject({
      code: 'ERROR_BAD_CREDENTIALS',
      sdkDetails: { requestId: expect.any(String) as unknown }
    })
  })

  it('retries an injected 429 itself, honouring Retry-After, and then succeeds', async () => {
    // Prepare
    server.control.addFault({ route: 'state.put', type: '429', times: 1, retryAfterMs: 200 })
    // Act
    await state.put('after-429', 'ok')
    // Assess
    expect(server.control.requests('state.put').map((r) => r.status)).toEqual([429, 200])
    expect((await state.get('after-429'))?.value).toBe('ok')
  })
})

describe('State stand-in protocol checks', () => {
  let server: StateHandle
  beforeAll(async () => {
    server = await startState({ port: 0 })
  })
  afterAll(async () => {
    await server.close()
  })
  const auth = { Authorization: `Basic ${Buffer.from(DEFAULT_STATE_API_KEY).toString('base64')}` }
  const keyUrl = (key: string, query = ''): string =>
    `${server.url}/containers/${DEFAULT_STATE_NAMESPACE}/data/${key}${query}`

  it('answers 401 without Basic auth and 403 for an unknown namespace', async () => {
    const none = await fetch(keyUrl('a'))
    const otherNs = await fetch(`${server.url}/containers/someone-else/data/a`, { headers: auth })
    expect([none.status, otherNs.status]).toEqual([401, 403])
  })

  it('answers 400 for a key outside ^[a-zA-Z0-9-_.]{1,1024}$ and for a bad ttl', async () => {
    const badKey = await fetch(keyUrl('jane%40example.com'), { method: 'PUT', headers: auth, body: 'x' })
    const negative = await fetch(keyUrl('ok', '?ttl=-1'), { method: 'PUT', headers: auth, body: 'x' })
    const tooLong = await fetch(keyUrl('ok', '?ttl=31536001'), { method: 'PUT', headers: auth, body: 'x' })
    expect([badKey.status, negative.status, tooLong.status]).toEqual([400, 400, 400])
  })

  it('sends x-key-expires-ms and x-request-id on a hit', async () => {
    await fetch(keyUrl('hit', '?ttl=60'), { method: 'PUT', headers: auth, body: 'v' })
    const res = await fetch(keyUrl('hit'), { headers: { ...auth, 'x-request-id': 'req-123' } })
    expect(await res.text()).toBe('v')
    expect(Number(res.headers.get('x-key-expires-ms'))).toBeGreaterThan(Date.now())
    expect(res.headers.get('x-request-id')).toBe('req-123')
  })
})
