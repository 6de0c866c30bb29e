/**
 * POST /data/core/ups/access/entities: many identities in one call; unmatched identities come
 * back with an empty entity, each item names its requestedIdentity.
 */
import { MERGE_POLICY_IDS, xidFor } from '../../../stand-ins/aep/sandboxes'
import type { AepHandle } from '../../../stand-ins/aep/server'
import { fixtureSeed, JANE } from '../fixture-seed'
import { aepHeaders, getJson, obj, PROFILE, startFixtureAep } from '../helpers'

const seed = fixtureSeed()

describe('AEP multi-entity lookup', () => {
  let aep: AepHandle
  beforeAll(async () => {
    aep = await startFixtureAep({ maxIdentitiesPerRequest: 3 })
  })
  afterAll(async () => {
    await aep.close()
  })

  const post = (body: unknown, contentType = 'application/json') =>
    getJson(`${aep.url}/data/core/ups/access/entities`, aepHeaders(), {
      method: 'POST',
      headers: { 'Content-Type': contentType },
      body: typeof body === 'string' ? body : JSON.stringify(body)
    })

  it('returns matched profiles by XID and unmatched identities with an empty entity', async () => {
    // Act
    const res = await post({
      schema: { name: PROFILE },
      fields: ['person.name'],
      identities: [
        { entityId: JANE.email, entityIdNS: { code: 'Email' } },
        { entityId: 'CRM-000002', entityIdNS: { code: 'CRMID' } },
        { entityId: 'ghost@example.com', entityIdNS: { code: 'Email' } }
      ]
    })
    // Assess
    expect(res.status).toBe(200)
    const body = obj(res.body)
    const ghost = xidFor('Email', 'ghost@example.com')
    expect(Object.keys(body).sort()).toEqual([seed.profileId(0), seed.profileId(1), ghost].sort())
    expect(obj(body[seed.profileId(0)])).toMatchObject({
      requestedIdentity: { entityId: JANE.email, entityIdNS: { code: 'Email' } },
      entityId: seed.profileId(0),
      mergePolicy: { id: MERGE_POLICY_IDS.prodDefault },
      entity: { person: { name: { firstName: 'Jane', lastName: 'Doe', fullName: 'Jane Doe' } } }
    })
    expect(obj(body[ghost])).toEqual({
      requestedIdentity: { entityId: 'ghost@example.com', entityIdNS: { code: 'Email' } },
      entityId: ghost,
      mergePolicy: { id: MERGE_POLICY_IDS.prodDefault },
      sources: [],
      tags: [],
      identityGraph: [],
      entity: {}
    })
  })

  it('returns a guardrail-excluded profile as an empty entity, not an error', async () => {
    const res = await post({
      schema: { name: PROFILE },
      identities: [{ entityId: 'max.many@example.org', entityIdNS: { code: 'email' } }]
    })
    expect(Object.values(obj(res.body)).map((v) => obj(v).entity)).toEqual([{}])
  })

  it('answers 400 above the identities-per-request cap', async () => {
    const identities = ['a', 'b', 'c', 'd'].map((x) => ({
      entityId: `${x}@example.com`,
      entityIdNS: { code: 'email' }
    }))
    const res = await post({ schema: { name: PROFILE }, identities })
    expect(res).toMatchObject({
      status: 400,
      body: { statusCode: '400', message: expect.stringContaining('At most 3') as unknown }
    })
  })

  it('answers 415 without a JSON content type and 400 for an invalid body', async () => {
    const wrongType = await post({ schema: { name: PROFILE }, identities: [] }, 'text/plain')
    const notJson = await post('{"schema":')
    const noIdentities = await post({ schema: { name: PROFILE } })
    expect([wrongType.status, notJson.status, noIdentities.status]).toEqual([415, 400, 400])
  })

  it('answers 422 for an unknown merge policy and counts calls as entities.multi', async () => {
    const res = await post({
      schema: { name: PROFILE },
      mergePolicyId: 'nope',
      identities: [{ entityId: JANE.email, entityIdNS: { code: 'email' } }]
    })
    expect(res).toMatchObject({ status: 422, body: { statusCode: '422' } })
    expect(aep.control.count('entities.multi')).toBeGreaterThanOrEqual(5)
  })
})
