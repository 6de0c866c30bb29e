/**
 * Schema Registry union lookups over HTTP: the gateway's headers, the Accept header's media type
 * and version, AEP's NotFoundError body, and a union that holds every field the data has.
 */
import type { SchemaNode } from '../../../stand-ins/aep/schemas'
import { guardrailProfile } from '../../../stand-ins/aep/seed-overlay'
import type { AepHandle } from '../../../stand-ins/aep/server'
import { startAep } from '../../../stand-ins/aep/server'
import { generateSeed } from '../../../stand-ins/seed/generate'
import { aepHeaders, getJson, obj } from '../helpers'

const FULL = 'application/vnd.adobe.xed-full+json; version=1'
const PROFILE_ID = 'https://ns.adobe.com/xdm/context/profile__union'
const EVENT_ID = 'https://ns.adobe.com/xdm/context/experienceevent__union'
const COUNT = 400
const seed = generateSeed({ count: COUNT, now: new Date('2026-04-20T00:00:00Z') })

/** Every leaf path of a value; map keys (identityMap, segmentMembership) become `*`. */
function leafPaths(v: unknown, path: string, out: Set<string>): Set<string> {
  if (v === null || v === undefined) return out
  if (Array.isArray(v)) {
    for (const item of v) leafPaths(item, `${path}[]`, out)
    return out
  }
  if (typeof v !== 'object') return out.add(path)
  const isMap = path === 'identityMap' || path === 'segmentMembership' || path === 'segmentMembership.*'
  for (const [k, child] of Object.entries(v as Record<string, unknown>))
    leafPaths(child, path === '' ? (isMap ? '*' : k) : `${path}.${isMap ? '*' : k}`, out)
  return out
}

/** The schema node at a leaf path as leafPaths spells it. */
function nodeAt(root: SchemaNode, path: string): SchemaNode | undefined {
  let at: SchemaNode | undefined = root
  for (const raw of path.split('.')) {
    const array = raw.endsWith('[]')
    const step = array ? raw.slice(0, -2) : raw
    at = step === '*' ? at?.additionalProperties : at?.properties?.[step]
    if (array) at = at?.type === 'array' ? at.items : undefined
  }
  return at
}

describe('AEP stand-in: Schema Registry unions', () => {
  let aep: AepHandle
  beforeAll(async () => {
    aep = await startAep({ port: 0, seed, extraProfiles: [guardrailProfile('guardrail.demo@example.com', 3)] })
  })
  afterAll(async () => {
    await aep.close()
  })
  const union = (id: string, headers: Record<string, string> = { ...aepHeaders(), Accept: FULL }, kind = 'schemas') =>
    getJson(`${aep.url}/data/foundation/schemaregistry/tenant/${kind}/${encodeURIComponent(id)}`, headers)
  const tree = async (id: string): Promise<SchemaNode> => {
    const res = await union(id)
    expect(res.status).toBe(200)
    return { type: 'object', properties: obj(res.body).properties as Record<string, SchemaNode> }
  }

  it('needs the gateway headers like every AEP route', async () => {
    // Arrange
    const { Authorization: _token, ...noToken } = aepHeaders()
    const { 'x-sandbox-name': _sandbox, ...noSandbox } = aepHeaders()

    // Act
    const withoutToken = await union(PROFILE_ID, { ...noToken, Accept: FULL })
    const withoutSandbox = await union(PROFILE_ID, { ...noSandbox, Accept: FULL })
    const unknownSandbox = await union(PROFILE_ID, { ...aepHeaders(undefined, 'qa'), Accept: FULL })

    // Assess
    expect([withoutToken.status, withoutToken.body]).toEqual([
      401,
      { error_code: '403010', message: 'Oauth token is missing.' }
    ])
    expect(withoutSandbox.status).toBe(400)
    expect(unknownSandbox.status).toBe(403)
    expect(aep.control.count('schemas.union')).toBe(3)
  })

  it('wants an Accept header with a xed media type and a version', async () => {
    // Act
    const none = await union(PROFILE_ID, aepHeaders())
    const json = await union(PROFILE_ID, { ...aepHeaders(), Accept: 'application/json' })
    const noVersion = await union(PROFILE_ID, { ...aepHeaders(), Accept: 'application/vnd.adobe.xed-full+json' })

    // Assess
    const problem = (status: number, title: string, detail: string) => ({
      type: '/placeholder/type/uri',
      status,
      title,
      detail
    })
    expect([none.status, none.body]).toEqual([
      406,
      problem(406, 'NotAcceptableError', 'Accept header parameter is required')
    ])
    expect([json.status, json.body]).toEqual([
      406,
      problem(406, 'NotAcceptableError', 'Unknown Accept media supplied: application/json')
    ])
    expect([noVersion.status, noVersion.body]).toEqual([
      400,
      problem(
        400,
        'BadRequestError',
        'version must be supplied in the accept header. Example: application/vnd.adobe.xed-full-notext+json; version=1'
      )
    ])
  })

  it('answers 404 NotFoundError in the Schema Registry shape for a schema it does not have', async () => {
    // Act
    const res = await union('https://ns.adobe.com/_demotenant/schemas/0123456789abcdef')

    // Assess
    expect(res.status).toBe(404)
    expect(res.body).toEqual({
      type: '/placeholder/type/uri',
      status: 404,
      title: 'NotFoundError',
      detail: 'Object https://ns.adobe.com/_demotenant/schemas/0123456789abcdef with version 1 not found'
    })
  })

  it('serves the profile union by $id and by meta:altId, under /schemas and /unions', async () => {
    // Act
    const byId = await union(PROFILE_ID)
    const byAltId = await union('_xdm.context.profile__union', undefined, 'unions')
    const raw = await union(PROFILE_ID, { ...aepHeaders(), Accept: 'application/vnd.adobe.xed+json; version=1' })

    // Assess
    expect(byId.headers.get('content-type')).toBe(FULL)
    expect(obj(byId.body)).toMatchObject({
      $id: PROFILE_ID,
      'meta:altId': '_xdm.context.profile__union',
      'meta:resourceType': 'unions',
      'meta:class': 'https://ns.adobe.com/xdm/context/profile',
      type: 'object'
    })
    expect(byAltId.body).toEqual(byId.body)
    expect(obj(raw.body).properties).toBeUndefined()
    expect(obj(raw.body).allOf).toContainEqual({ $ref: 'https://ns.adobe.com/xdm/context/profile' })
  })

  it('holds the standard and tenant fields of profiles with their types', async () => {
    // Act
    const profile = await tree(PROFILE_ID)

    // Assess
    expect(nodeAt(profile, 'consents.marketing.email.val')).toEqual({ type: 'string' })
    expect(nodeAt(profile, 'consents.marketing.email.time')).toEqual({ type: 'string', format: 'date-time' })
    expect(nodeAt(profile, '_demotenant.customerSince')).toEqual({ type: 'string', format: 'date' })
    expect(nodeAt(profile, '_demotenant.scores.churnPropensity')).toEqual({ type: 'number' })
    expect(nodeAt(profile, '_demotenant.SystemComputedAttributes.purchases6Months.value')).toEqual({ type: 'integer' })
    expect(nodeAt(profile, '_demotenant.CustomerAI.churn90Days.influentialFactors[].importance')).toEqual({
      type: 'string'
    })
    expect(nodeAt(profile, 'identityMap.*[].id')).toEqual({ type: 'string' })
    expect(nodeAt(profile, 'segmentMembership.*.*.status')).toEqual({ type: 'string' })
    expect(nodeAt(profile, 'identityMap.Email')).toBeUndefined()
    expect(nodeAt(profile, '_demotenant.tier')).toBeUndefined()
  })

  it('holds the standard and tenant fields of events with their types', async () => {
    // Act
    const event = await tree(EVENT_ID)

    // Assess
    expect(nodeAt(event, 'timestamp')).toEqual({ type: 'string', format: 'date-time' })
    expect(nodeAt(event, 'commerce.checkouts.value')).toEqual({ type: 'integer' })
    expect(nodeAt(event, 'productListItems[].priceTotal')).toEqual({ type: 'number' })
    expect(nodeAt(event, '_experience.customerJourneyManagement.messageInteraction.interactionType')).toEqual({
      type: 'string'
    })
    expect(nodeAt(event, '_demotenant.interactionDetails.core.callCenterAgent.callDurationSeconds')).toEqual({
      type: 'integer'
    })
    expect(nodeAt(event, 'application.isLaunch')).toEqual({ type: 'boolean' })
  })

  it('holds every field the sandbox data has, although it reads only some customers', async () => {
    // Arrange
    const profile = await tree(PROFILE_ID)
    const event = await tree(EVENT_ID)
    const profilePaths = new Set<string>()
    const eventPaths = new Set<string>()
    for (let i = 0; i < COUNT; i++) {
      leafPaths(seed.profile(i), '', profilePaths)
      for (const e of seed.events(i)) leafPaths(e, '', eventPaths)
    }

    // Act
    const missing = [
      ...[...profilePaths].filter((p) => nodeAt(profile, p) === undefined),
      ...[...eventPaths].filter((p) => nodeAt(event, p) === undefined)
    ]

    // Assess
    expect(profilePaths.size).toBeGreaterThan(60)
    expect(eventPaths.size).toBeGreaterThan(50)
    expect(missing).toEqual([])
  })
})
