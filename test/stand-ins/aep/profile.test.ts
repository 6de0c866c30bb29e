/**
 * GET /data/core/ups/access/entities for profiles: lookups by namespace or XID, the fields filter,
 * merge policies, sandboxes and the documented 400/404/422 bodies.
 */
import { MERGE_POLICY_IDS, xidFor } from '../../../stand-ins/aep/sandboxes'
import type { AepHandle } from '../../../stand-ins/aep/server'
import { fixtureSeed, JANE } from '../fixture-seed'
import { aepHeaders, entitiesUrl, getJson, obj, PROFILE, serviceToken, startFixtureAep } from '../helpers'

const JANE_XID = fixtureSeed().profileId(0)

describe('AEP profile lookup', () => {
  let aep: AepHandle
  beforeAll(async () => {
    const dev = { ...fixtureSeed(), find: () => undefined }
    aep = await startFixtureAep({ devSeed: dev })
  })
  afterAll(async () => {
    await aep.close()
  })

  const lookup = (params: Record<string, string>, sandbox = 'prod') =>
    getJson(entitiesUrl(aep, { 'schema.name': PROFILE, ...params }), aepHeaders(serviceToken(), sandbox))

  it('returns the merged profile keyed by its XID, in the GetEntityResponse shape', async () => {
    // Act
    const res = await lookup({ entityId: JANE.email, entityIdNS: 'email' })
    // Assess
    expect(res.status).toBe(200)
    expect(res.body).toEqual({
      [JANE_XID]: {
        entityId: JANE_XID,
        mergePolicy: { id: MERGE_POLICY_IDS.prodDefault },
        sources: expect.any(Array) as unknown,
        tags: [],
        identityGraph: Object.entries(JANE).map(([ns, id]) => xidFor(ns, id)),
        entity: fixtureSeed().profile(0),
        lastModifiedAt: '2025-06-05T12:00:00.000Z'
      }
    })
  })

  it.each([
    ['Email', JANE.email],
    ['PHONE', JANE.phone],
    ['CRMID', JANE.crmid],
    ['ecid', JANE.ecid],
    ['LoyaltyID', JANE.loyaltyid]
  ])('finds Jane by namespace %s, matching the code case-insensitively', async (ns, id) => {
    const res = await lookup({ entityId: id, entityIdNS: ns })
    expect(res.status).toBe(200)
    expect(Object.keys(obj(res.body))).toEqual([JANE_XID])
  })

  it('finds a profile by XID when no namespace is given', async () => {
    const res = await lookup({ entityId: JANE_XID })
    expect(Object.keys(obj(res.body))).toEqual([JANE_XID])
  })

  it('keeps only the listed fields, identityMap included only when asked', async () => {
    // Act
    const res = await lookup({ entityId: JANE.email, entityIdNS: 'email', fields: 'person.name.firstName,loyalty' })
    // Assess
    expect(obj(obj(res.body)[JANE_XID]).entity).toEqual({
      person: { name: { firstName: 'Jane' } },
      loyalty: { tier: 'gold', points: 1200 }
    })
  })

  it('answers 404 {"statusCode":"404"} for an unknown identity', async () => {
    const res = await lookup({ entityId: 'nobody@example.com', entityIdNS: 'email' })
    expect(res).toMatchObject({ status: 404, body: { statusCode: '404' } })
    expect(res.body).toEqual({ statusCode: '404' })
  })

  it('answers 400 for an unknown namespace code, a missing entityId or schema.name', async () => {
    const badNs = await lookup({ entityId: JANE.email, entityIdNS: 'fax' })
    const noId = await lookup({ entityIdNS: 'email' })
    const noSchema = await getJson(`${aep.url}/data/core/ups/access/entities?entityId=x`)
    expect([badNs.status, noId.status, noSchema.status]).toEqual([400, 400, 400])
    expect(obj(badNs.body)).toEqual({ message: expect.stringContaining('fax') as unknown, statusCode: '400' })
  })

  it('answers 422 ResponseErrorContext for an unknown merge policy', async () => {
    const res = await lookup({ entityId: JANE.email, entityIdNS: 'email', mergePolicyId: 'no-such-policy' })
    expect(res).toMatchObject({
      status: 422,
      body: { statusCode: '422', message: expect.stringContaining('no-such-policy') as unknown }
    })
  })

  it('answers 422 without mergePolicyId in a sandbox that has no default policy, 200 with one', async () => {
    const without = await lookup({ entityId: JANE.email, entityIdNS: 'email' }, 'nodefault')
    const withId = await lookup(
      { entityId: JANE.email, entityIdNS: 'email', mergePolicyId: MERGE_POLICY_IDS.nodefaultOnly },
      'nodefault'
    )
    expect(without).toMatchObject({
      status: 422,
      body: { statusCode: '422', message: expect.stringContaining('default merge policy') as unknown }
    })
    expect(obj(obj(withId.body)[JANE_XID]).mergePolicy).toEqual({ id: MERGE_POLICY_IDS.nodefaultOnly })
  })

  it('reports only the looked-up identity in identityGraph under the no-stitching policy', async () => {
    const res = await lookup({
      entityId: JANE.email,
      entityIdNS: 'email',
      mergePolicyId: MERGE_POLICY_IDS.prodNoStitch
    })
    expect(obj(obj(res.body)[JANE_XID]).identityGraph).toEqual([xidFor('email', JANE.email)])
  })

  it('answers 422 for a profile over the 50-identity guardrail', async () => {
    const res = await lookup({ entityId: 'max.many@example.org', entityIdNS: 'email' })
    expect(res).toMatchObject({
      status: 422,
      body: { statusCode: '422', message: expect.stringContaining('guardrail') as unknown }
    })
  })

  it('serves each sandbox from its own seed', async () => {
    const prod = await lookup({ entityId: JANE.email, entityIdNS: 'email' }, 'prod')
    const dev = await lookup({ entityId: JANE.email, entityIdNS: 'email' }, 'dev')
    expect([prod.status, dev.status]).toEqual([200, 404])
  })

  it('counts profile lookups under the entities.profile route id', async () => {
    const before = aep.control.count('entities.profile')
    await lookup({ entityId: JANE.email, entityIdNS: 'email' })
    expect(aep.control.count('entities.profile')).toBe(before + 1)
  })
})
