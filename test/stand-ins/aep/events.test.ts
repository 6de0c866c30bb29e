/**
 * Experience-event lookup: ordering, time window, paging by following `_links.next.href`,
 * the fields filter, and the 'refused' switch that answers 422 like a deprecated endpoint.
 */
import type { AepHandle } from '../../../stand-ins/aep/server'
import { fixtureSeed, JANE, JANE_EVENTS } from '../fixture-seed'
import { EVENTS, entitiesUrl, getJson, obj, PROFILE, startFixtureAep } from '../helpers'

const JANE_XID = fixtureSeed().profileId(0)
const ids = (body: unknown): unknown[] => (obj(body).children as Array<Record<string, unknown>>).map((c) => c.entityId)
const base = {
  'schema.name': EVENTS,
  'relatedSchema.name': PROFILE,
  relatedEntityId: JANE.email,
  relatedEntityIdNS: 'Email'
}

describe('AEP experience-event lookup', () => {
  let aep: AepHandle
  beforeAll(async () => {
    aep = await startFixtureAep()
  })
  afterAll(async () => {
    await aep.close()
  })
  afterEach(() => {
    aep.control.eventsLookup = 'enabled'
  })

  it('returns events oldest first by default, newest first with orderby=-timestamp', async () => {
    // Act
    const asc = await getJson(entitiesUrl(aep, base))
    const desc = await getJson(entitiesUrl(aep, { ...base, orderby: '-timestamp' }))
    // Assess
    const newestFirst = JANE_EVENTS.map((e) => e._id)
    expect(ids(asc.body)).toEqual([...newestFirst].reverse())
    expect(ids(desc.body)).toEqual(newestFirst)
    expect(obj(desc.body)._page).toEqual({ orderby: '-timestamp', start: newestFirst[0], count: 5, next: '' })
    expect(obj(desc.body)._links).toEqual({ next: { href: '' } })
  })

  it('shapes each child like the entities guide', async () => {
    const res = await getJson(entitiesUrl(aep, { ...base, orderby: '-timestamp', limit: '1' }))
    const first = JANE_EVENTS[0]
    expect(obj(res.body).children).toEqual([
      {
        relatedEntityId: JANE_XID,
        entityId: first?._id,
        timestamp: Date.parse(first?.timestamp ?? ''),
        entity: first,
        lastModifiedAt: first?.timestamp
      }
    ])
  })

  it('pages with limit and a relative _links.next.href the client can follow to the end', async () => {
    // Prepare
    const seen: unknown[] = []
    let url: string | undefined = entitiesUrl(aep, { ...base, orderby: '-timestamp', limit: '2' })
    const pages: Array<Record<string, unknown>> = []
    // Act
    while (url) {
      const res = await getJson(url)
      pages.push(obj(obj(res.body)._page))
      seen.push(...ids(res.body))
      const href = (obj(obj(res.body)._links).next as { href: string }).href
      url = href === '' ? undefined : `${aep.url}/data/core/ups/access${href}`
    }
    // Assess
    expect(seen).toEqual(JANE_EVENTS.map((e) => e._id))
    expect(pages.map((p) => p.count)).toEqual([2, 2, 1])
    expect(pages[0]?.next).toBe(JANE_EVENTS[2]?._id)
    expect(pages[2]?.next).toBe('')
  })

  it('keeps startTime inclusive and endTime exclusive', async () => {
    // Prepare: events are 12:00 UTC on 1–5 June 2025
    const startTime = String(Date.UTC(2025, 5, 2, 12))
    const endTime = String(Date.UTC(2025, 5, 4, 12))
    // Act
    const res = await getJson(entitiesUrl(aep, { ...base, startTime, endTime }))
    // Assess
    expect(ids(res.body)).toEqual(['evt-jane-2', 'evt-jane-3'])
  })

  it('filters each event to the listed fields', async () => {
    const res = await getJson(entitiesUrl(aep, { ...base, limit: '1', fields: 'eventType,web.webPageDetails.name' }))
    expect((obj(res.body).children as Array<Record<string, unknown>>)[0]?.entity).toEqual({
      eventType: 'commerce.purchases',
      web: { webPageDetails: { name: 'page-1' } }
    })
  })

  it('looks events up by the profile XID too', async () => {
    const res = await getJson(
      entitiesUrl(aep, { 'schema.name': EVENTS, 'relatedSchema.name': PROFILE, relatedEntityId: JANE_XID })
    )
    expect(ids(res.body)).toHaveLength(5)
  })

  it('answers 200 with no children for a known customer without events and 404 for an unknown one', async () => {
    const none = await getJson(entitiesUrl(aep, { ...base, relatedEntityId: 'john.roe@example.net' }))
    const unknown = await getJson(entitiesUrl(aep, { ...base, relatedEntityId: 'nobody@example.com' }))
    expect(none.status).toBe(200)
    expect(obj(none.body)._page).toEqual({ orderby: '+timestamp', start: '', count: 0, next: '' })
    expect(unknown).toMatchObject({ status: 404, body: { statusCode: '404' } })
  })

  it('answers 400 without relatedSchema.name and for a start cursor it never issued', async () => {
    const noRelated = await getJson(
      entitiesUrl(aep, { 'schema.name': EVENTS, relatedEntityId: JANE.email, relatedEntityIdNS: 'email' })
    )
    const badCursor = await getJson(entitiesUrl(aep, { ...base, start: 'not-a-cursor' }))
    expect([noRelated.status, badCursor.status]).toEqual([400, 400])
  })

  it('answers 422 when event lookups are refused, set in-process or over /__control', async () => {
    // Prepare
    aep.control.eventsLookup = 'refused'
    const inProcess = await getJson(entitiesUrl(aep, base))
    aep.control.eventsLookup = 'enabled'
    // Act
    await fetch(`${aep.url}/__control`, { method: 'POST', body: JSON.stringify({ eventsLookup: 'refused' }) })
    const overHttp = await getJson(entitiesUrl(aep, base))
    // Assess
    for (const res of [inProcess, overHttp]) {
      expect(res).toMatchObject({
        status: 422,
        body: { statusCode: '422', message: expect.stringContaining('deprecated') as unknown }
      })
    }
    expect(aep.control.snapshot().settings).toMatchObject({ eventsLookup: 'refused' })
    expect(aep.control.count('entities.events')).toBeGreaterThanOrEqual(2)
  })
})
