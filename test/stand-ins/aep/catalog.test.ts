/**
 * Merge policies, audiences, segment definitions and identity namespaces, plus AEP's 429 array
 * body when a rate-limit fault is injected.
 */
import { MERGE_POLICY_IDS } from '../../../stand-ins/aep/sandboxes'
import type { AepHandle } from '../../../stand-ins/aep/server'
import { AUDIENCES, NAMESPACES } from '../fixture-seed'
import { aepHeaders, getJson, ORG, obj, serviceToken, startFixtureAep } from '../helpers'

describe('AEP catalog routes', () => {
  let aep: AepHandle
  beforeAll(async () => {
    aep = await startFixtureAep()
  })
  afterAll(async () => {
    await aep.close()
  })
  const get = (path: string, sandbox = 'prod') =>
    getJson(`${aep.url}/data/core${path}`, aepHeaders(serviceToken(), sandbox))

  it('lists merge policies with paging and filters by default=true', async () => {
    // Act
    const all = await get('/ups/config/mergePolicies?schema.name=_xdm.context.profile')
    const firstPage = await get('/ups/config/mergePolicies?limit=1')
    const defaults = await get('/ups/config/mergePolicies?default=true')
    // Assess
    expect((obj(all.body).children as Array<{ id: string }>).map((p) => p.id)).toEqual([
      MERGE_POLICY_IDS.prodDefault,
      MERGE_POLICY_IDS.prodNoStitch
    ])
    expect(obj(firstPage.body)._page).toEqual({ count: 1, next: '1' })
    expect(obj(obj(firstPage.body)._links).next).toEqual({ href: expect.stringContaining('start=1') as unknown })
    expect(obj(defaults.body).children).toEqual([
      expect.objectContaining({
        id: MERGE_POLICY_IDS.prodDefault,
        default: true,
        schema: { name: '_xdm.context.profile' },
        identityGraph: { type: 'pdg' },
        attributeMerge: { type: 'timestampOrdered' },
        imsOrgId: ORG
      })
    ])
  })

  it("reads one merge policy by id and answers 404 for another sandbox's id", async () => {
    const own = await get(`/ups/config/mergePolicies/${MERGE_POLICY_IDS.devDefault}`, 'dev')
    const foreign = await get(`/ups/config/mergePolicies/${MERGE_POLICY_IDS.devDefault}`, 'prod')
    expect(obj(own.body)).toMatchObject({
      id: MERGE_POLICY_IDS.devDefault,
      default: true,
      sandbox: { sandboxName: 'dev' }
    })
    expect(foreign.status).toBe(404)
  })

  it('reads an audience and its segment definition by id, 404 with the problem body otherwise', async () => {
    // Prepare
    const [gold] = AUDIENCES
    // Act
    const audience = await get(`/ups/audiences/${gold?.id ?? ''}`)
    const definition = await get(`/ups/segment/definitions/${gold?.id ?? ''}`)
    const missing = await get('/ups/audiences/00000000-0000-0000-0000-000000000000')
    // Assess
    expect(obj(audience.body)).toMatchObject({
      id: gold?.id,
      audienceId: gold?.id,
      name: gold?.name,
      description: gold?.description,
      expression: { type: 'PQL', format: 'pql/text' },
      lifecycleState: 'published'
    })
    expect(obj(definition.body)).toMatchObject({
      id: gold?.id,
      name: gold?.name,
      schema: { name: '_xdm.context.profile' },
      mergePolicyId: MERGE_POLICY_IDS.prodDefault
    })
    expect(missing).toMatchObject({
      status: 404,
      body: { status: 404, type: 'https://ns.adobe.com/aep/errors/UPAPI-113430-404' }
    })
  })

  it('lists audiences sorted by name with offset paging', async () => {
    const page = await get('/ups/audiences?limit=1&start=0')
    expect((obj(page.body).children as Array<{ name: string }>).map((a) => a.name)).toEqual(['Gold loyalty members'])
    expect(obj(page.body)._page).toMatchObject({ totalCount: 2, limit: 1, start: 0, next: 1 })
  })

  it('lists identity namespaces, defaulting to prod without x-sandbox-name', async () => {
    // Prepare
    const headers = aepHeaders()
    delete headers['x-sandbox-name']
    // Act
    const res = await getJson(`${aep.url}/data/core/idnamespace/identities`, headers)
    // Assess
    expect(res.status).toBe(200)
    expect(res.body).toEqual(
      NAMESPACES.map((n) => ({
        ...n,
        status: 'ACTIVE',
        createTime: expect.any(Number) as unknown,
        updateTime: expect.any(Number) as unknown
      }))
    )
  })

  it("answers an injected 429 with AEP's array body", async () => {
    // Prepare
    aep.control.addFault({ route: 'namespaces', type: '429', times: 1, retryAfterMs: 750 })
    // Act
    const res = await get('/idnamespace/identities')
    // Assess
    expect(res.status).toBe(429)
    expect(res.body).toEqual([
      {
        message: 'Too many requests',
        cause: '{"Errors":["Request rate is large"]}',
        retryAfterMs: '750',
        statusCode: '429'
      }
    ])
  })

  it('answers 405 for a method a route does not serve', async () => {
    const res = await getJson(`${aep.url}/data/core/ups/config/mergePolicies`, aepHeaders(), { method: 'DELETE' })
    expect(res.status).toBe(405)
    expect(aep.control.count('methodNotAllowed')).toBe(1)
  })
})
