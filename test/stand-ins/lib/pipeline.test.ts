/**
 * The shared stand-in pipeline (latency, faults, counters, records, /__control, close), exercised
 * over real HTTP through a two-route server so no service logic gets in the way.
 */
import { Control } from '../../../stand-ins/lib/control'
import { json } from '../../../stand-ins/lib/http'
import { startServer } from '../../../stand-ins/lib/server'
import type { StandInHandle } from '../../../stand-ins/lib/types'

const BODY = { hello: 'world', numbers: [1, 2, 3, 4, 5, 6, 7, 8] }

function startEcho(control = new Control('echo-server')): Promise<StandInHandle<Control>> {
  return startServer({
    control,
    router: (_method, url) =>
      url.pathname === '/echo'
        ? { route: 'echo', handle: () => json(200, BODY) }
        : url.pathname === '/other'
          ? { route: 'other', handle: () => json(200, { other: true }) }
          : { route: 'notFound', handle: () => json(404, { missing: true }) },
    faultReplies: {
      tooManyRequests: (ms) => json(429, [{ retryAfterMs: String(ms) }]),
      serverError: (status) => json(status, { status })
    },
    recordHeaders: ['x-api-key'],
    port: 0,
    host: '127.0.0.1'
  })
}

describe('stand-in pipeline', () => {
  let server: StandInHandle<Control>
  beforeEach(async () => {
    server = await startEcho()
  })
  afterEach(async () => {
    await server.close()
  })

  it('counts each route and keeps a record without the authorization value', async () => {
    // Prepare
    const headers = { Authorization: 'Bearer very-secret-token', 'x-api-key': 'key-1' }
    // Act
    await fetch(`${server.url}/echo?x=1`, { headers })
    await fetch(`${server.url}/echo`)
    await fetch(`${server.url}/nowhere`)
    await fetch(`${server.url}/__control`)
    // Assess
    expect(server.control.count('echo')).toBe(2)
    expect(server.control.count('notFound')).toBe(1)
    const [first] = server.control.requests('echo')
    expect(first).toMatchObject({
      route: 'echo',
      method: 'GET',
      path: '/echo?x=1',
      status: 200,
      headers: { authorization: 'Bearer', 'x-api-key': 'key-1' }
    })
    expect(JSON.stringify(server.control.snapshot())).not.toContain('very-secret-token')
    expect(server.control.snapshot().counters).toEqual({ echo: 2, notFound: 1 })
  })

  it('delays only the route given a latency and proves concurrent calls overlapped', async () => {
    // Prepare
    server.control.setLatency({ routes: { echo: 120 } })
    // Act
    await Promise.all([1, 2, 3, 4].map(() => fetch(`${server.url}/echo`).then((r) => r.text())))
    await fetch(`${server.url}/other`)
    // Assess
    const echoes = server.control.requests('echo')
    expect(echoes).toHaveLength(4)
    for (const r of echoes) expect((r.endMs ?? 0) - r.startMs).toBeGreaterThanOrEqual(115)
    expect(server.control.inFlightMax).toBeGreaterThanOrEqual(2)
    const [a, b] = echoes
    expect(a && b && a.startMs < (b.endMs ?? 0) && b.startMs < (a.endMs ?? 0)).toBe(true)
    expect(server.control.latencyFor('other')).toBe(0)
  })

  it('answers 429 with the server body and a Retry-After header, then recovers after `times`', async () => {
    // Prepare
    server.control.addFault({ route: 'echo', type: '429', times: 2, retryAfterMs: 1500 })
    // Act
    const first = await fetch(`${server.url}/echo`)
    const second = await fetch(`${server.url}/echo`)
    const third = await fetch(`${server.url}/echo`)
    // Assess
    expect(first.status).toBe(429)
    expect(first.headers.get('retry-after')).toBe('2')
    expect(await first.json()).toEqual([{ retryAfterMs: '1500' }])
    expect(second.status).toBe(429)
    expect(third.status).toBe(200)
    expect(server.control.requests('echo').map((r) => r.fault)).toEqual(['429', '429', undefined])
  })

  it.each(['500', '502', '503'] as const)('answers an injected %s with the server error body', async (type) => {
    // Prepare
    server.control.addFault({ route: '*', type, times: 1 })
    // Act
    const res = await fetch(`${server.url}/other`)
    // Assess
    expect(res.status).toBe(Number(type))
    expect(await res.json()).toEqual({ status: Number(type) })
  })

  it('destroys the socket on a reset fault', async () => {
    // Prepare
    server.control.addFault({ route: 'echo', type: 'reset', times: 1 })
    // Act
    const attempt = fetch(`${server.url}/echo`)
    // Assess
    await expect(attempt).rejects.toThrow()
    expect(server.control.requests('echo')[0]?.status).toBeUndefined()
  })

  it('sends truncated JSON with 200 on a malformed fault', async () => {
    // Prepare
    server.control.addFault({ route: 'echo', type: 'malformed', times: 1 })
    // Act
    const res = await fetch(`${server.url}/echo`)
    const text = await res.text()
    // Assess
    expect(res.status).toBe(200)
    expect(JSON.stringify(BODY).startsWith(text)).toBe(true)
    expect(() => JSON.parse(text) as unknown).toThrow()
  })

  it('trickles the real body slowly on a trickle fault', async () => {
    // Prepare
    server.control.addFault({ route: 'echo', type: 'trickle', chunkBytes: 5, intervalMs: 20 })
    const size = JSON.stringify(BODY).length
    // Act
    const res = await fetch(`${server.url}/echo`)
    const body = (await res.json()) as unknown
    // Assess
    expect(body).toEqual(BODY)
    const [record] = server.control.requests('echo')
    expect((record?.endMs ?? 0) - (record?.startMs ?? 0)).toBeGreaterThanOrEqual((Math.ceil(size / 5) - 1) * 20 - 5)
  })

  it('never answers a hanging request and close() still ends it promptly', async () => {
    // Prepare
    server.control.addFault({ route: 'echo', type: 'hang' })
    const pending = fetch(`${server.url}/echo`).then(
      () => 'answered',
      () => 'failed'
    )
    await new Promise((r) => setTimeout(r, 100))
    // Act
    const started = Date.now()
    await server.close()
    // Assess
    expect(await pending).toBe('failed')
    expect(Date.now() - started).toBeLessThan(1000)
    expect(server.control.snapshot().inFlight).toBe(0)
    server = await startEcho() // afterEach closes a live server
  })
})

describe('/__control over HTTP', () => {
  let server: StandInHandle<Control>
  beforeEach(async () => {
    server = await startEcho()
  })
  afterEach(async () => {
    await server.close()
  })

  it('applies latency and faults from POST and reports them in GET', async () => {
    // Act
    const posted = await fetch(`${server.url}/__control`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        latency: { default: 5, routes: { echo: 30 } },
        faults: [{ route: 'echo', type: '503', times: 1 }]
      })
    })
    const faulted = await fetch(`${server.url}/echo`)
    const snapshot = (await (await fetch(`${server.url}/__control`)).json()) as Record<string, unknown>
    // Assess
    expect(posted.status).toBe(200)
    expect(faulted.status).toBe(503)
    expect(snapshot).toMatchObject({
      server: 'echo-server',
      counters: { echo: 1 },
      latency: { default: 5, routes: { echo: 30 } },
      faults: []
    })
  })

  it('resets counters, records and faults on DELETE but keeps latency', async () => {
    // Prepare
    server.control.setLatency({ default: 1 })
    server.control.addFault({ route: 'other', type: '500' })
    await fetch(`${server.url}/echo`)
    // Act
    const res = await fetch(`${server.url}/__control`, { method: 'DELETE' })
    // Assess
    expect(await res.json()).toMatchObject({ counters: {}, requests: [], faults: [], latency: { default: 1 } })
    expect((await fetch(`${server.url}/other`)).status).toBe(200)
  })

  it('rejects an unknown fault type with 400 and changes nothing', async () => {
    // Act
    const res = await fetch(`${server.url}/__control`, {
      method: 'POST',
      body: JSON.stringify({ faults: [{ route: 'echo', type: 'explode' }] })
    })
    // Assess
    expect(res.status).toBe(400)
    expect(await res.json()).toEqual({ error: expect.stringContaining('fault.type') as unknown })
    expect(server.control.snapshot().faults).toEqual([])
  })
})
