/**
 * The AEP stand-in's Streaming Ingestion endpoint, POST /collection/{connectionId}: Adobe's success
 * and error bodies, schema validation (sync and async), the ingestion delay, de-duplication by
 * `_id`, events-only profiles, counters and fault injection on `streaming.collection`.
 */
import type { AepHandle } from '../../stand-ins/aep/server'
import {
  DEMO_INTERACTIONS_DATASET_ID,
  DEMO_STREAMING_CONNECTION_ID,
  MAX_STREAMING_BODY_BYTES,
  STREAMING_ROUTE
} from '../../stand-ins/aep/streaming'
import { startStandIns } from '../../stand-ins/index'
import { dataFolder, removeDataFolders } from './data/folder'
import { fixtureSeed, JANE, JANE_EVENTS } from './fixture-seed'
import {
  aepHeaders,
  EVENTS,
  entitiesUrl,
  getJson,
  type JsonResponse,
  ORG,
  obj,
  PROFILE,
  serviceToken,
  startFixtureAep
} from './helpers'

const SCHEMA = 'https://ns.adobe.com/demotenant/schemas/call-centre-interactions'
const CONTENT_TYPE = 'application/vnd.adobe.xed-full+json;version=1'
const INLET = DEMO_STREAMING_CONNECTION_ID
const INLET_PROBLEM = 'http://ns.adobe.com/adobecloud/problem/data-collection-service/inlet'
const AUTH_PROBLEM = 'https://ns.adobe.com/adobecloud/problem/data-collection-service-authorization'
const AGENT_PATH = ['_demotenant', 'interactionDetails', 'core', 'callCenterAgent']
const AGENT_LOC = `#/properties/${AGENT_PATH.join('/properties/')}`
const AGENT_PTR = `#/${AGENT_PATH.join('/')}`
let seq = 0

interface Entity {
  _id?: string
  timestamp: string
  _demotenant: { interactionDetails: { core: { callCenterAgent: Record<string, unknown> } } }
  [field: string]: unknown
}
interface Message {
  header: Record<string, unknown>
  body: { xdmMeta: Record<string, unknown>; xdmEntity: Entity }
}

/** The contract's event for Jane (by e-mail), with a fresh `_id` unless given. */
function message(over: { entity?: Record<string, unknown>; header?: Record<string, unknown> } = {}): Message {
  seq += 1
  const schemaRef = { id: SCHEMA, contentType: CONTENT_TYPE }
  return {
    header: {
      schemaRef,
      imsOrgId: ORG,
      datasetId: DEMO_INTERACTIONS_DATASET_ID,
      source: { name: 'Customer Activity Hub' },
      ...over.header
    },
    body: {
      xdmMeta: { schemaRef },
      xdmEntity: {
        _id: `cah-test-${Date.now()}-${seq}`,
        timestamp: new Date().toISOString(),
        eventType: 'callCenter.interaction',
        identityMap: { Email: [{ id: JANE.email, primary: true }] },
        _demotenant: {
          interactionDetails: {
            core: {
              callCenterAgent: {
                callID: `call-${seq}`,
                callTopic: 'delivery',
                callOutcome: 'resolved',
                followUpDate: '2026-12-08'
              }
            }
          }
        },
        ...over.entity
      }
    }
  }
}

function streamingHeaders(token = serviceToken()): Record<string, string> {
  return { ...aepHeaders(token), 'Content-Type': 'application/json' }
}

describe('AEP stand-in Streaming Ingestion', () => {
  let aep: AepHandle
  beforeAll(async () => {
    aep = await startFixtureAep({ streaming: { ingestionDelayMs: 0 } })
  })
  afterAll(async () => {
    await aep.close()
  })
  afterEach(() => {
    aep.control.apply({ reset: true, clearIngested: true, ingestionDelayMs: 0 })
  })

  const post = (
    body: unknown,
    opts: { headers?: Record<string, string>; query?: string; inlet?: string } = {}
  ): Promise<JsonResponse> =>
    getJson(`${aep.url}/collection/${opts.inlet ?? INLET}${opts.query ?? ''}`, opts.headers ?? streamingHeaders(), {
      method: 'POST',
      body: typeof body === 'string' ? body : JSON.stringify(body)
    })
  const eventIds = async (params: Record<string, string>): Promise<unknown[]> => {
    const res = await getJson(
      entitiesUrl(aep, { 'schema.name': EVENTS, 'relatedSchema.name': PROFILE, orderby: '-timestamp', ...params })
    )
    expect(res.status).toBe(200)
    return (obj(res.body).children as Array<{ entityId: unknown }>).map((c) => c.entityId)
  }
  const janeEvents = (): Promise<unknown[]> => eventIds({ relatedEntityId: JANE.crmid, relatedEntityIdNS: 'CRMID' })
  const problem = (status: number, message: string): Record<string, unknown> => ({
    type: INLET_PROBLEM,
    status,
    title: 'Invalid XDM Message Format',
    report: { message: `inletId: [${INLET}] imsOrgId: [${ORG}] ${message}` }
  })

  describe('success', () => {
    it('answers 200 with inletId, xactionId, receivedTimeMs and a skipped sync validation', async () => {
      // Prepare
      const before = Date.now()
      // Act
      const res = await post(message(), { query: '?syncValidation=false' })
      // Assess
      expect(res.status).toBe(200)
      expect(res.body).toEqual({
        inletId: INLET,
        xactionId: expect.stringMatching(/^\d{13}:\d{4}:\d+$/),
        receivedTimeMs: expect.any(Number),
        syncValidation: { skipped: true }
      })
      expect(obj(res.body).receivedTimeMs).toBeGreaterThanOrEqual(before)
    })

    it('reports a passed validation with syncValidation=true', async () => {
      const res = await post(message(), { query: '?syncValidation=true' })
      expect(res).toMatchObject({ status: 200, body: { inletId: INLET, syncValidation: { status: 'pass' } } })
    })

    it('puts the event first in the profile found through any stitched identity, as sent', async () => {
      // Prepare
      const sent = message()
      // Act
      await post(sent)
      const res = await getJson(
        entitiesUrl(aep, {
          'schema.name': EVENTS,
          'relatedSchema.name': PROFILE,
          relatedEntityId: JANE.loyaltyid,
          relatedEntityIdNS: 'LoyaltyID',
          orderby: '-timestamp',
          limit: '2'
        })
      )
      // Assess: sent by e-mail, found by loyalty id, newest before the seed's events
      const children = obj(res.body).children as Array<Record<string, unknown>>
      expect(children.map((c) => c.entityId)).toEqual([sent.body.xdmEntity._id, JANE_EVENTS[0]?._id])
      expect(children[0]).toEqual({
        relatedEntityId: fixtureSeed().profileId(0),
        entityId: sent.body.xdmEntity._id,
        timestamp: Date.parse(sent.body.xdmEntity.timestamp),
        entity: sent.body.xdmEntity,
        lastModifiedAt: sent.body.xdmEntity.timestamp
      })
      expect(aep.control.ingestion.stats()).toEqual({ accepted: 1, ingested: 1, duplicates: 0, failed: 0, pending: 0 })
    })

    it('keeps an event of an unknown identity as an events-only profile', async () => {
      // Prepare
      const stranger = {
        Email: [{ id: 'new.caller@example.com', primary: true }],
        ECID: [{ id: '99999999999999999999999999999999999999' }]
      }
      const sent = message({ entity: { identityMap: stranger } })
      // Act
      await post(sent)
      const profile = await getJson(
        entitiesUrl(aep, { 'schema.name': PROFILE, entityId: stranger.ECID[0]?.id ?? '', entityIdNS: 'ECID' })
      )
      // Assess
      expect(profile.status).toBe(200)
      expect(Object.values(obj(profile.body))[0]).toMatchObject({ entity: { identityMap: stranger } })
      expect(await eventIds({ relatedEntityId: 'new.caller@example.com', relatedEntityIdNS: 'Email' })).toEqual([
        sent.body.xdmEntity._id
      ])
    })

    it('lands a second event with the same _id only once, though both get 200', async () => {
      // Prepare
      const first = message()
      const again = structuredClone(first)
      again.body.xdmEntity._demotenant.interactionDetails.core.callCenterAgent.callOutcome = 'escalated'
      // Act
      const answers = await Promise.all([post(first), post(again)])
      // Assess
      expect(answers.map((a) => a.status)).toEqual([200, 200])
      const ids = await janeEvents()
      expect(ids.filter((id) => id === first.body.xdmEntity._id)).toHaveLength(1)
      expect(aep.control.ingestion.stats()).toMatchObject({ accepted: 2, ingested: 1, duplicates: 1 })
    })
  })

  describe('ingestion delay', () => {
    it('shows the event only once the delay set through /__control is over', async () => {
      // Prepare
      const set = await getJson(
        `${aep.url}/__control`,
        {},
        { method: 'POST', body: JSON.stringify({ ingestionDelayMs: 300 }) }
      )
      expect(obj(obj(set.body).settings).ingestionDelayMs).toBe(300)
      const sent = message()
      // Act
      expect((await post(sent)).status).toBe(200)
      const before = await janeEvents()
      const pending = aep.control.ingestion.stats().pending
      await new Promise((resolve) => setTimeout(resolve, 350))
      const after = await janeEvents()
      // Assess
      expect(before).not.toContain(sent.body.xdmEntity._id)
      expect(pending).toBe(1)
      expect(after[0]).toBe(sent.body.xdmEntity._id)
      expect(aep.control.ingestion.stats()).toMatchObject({ ingested: 1, pending: 0 })
    })

    it('refuses a negative delay with a 400', async () => {
      const res = await getJson(
        `${aep.url}/__control`,
        {},
        { method: 'POST', body: JSON.stringify({ ingestionDelayMs: -1 }) }
      )
      expect(res).toEqual(
        expect.objectContaining({
          status: 400,
          body: { error: 'ingestionDelayMs must be a number of milliseconds >= 0' }
        })
      )
    })
  })

  describe('envelope errors (400 in either mode)', () => {
    it('answers 400 for a body that is not JSON', async () => {
      const res = await post('{"header": {')
      expect(res).toEqual(expect.objectContaining({ status: 400, body: problem(400, 'Message is not valid JSON') }))
    })

    it.each([
      [
        'another schema',
        { schemaRef: { id: 'https://ns.adobe.com/demotenant/schemas/other', contentType: CONTENT_TYPE } }
      ],
      [
        'another schema version',
        { schemaRef: { id: SCHEMA, contentType: 'application/vnd.adobe.xed-full+json;version=2' } }
      ],
      ['no schemaRef', { schemaRef: undefined }]
    ])('answers 400 unknown xdm format for %s', async (_label, header) => {
      const res = await post(message({ header }), { query: '?syncValidation=false' })
      expect(res).toEqual(
        expect.objectContaining({ status: 400, body: problem(400, 'Message has unknown xdm format') })
      )
    })

    it('answers 400 for another org in the message header', async () => {
      const res = await post(message({ header: { imsOrgId: 'OTHER000000000000000000B@AdobeOrg' } }))
      expect(res.body).toEqual({
        ...problem(400, ''),
        report: {
          message: `inletId: [${INLET}] imsOrgId: [OTHER000000000000000000B@AdobeOrg] Message has an absent or wrong ims org in the header`
        }
      })
    })

    it('answers 400 for another dataset', async () => {
      const res = await post(message({ header: { datasetId: '64f0c0ffee00000000000099' } }))
      expect(res).toEqual(
        expect.objectContaining({
          status: 400,
          body: problem(400, 'Message has an absent or unknown datasetId in the header')
        })
      )
    })

    it('answers the Platform 400 without a JSON Content-Type', async () => {
      const res = await post(message(), { headers: { ...streamingHeaders(), 'Content-Type': 'text/plain' } })
      expect(res.body).toEqual({
        type: '/placeholder/type/uri',
        status: 400,
        title: 'BadRequestError',
        detail: 'A valid content-type must be specified'
      })
    })

    it('answers 413 above 1 MB', async () => {
      const big = message({
        entity: {
          _demotenant: {
            interactionDetails: { core: { callCenterAgent: { callNote: 'x'.repeat(MAX_STREAMING_BODY_BYTES) } } }
          }
        }
      })
      const res = await post(big)
      expect(res).toEqual(
        expect.objectContaining({
          status: 413,
          body: {
            type: INLET_PROBLEM,
            status: 413,
            title: 'Payload Too Large',
            report: { message: `inletId: [${INLET}] imsOrgId: [${ORG}] The payload is larger than 1 MB` }
          }
        })
      )
      expect(aep.control.ingestion.stats().accepted).toBe(0)
    })
  })

  describe('schema validation', () => {
    const sync = { query: '?syncValidation=true' }
    const invalid = (cause: unknown): Record<string, unknown> => ({
      ...problem(400, 'Message is invalid'),
      report: { ...obj(problem(400, 'Message is invalid').report), cause }
    })

    it('names a field the schema does not have (sync)', async () => {
      // Prepare
      const sent = message()
      sent.body.xdmEntity._demotenant.interactionDetails.core.callCenterAgent.callMood = 'happy'
      // Act
      const res = await post(sent, sync)
      // Assess
      expect(res.status).toBe(400)
      expect(res.body).toEqual(
        invalid({
          _streamingValidation: [
            {
              schemaLocation: AGENT_LOC,
              pointerToViolation: AGENT_PTR,
              causingExceptions: [],
              keyword: 'additionalProperties',
              message: 'extraneous key [callMood] is not permitted'
            }
          ]
        })
      )
    })

    it('reports a missing _id, a number and a bad date together (sync)', async () => {
      // Prepare
      const sent = message()
      delete sent.body.xdmEntity._id
      sent.body.xdmEntity._demotenant.interactionDetails.core.callCenterAgent.callTopic = 7
      sent.body.xdmEntity._demotenant.interactionDetails.core.callCenterAgent.followUpDate = '2026-02-30'
      // Act
      const res = await post(sent, sync)
      // Assess
      expect(res.body).toEqual(
        invalid({
          _streamingValidation: [
            {
              schemaLocation: '#',
              pointerToViolation: '#',
              message: '3 schema violations found',
              causingExceptions: [
                {
                  schemaLocation: '#',
                  pointerToViolation: '#',
                  causingExceptions: [],
                  keyword: 'required',
                  message: 'required key [_id] not found'
                },
                {
                  schemaLocation: `${AGENT_LOC}/properties/callTopic`,
                  pointerToViolation: `${AGENT_PTR}/callTopic`,
                  causingExceptions: [],
                  keyword: 'type',
                  message: 'expected type: String, found: Integer'
                },
                {
                  schemaLocation: `${AGENT_LOC}/properties/followUpDate`,
                  pointerToViolation: `${AGENT_PTR}/followUpDate`,
                  causingExceptions: [],
                  keyword: 'format',
                  message: '[2026-02-30] is not a valid date. Expected [yyyy-MM-dd]'
                }
              ]
            }
          ]
        })
      )
    })

    it.each([
      ['a timestamp without a zone', { timestamp: '2026-12-01T12:00:00' }, 'format'],
      ['no identity', { identityMap: {} }, 'minProperties'],
      ['an identity without id', { identityMap: { Email: [{ primary: true }] } }, 'required'],
      ['an unknown namespace', { identityMap: { Twitter: [{ id: 'jane' }] } }, 'identityNamespace'],
      ['a standard field the schema lacks', { channel: { _type: 'phone' } }, 'additionalProperties']
    ])('refuses %s (sync)', async (_label, entity, keyword) => {
      const res = await post(message({ entity }), sync)
      expect(res.status).toBe(400)
      const cause = obj(obj(obj(res.body).report).cause)._streamingValidation as Array<Record<string, unknown>>
      expect(cause.map((v) => v.keyword)).toEqual([keyword])
    })

    it('answers 200 without syncValidation but sends the record to the failed batch, never to Profile', async () => {
      // Prepare
      const sent = message({ entity: { channel: { _type: 'phone' } } })
      // Act
      const res = await post(sent)
      // Assess
      expect(res).toMatchObject({ status: 200, body: { syncValidation: { skipped: true } } })
      expect(await janeEvents()).not.toContain(sent.body.xdmEntity._id)
      expect(aep.control.ingestion.stats()).toEqual({ accepted: 0, ingested: 0, duplicates: 0, failed: 1, pending: 0 })
      expect(aep.control.ingestion.failedMessages()).toEqual([
        {
          xactionId: obj(res.body).xactionId,
          receivedTimeMs: obj(res.body).receivedTimeMs,
          _validationErrors: [
            {
              schemaLocation: '#',
              pointerToViolation: '#',
              causingExceptions: [],
              keyword: 'additionalProperties',
              message: 'extraneous key [channel] is not permitted'
            }
          ]
        }
      ])
    })
  })

  describe('connection and token', () => {
    it('answers 401 with the streaming service body without Authorization', async () => {
      const { Authorization: _none, ...headers } = streamingHeaders()
      const res = await post(message(), { headers })
      expect(res).toEqual(
        expect.objectContaining({
          status: 401,
          body: {
            type: AUTH_PROBLEM,
            status: '401',
            title: 'Authorization',
            report: { message: `[${INLET}] Ims service token is empty` }
          }
        })
      )
    })

    it.each([
      ['a token signed with another secret', () => serviceToken({ secret: 'not-the-dev-secret' })],
      ['an expired token', () => serviceToken({ expiresInSeconds: -1 })],
      ['a token of another client', () => serviceToken({ clientId: 'other-client' })],
      ['garbage', () => 'not-a-jwt']
    ])('answers 401 for %s', async (_label, token) => {
      const res = await post(message(), { headers: streamingHeaders(token()) })
      expect(res).toEqual(
        expect.objectContaining({
          status: 401,
          body: {
            type: AUTH_PROBLEM,
            status: '401',
            title: 'Authorization',
            report: { message: `[${INLET}] Ims service token is invalid` }
          }
        })
      )
    })

    it('answers 401 once tokens are revoked', async () => {
      // Prepare
      const token = serviceToken()
      expect((await post(message(), { headers: streamingHeaders(token) })).status).toBe(200)
      // Act
      aep.control.revokeTokens()
      const res = await post(message(), { headers: streamingHeaders(token) })
      // Assess
      expect(res.status).toBe(401)
    })

    it.each([
      ['no org header', (h: Record<string, string>) => ({ ...h, 'x-gw-ims-org-id': '' })],
      [
        'another org header',
        (h: Record<string, string>) => ({ ...h, 'x-gw-ims-org-id': 'OTHER000000000000000000B@AdobeOrg' })
      ],
      ['a token of another org', () => streamingHeaders(serviceToken({ org: 'OTHER000000000000000000B@AdobeOrg' }))]
    ])('answers 403 for %s', async (_label, headers) => {
      const res = await post(message(), { headers: headers(streamingHeaders()) })
      expect(res).toEqual(
        expect.objectContaining({
          status: 403,
          body: {
            type: AUTH_PROBLEM,
            status: '403',
            title: 'Authorization',
            report: { message: `[${INLET}] Access is forbidden` }
          }
        })
      )
    })

    it('answers 404 for an unknown connection id, before looking at the token', async () => {
      const res = await post(message(), { inlet: 'f'.repeat(64), headers: { 'Content-Type': 'application/json' } })
      expect(res.body).toEqual({
        type: INLET_PROBLEM,
        status: 404,
        title: 'Inlet Not Found',
        report: { message: `inletId: [${'f'.repeat(64)}] No streaming connection with this id exists` }
      })
    })

    it('lands the event in the sandbox x-sandbox-name names', async () => {
      // Prepare: John Roe (CRM-000002) exists in dev too, as the fixture seed serves both
      const sent = message({ entity: { identityMap: { CRMID: [{ id: 'CRM-000002', primary: true }] } } })
      // Act
      await post(sent, { headers: { ...streamingHeaders(), 'x-sandbox-name': 'dev' } })
      // Assess
      const dev = await getJson(
        entitiesUrl(aep, {
          'schema.name': EVENTS,
          'relatedSchema.name': PROFILE,
          relatedEntityId: 'CRM-000002',
          relatedEntityIdNS: 'CRMID'
        }),
        aepHeaders(serviceToken(), 'dev')
      )
      expect((obj(dev.body).children as Array<{ entityId: unknown }>).map((c) => c.entityId)).toEqual([
        sent.body.xdmEntity._id
      ])
      expect(await eventIds({ relatedEntityId: 'CRM-000002', relatedEntityIdNS: 'CRMID' })).toEqual([])
    })
  })

  describe('counters and faults', () => {
    it('counts the route and shows the streaming counters in /__control', async () => {
      // Act
      await post(message())
      await post('not json')
      const snap = await getJson(`${aep.url}/__control`, {})
      // Assess
      expect(aep.control.count(STREAMING_ROUTE)).toBe(2)
      expect(obj(snap.body).counters).toMatchObject({ [STREAMING_ROUTE]: 2 })
      expect(obj(obj(snap.body).settings).streaming).toEqual({
        connectionIds: [INLET],
        datasetId: DEMO_INTERACTIONS_DATASET_ID,
        schemaId: SCHEMA,
        accepted: 1,
        ingested: 1,
        duplicates: 0,
        failed: 0,
        pending: 0,
        failures: []
      })
    })

    it('answers an injected 429 in the streaming problem shape, then serves the retry', async () => {
      // Prepare
      aep.control.addFault({ route: STREAMING_ROUTE, type: '429', times: 1, retryAfterMs: 2000 })
      // Act
      const limited = await post(message())
      const retried = await post(message())
      // Assess
      expect(limited.status).toBe(429)
      expect(limited.headers.get('retry-after')).toBe('2')
      expect(limited.body).toEqual({
        type: INLET_PROBLEM,
        status: 429,
        title: 'Too Many Requests',
        report: { message: 'Too many requests. The service is experiencing high loads.' }
      })
      expect(retried.status).toBe(200)
      expect(aep.control.requests(STREAMING_ROUTE).map((r) => r.fault ?? 'none')).toEqual(['429', 'none'])
      expect(aep.control.ingestion.stats().accepted).toBe(1)
    })

    it('answers an injected 503 with Retry-After, and never stores the event', async () => {
      // Prepare
      aep.control.apply({ faults: [{ route: STREAMING_ROUTE, type: '503', times: 1 }] })
      // Act
      const res = await post(message())
      // Assess
      expect(res.status).toBe(503)
      expect(res.headers.get('retry-after')).toBe('1')
      expect(obj(res.body)).toMatchObject({ type: INLET_PROBLEM, status: 503, title: 'Service Unavailable' })
      expect(aep.control.ingestion.stats().accepted).toBe(0)
    })

    it('resets the connection for a reset fault and leaves profile routes alone', async () => {
      // Prepare
      aep.control.addFault({ route: STREAMING_ROUTE, type: 'reset', times: 1 })
      // Act
      const failed = post(message())
      // Assess
      await expect(failed).rejects.toThrow()
      const profile = await getJson(
        entitiesUrl(aep, { 'schema.name': PROFILE, entityId: JANE.email, entityIdNS: 'Email' })
      )
      expect(profile.status).toBe(200)
    })
  })
})

describe('AEP stand-in Streaming Ingestion settings', () => {
  it('takes the connection ids, dataset and event shape from its options', async () => {
    // Prepare
    const mapping = {
      interactions: {
        schemaId: 'https://ns.adobe.com/acme/schemas/calls',
        schemaVersion: 2,
        fields: { topic: '_acme.call.topic' }
      }
    }
    const aep = await startFixtureAep({
      streaming: {
        connectionIds: ['acme-inlet'],
        datasetId: '65aa00000000000000000001',
        mapping: JSON.stringify(mapping),
        ingestionDelayMs: 0
      }
    })
    const schemaRef = {
      id: 'https://ns.adobe.com/acme/schemas/calls',
      contentType: 'application/vnd.adobe.xed-full+json; version=2'
    }
    const entity = {
      _id: 'acme-1',
      timestamp: '2026-01-02T03:04:05Z',
      identityMap: { Email: [{ id: JANE.email }] },
      _acme: { call: { topic: 'billing' } }
    }
    const body = {
      header: { schemaRef, datasetId: '65aa00000000000000000001' },
      body: { xdmMeta: { schemaRef }, xdmEntity: entity }
    }
    try {
      // Act
      const ok = await getJson(`${aep.url}/collection/acme-inlet?syncValidation=true`, streamingHeaders(), {
        method: 'POST',
        body: JSON.stringify(body)
      })
      const demo = await getJson(`${aep.url}/collection/${INLET}`, streamingHeaders(), {
        method: 'POST',
        body: JSON.stringify(body)
      })
      // Assess
      expect(ok).toMatchObject({ status: 200, body: { inletId: 'acme-inlet', syncValidation: { status: 'pass' } } })
      expect(demo.status).toBe(404)
      expect(aep.control.ingestion.stats()).toMatchObject({ accepted: 1, ingested: 1 })
    } finally {
      await aep.close()
    }
  })

  it("takes the event shape from a --data folder's mapping.json", async () => {
    // Prepare
    const interactions = { schemaId: 'https://ns.adobe.com/luma/schemas/calls', fields: { topic: '_luma.call.topic' } }
    const dir = dataFolder({
      'profiles.json': [{ identityMap: { Email: [{ id: 'ann@example.com', primary: true }] } }],
      'mapping.json': { interactions }
    })
    const standIns = await startStandIns({
      seed: fixtureSeed(),
      data: dir,
      aep: { port: 0, streaming: { ingestionDelayMs: 0 } },
      ims: { port: 0 },
      state: { port: 0 }
    })
    const schemaRef = { id: interactions.schemaId, contentType: CONTENT_TYPE }
    const entity = {
      _id: 'luma-1',
      timestamp: '2026-01-02T03:04:05.123Z',
      identityMap: { Email: [{ id: 'ann@example.com' }] },
      _luma: { call: { topic: 'returns' } }
    }
    const body = {
      header: { schemaRef, imsOrgId: ORG, datasetId: DEMO_INTERACTIONS_DATASET_ID },
      body: { xdmMeta: { schemaRef }, xdmEntity: entity }
    }
    try {
      // Act
      const res = await getJson(`${standIns.aep.url}/collection/${INLET}?syncValidation=true`, streamingHeaders(), {
        method: 'POST',
        body: JSON.stringify(body)
      })
      const events = await getJson(
        `${standIns.aep.url}/data/core/ups/access/entities?${new URLSearchParams({ 'schema.name': EVENTS, 'relatedSchema.name': PROFILE, relatedEntityId: 'ann@example.com', relatedEntityIdNS: 'Email' })}`
      )
      // Assess
      expect(res).toMatchObject({ status: 200, body: { syncValidation: { status: 'pass' } } })
      expect((obj(events.body).children as Array<{ entity: unknown }>).map((c) => c.entity)).toEqual([entity])
    } finally {
      await standIns.close()
      removeDataFolders()
    }
  })

  it('defaults to a 3 s ingestion delay', async () => {
    const aep = await startFixtureAep()
    try {
      expect(aep.control.ingestion.delayMs).toBe(3000)
    } finally {
      await aep.close()
    }
  })
})
