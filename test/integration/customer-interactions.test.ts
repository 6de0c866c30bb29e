/**
 * POST customer-interactions through the real action, the real aio-lib-state and the AEP stand-in's
 * Streaming Ingestion endpoint: the wrap-up is accepted (202), lands in the profile's events after
 * the ingestion delay, exactly once per interactionId, reads back through the demo mapping with its
 * topic and outcome, drops the customer's cached views, survives a 429 by waiting, and is refused
 * field by field (400) or as not configured (503) without a call to AEP. Every response is checked
 * against docs/openapi.yaml by the harness.
 */
import { main as interactions } from '../../actions/customer-interactions'
import { main as profile } from '../../actions/customer-profile'
import type { CustomerView, ErrorBody } from '../../actions/lib/view/view-types'
import { main as metadata } from '../../actions/metadata'
import { DEMO_STREAMING_CONNECTION_ID, STREAMING_ROUTE } from '../../stand-ins'
import { bodyOf, type CallOptions, DEMO_MAPPING_JSON, JANE, registerTestEnv } from './harness'

const testEnv = registerTestEnv()

interface Accepted {
  accepted: true
  eventId: string
  interactionId: string
  sandbox: string
  timestamp: string
  noteRedacted: boolean
  cacheInvalidated: boolean
  event: CustomerView['customer']['events'][number] | null
  requestId: string
}

const WRAP_UP = { namespace: 'email', id: JANE.email, topic: 'delivery', outcome: 'follow-up', sentiment: 'neutral' }
const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10)
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
const aep = () => testEnv().standIns.aep.control
const streamingCalls = () => aep().requests(STREAMING_ROUTE)
const setDelay = (ms: number) => aep().apply({ ingestionDelayMs: ms })

const post = (body: unknown, opts: CallOptions = {}) =>
  testEnv().call(interactions, {}, { method: 'POST', body, ...opts })

/** Jane's timeline read from AEP (refresh skips the cache), newest first. */
async function janesEvents(query: Record<string, string> = {}, inputs: Record<string, string> = {}) {
  const res = await testEnv().call(
    profile,
    {
      namespace: 'email',
      id: JANE.email,
      fields: 'events',
      eventsLimit: '20',
      refresh: 'true',
      ...query
    },
    { inputs }
  )
  return bodyOf<CustomerView>(res).customer.events
}

const auditLines = (): Array<Record<string, unknown>> =>
  testEnv()
    .logs.filter((l) => l.includes('"msg":"audit"'))
    .map((l) => JSON.parse(l) as Record<string, unknown>)

beforeEach(() => {
  setDelay(0)
  aep().apply({ clearIngested: true })
})

describe('POST customer-interactions', () => {
  it('answers 202 with the event id, and the call shows in the timeline with its topic and outcome', async () => {
    // Act
    const res = await post({ ...WRAP_UP, interactionId: 'it-wrap-up-0001', followUpDate: inDays(7) })
    const events = await janesEvents()
    // Assess
    const body = bodyOf<Accepted>(res)
    expect(res.statusCode).toBe(202)
    expect(body).toEqual({
      accepted: true,
      eventId: expect.stringMatching(/^cah-[0-9a-f]{32}$/),
      interactionId: 'it-wrap-up-0001',
      sandbox: 'prod',
      timestamp: expect.any(String),
      noteRedacted: false,
      cacheInvalidated: true,
      event: expect.objectContaining({ id: body.eventId, type: 'support-call' }),
      requestId: expect.any(String)
    })
    const stored = events.find((e) => e.id === body.eventId)
    // What the UI shows while pending is exactly what the timeline shows once stored.
    expect(stored).toEqual(body.event)
    expect(stored).toMatchObject({
      type: 'support-call',
      source: 'mapping',
      channel: 'phone',
      timestamp: body.timestamp,
      summary: 'Call about Delivery – Follow-up needed',
      details: {
        reason: 'Delivery',
        outcome: 'Follow-up needed',
        text: { en: 'Call about Delivery – Follow-up needed', 'zh-Hant': '來電：配送（需要後續跟進）' }
      }
    })
    expect(events[0]?.id).toBe(body.eventId)
    expect(aep().ingestion.stats()).toMatchObject({ accepted: 1, ingested: 1, failed: 0 })
  })

  it('lands a retried submit (the same interactionId) exactly once', async () => {
    // Act
    const first = bodyOf<Accepted>(await post({ ...WRAP_UP, interactionId: 'it-retried-0002' }))
    const second = bodyOf<Accepted>(await post({ ...WRAP_UP, interactionId: 'it-retried-0002' }))
    const other = bodyOf<Accepted>(await post({ ...WRAP_UP, interactionId: 'it-another-0003' }))
    const events = await janesEvents()
    // Assess
    expect(second.eventId).toBe(first.eventId)
    expect(other.eventId).not.toBe(first.eventId)
    expect(events.filter((e) => e.id === first.eventId)).toHaveLength(1)
    expect(events.filter((e) => e.id === other.eventId)).toHaveLength(1)
    expect(streamingCalls()).toHaveLength(3)
    expect(aep().ingestion.stats()).toMatchObject({ accepted: 3, ingested: 2, duplicates: 1 })
  })

  it('shows the event only after the ingestion delay, as AEP shows it after seconds to minutes', async () => {
    // Prepare
    setDelay(400)
    // Act
    const { eventId } = bodyOf<Accepted>(await post({ ...WRAP_UP, interactionId: 'it-delayed-0004' }))
    const before = await janesEvents()
    await sleep(500)
    const after = await janesEvents()
    // Assess
    expect(before.map((e) => e.id)).not.toContain(eventId)
    expect(after.filter((e) => e.id === eventId)).toHaveLength(1)
  })

  it("drops the customer's cached views: the next lookup, by any of her identities, reads AEP", async () => {
    // Prepare: Jane's view cached, a repeat lookup a HIT.
    const lookup = (q: Record<string, string>) => testEnv().call(profile, q, { inputs: { CACHE_MEMORY_SECONDS: '0' } })
    await lookup({ namespace: 'email', id: JANE.email })
    const hit = bodyOf<CustomerView>(await lookup({ namespace: 'phone', id: JANE.phone })).meta.cache?.status
    // Act
    const res = await post({ ...WRAP_UP, interactionId: 'it-invalidate-05' }, { inputs: { CACHE_MEMORY_SECONDS: '0' } })
    const next = bodyOf<CustomerView>(await lookup({ namespace: 'phone', id: JANE.phone })).meta.cache?.status
    // Assess
    expect(hit).toBe('HIT')
    expect(bodyOf<Accepted>(res).cacheInvalidated).toBe(true)
    expect(next).toBe('MISS')
  })

  it('waits out a 429 (Retry-After) and sends again, then answers 202', async () => {
    // Prepare
    aep().addFault({ route: STREAMING_ROUTE, type: '429', times: 1, retryAfterMs: 200 })
    // Act
    const res = await post({ ...WRAP_UP, interactionId: 'it-throttled-06' })
    // Assess
    const calls = streamingCalls()
    expect(res.statusCode).toBe(202)
    expect(calls.map((c) => c.status)).toEqual([429, 200])
    expect((calls[1]?.startMs ?? 0) - (calls[0]?.endMs ?? 0)).toBeGreaterThanOrEqual(150)
  })

  it('gives up on a collection endpoint that keeps failing with a clear 502, after bounded retries', async () => {
    // Prepare
    aep().addFault({ route: STREAMING_ROUTE, type: '503' })
    // Act
    const res = await post({ ...WRAP_UP, interactionId: 'it-outage-0007' })
    // Assess
    expect(res.statusCode).toBe(502)
    expect(bodyOf<ErrorBody>(res).error.code).toBe('UPSTREAM_UNAVAILABLE')
    expect(streamingCalls()).toHaveLength(4)
    expect(aep().ingestion.stats().accepted).toBe(0)
  })

  it('sends the documented headers and the connection id, with the service token', async () => {
    // Act
    await post({ ...WRAP_UP, interactionId: 'it-headers-0008' })
    // Assess
    const [call] = streamingCalls()
    expect(call?.method).toBe('POST')
    expect(call?.path).toBe(`/collection/${DEMO_STREAMING_CONNECTION_ID}?syncValidation=false`)
    expect(call?.headers).toMatchObject({ authorization: 'Bearer', 'x-sandbox-name': 'prod' })
  })

  it('refuses a bad wrap-up field by field (400) and sends nothing', async () => {
    // Act
    const res = await post({
      namespace: 'email',
      id: JANE.email,
      topic: 'weather',
      followUpDate: '2026-02-30',
      note: 'x'.repeat(501),
      color: 'red'
    })
    // Assess
    expect(res.statusCode).toBe(400)
    expect(Object.keys(bodyOf<ErrorBody & { error: { fields: object } }>(res).error.fields).sort()).toEqual(
      ['color', 'followUpDate', 'note', 'outcome', 'topic'].sort()
    )
    expect(streamingCalls()).toHaveLength(0)
  })

  it('answers 503 INTERACTIONS_NOT_CONFIGURED when the deployment has no streaming connection', async () => {
    // Prepare
    const inputs = { AEP_STREAMING_CONNECTION_ID: '', AEP_INTERACTIONS_DATASET_ID: '' }
    // Act
    const res = await post({ ...WRAP_UP }, { inputs })
    const meta = await testEnv().call(metadata, {}, { inputs })
    // Assess
    expect(res.statusCode).toBe(503)
    expect(bodyOf<ErrorBody>(res).error.code).toBe('INTERACTIONS_NOT_CONFIGURED')
    expect(bodyOf<{ interactions: { enabled: boolean } }>(meta).interactions.enabled).toBe(false)
    expect(streamingCalls()).toHaveLength(0)
  })

  it('offers the demo topics and outcomes in metadata', async () => {
    // Act
    const meta = bodyOf<{ interactions: Record<string, unknown> }>(await testEnv().call(metadata, {}))
    // Assess
    expect(meta.interactions).toMatchObject({
      enabled: true,
      noteMaxLength: 500,
      fields: ['sentiment', 'note', 'followUpDate']
    })
    expect((meta.interactions.topics as Array<{ code: string }>).map((t) => t.code)).toContain('delivery')
    expect((meta.interactions.outcomes as Array<{ code: string }>).map((t) => t.code)).toContain('follow-up')
  })

  it('builds the pending entry without the note, even when the mapping shows notes in the timeline', async () => {
    // Prepare: the demo mapping, its call summary extended with the note.
    const mapping = JSON.parse(DEMO_MAPPING_JSON) as { events: Array<{ summary: { en: string } }> }
    const rule = mapping.events[0]
    if (rule) rule.summary.en += ' ({_demotenant.interactionDetails.core.callCenterAgent.callNote})'
    const inputs = { CUSTOMER_VIEW_MAPPING: JSON.stringify(mapping) }
    // Act
    const res = await post({ ...WRAP_UP, note: 'courier rebooked', interactionId: 'it-noteless-10' }, { inputs })
    const stored = (await janesEvents({}, inputs)).find((e) => e.id === bodyOf<Accepted>(res).eventId)
    // Assess: the stored line has the note, the entry the UI keeps while pending has not.
    expect(stored?.summary).toContain('courier rebooked')
    expect(bodyOf<Accepted>(res).event?.summary).toBe('Call about Delivery – Follow-up needed')
  })

  it('writes one audit line with the hashed identity, never the note or the e-mail', async () => {
    // Act
    const res = await post({
      ...WRAP_UP,
      note: 'Card 4111 1111 1111 1111 read out; PIN 4821',
      interactionId: 'it-audit-00009'
    })
    // Assess
    expect(bodyOf<Accepted>(res).noteRedacted).toBe(true)
    expect(auditLines()).toEqual([
      expect.objectContaining({
        operation: 'customer-interaction',
        outcome: 'accepted',
        status: 202,
        namespace: 'email',
        identityHash: expect.any(String)
      })
    ])
    const logs = testEnv().logs.join('\n')
    expect(logs).not.toMatch(/jane\.doe@example\.com/i)
    expect(logs).not.toMatch(/4111|4821|read out/)
  })
})
