import {
  type AepProfileEntity,
  cursorToHref,
  hrefToCursor,
  type NormalisedIdentity,
  rebindCursor
} from '../../../actions/lib/aep'
import { NotFoundError, type UpstreamCode, UpstreamError } from '../../../actions/lib/errors'
import type { LookupRequest } from '../../../actions/lib/input'
import { cacheable, cachedLookup, covers } from '../../../actions/lib/lookup'
import {
  type CustomerEvent,
  type CustomerView,
  type EventsMeta,
  SECTIONS,
  type Section
} from '../../../actions/lib/view'
import { SALT } from '../fixtures/config'
import { event, fakeAep, fakeAudiences, fakeCache, NEXT, PURCHASE, world } from '../fixtures/lookup-seams'
import { JANE, JANE_PROFILE } from '../fixtures/profile'

const NOW = Date.parse('2026-11-20T10:00:00Z')
const byEmail: NormalisedIdentity = { namespace: 'email', aepNamespace: 'Email', id: 'jane.doe@example.com' }
const byPhone: NormalisedIdentity = { namespace: 'phone', aepNamespace: 'Phone', id: '+14155550123' }

function request(over: Partial<LookupRequest> = {}): LookupRequest {
  return {
    identity: byEmail,
    sandbox: 'prod',
    mergePolicyId: null,
    sections: new Set(SECTIONS),
    eventsLimit: 10,
    ...over
  }
}

function view(events: CustomerEvent[], eventsMeta: EventsMeta): CustomerView {
  return {
    customer: { ...JANE, events },
    meta: {
      sandbox: 'prod',
      mergePolicyId: 'mp-default',
      fetchedAt: '2026-11-20T09:50:00.000Z',
      timings: { profileMs: 420, totalMs: 480 },
      events: eventsMeta
    }
  }
}

/** What AEP's answer of the fakes shows as, fetched at NOW (fake time stands still, so every timing is 0). */
const FROM_AEP: CustomerView = {
  customer: {
    ...JANE,
    events: [PURCHASE],
    // The guidance step reads the purchase of the day before NOW (actions/lib/guidance).
    insights: {
      ...JANE.insights,
      reasons: [
        {
          code: 'recent-order',
          purpose: 'service',
          channel: 'web',
          text: 'Ordered A ($129.90) yesterday: a delivery question?',
          params: { amount: '$129.90', items: 'A', daysAgo: 1 },
          evidence: [{ eventId: 'evt-1', timestamp: '2026-11-19T10:00:00.000Z' }]
        }
      ],
      explanations: [
        {
          scoreId: 'churnPropensity',
          code: 'low-risk',
          text: 'Churn propensity: low risk; recent events: one purchase',
          params: { label: 'Churn propensity', band: 'low', supportCalls: 0, purchases: 1 },
          basis: 'recent-events'
        },
        {
          scoreId: 'engagementPropensity',
          code: 'high-opportunity',
          text: 'Engagement propensity: high opportunity; recent events: one purchase',
          params: { label: 'Engagement propensity', band: 'high', supportCalls: 0, purchases: 1 },
          basis: 'recent-events'
        }
      ]
    }
  },
  meta: {
    sandbox: 'prod',
    mergePolicyId: 'mp-default',
    fetchedAt: '2026-11-20T10:00:00.000Z',
    timings: { profileMs: 0, audiencesMs: 0, eventsMs: 0, totalMs: 0 },
    events: { status: 'available', nextCursor: hrefToCursor(NEXT, byEmail, SALT) }
  }
}

function deferred<T>(): { promise: Promise<T>; resolve: (v: T) => void } {
  let resolve: (v: T) => void = () => undefined
  const promise = new Promise<T>((res) => {
    resolve = res
  })
  return { promise, resolve }
}

beforeEach(() => {
  jest.useFakeTimers({ now: NOW, doNotFake: ['nextTick', 'queueMicrotask'] })
})

afterEach(() => {
  jest.useRealTimers()
})

describe('cachedLookup', () => {
  it('answers a fresh covering entry as a HIT without calling AEP', async () => {
    // Prepare
    const stored = view([event(1), event(2), event(3)], { status: 'available', nextCursor: null })
    const w = world({ cache: fakeCache({ view: stored, ageSeconds: 42, fresh: true, tier: 'state' }) })
    // Act
    const answer = await cachedLookup(request({ eventsLimit: 2 }), w.deps, false)
    // Assess
    expect(answer).toEqual({
      customer: { ...JANE, events: [event(1), event(2)] },
      meta: { ...stored.meta, cache: { status: 'HIT', ageSeconds: 42, tier: 'state' } }
    })
    expect([w.aep.profileCalls, w.aep.eventCalls, w.audiences.asked, w.cache.writes]).toEqual([[], [], [], []])
  })

  it("rebinds a HIT's cursor to the identity of this request and shows no events when none are asked for", async () => {
    // Prepare
    const byEmailCursor = hrefToCursor(NEXT, byEmail, SALT)
    const stored = view([event(1)], { status: 'available', nextCursor: byEmailCursor })
    const w = world({ cache: fakeCache({ view: stored, ageSeconds: 5, fresh: true, tier: 'state' }) })
    // Act
    const answer = await cachedLookup(
      request({ identity: byPhone, sections: new Set<Section>(['name', 'audiences']) }),
      w.deps,
      false
    )
    // Assess
    const cursor = rebindCursor(byEmailCursor, byPhone, SALT)
    expect(answer).toEqual({
      customer: { ...JANE, events: [] },
      meta: {
        ...stored.meta,
        events: { status: 'available', nextCursor: cursor },
        cache: { status: 'HIT', ageSeconds: 5, tier: 'state' }
      }
    })
    expect(cursorToHref(cursor ?? '', byPhone, 10, SALT, null)).toContain('relatedEntityIdNS=Phone&start=page-2')
  })

  it('looks a MISS up in AEP once and writes the view it built', async () => {
    // Prepare
    const w = world()
    // Act
    const answer = await cachedLookup(request(), w.deps, false)
    // Assess
    expect(answer).toEqual({ ...FROM_AEP, meta: { ...FROM_AEP.meta, cache: { status: 'MISS', ageSeconds: 0 } } })
    expect(w.aep.profileCalls).toEqual([
      { identity: byEmail, options: { sandbox: 'prod', deadline: NOW + 10_000, mergePolicyId: null } }
    ])
    expect(w.aep.eventCalls).toEqual([
      { identity: byEmail, options: { sandbox: 'prod', deadline: NOW + 10_000, mergePolicyId: null, limit: 10 } }
    ])
    expect(w.audiences.asked).toEqual([['aud-new', 'aud-gold', 'aud-old']])
    expect(w.cache.writes).toEqual([
      { scope: { sandbox: 'prod', mergePolicyId: null }, identity: byEmail, view: FROM_AEP }
    ])
  })

  it.each([
    ['the stored entry has expired', { fresh: false, events: [event(1)] as CustomerEvent[], limit: 1 }],
    [
      'the stored entry holds fewer events than asked for and AEP has more',
      { fresh: true, events: [event(1)] as CustomerEvent[], limit: 5 }
    ]
  ])('goes to AEP when %s', async (_, { fresh, events, limit }) => {
    // Prepare
    const stored = view(events, { status: 'available', nextCursor: hrefToCursor(NEXT, byEmail, SALT) })
    const w = world({ cache: fakeCache({ view: stored, ageSeconds: 400, fresh, tier: 'state' }) })
    // Act
    const answer = await cachedLookup(request({ eventsLimit: limit }), w.deps, false)
    // Assess
    expect([answer.meta.cache, w.aep.profileCalls.length, w.cache.writes.length]).toEqual([
      { status: 'MISS', ageSeconds: 0 },
      1,
      1
    ])
  })

  it('skips a fresh entry on a bypass, answers BYPASS and stores what it read', async () => {
    // Prepare
    const stored = view([event(1)], { status: 'available', nextCursor: null })
    const w = world({ cache: fakeCache({ view: stored, ageSeconds: 1, fresh: true, tier: 'state' }) })
    // Act
    const answer = await cachedLookup(request(), w.deps, true)
    // Assess
    expect(answer).toEqual({ ...FROM_AEP, meta: { ...FROM_AEP.meta, cache: { status: 'BYPASS', ageSeconds: 0 } } })
    expect(w.cache.writes.map((write) => write.view)).toEqual([FROM_AEP])
  })

  it('does not store a view without audiences (it is not a whole view)', async () => {
    // Prepare
    const w = world()
    // Act
    const answer = await cachedLookup(request({ sections: new Set<Section>(['name', 'events']) }), w.deps, false)
    // Assess
    expect([answer.meta.cache, w.audiences.asked, w.cache.writes]).toEqual([{ status: 'MISS', ageSeconds: 0 }, [], []])
  })

  it('serves but does not store a view whose audience names failed to load', async () => {
    // Prepare
    const w = world({ audiences: fakeAudiences(1) })
    // Act
    const answer = await cachedLookup(request(), w.deps, false)
    // Assess
    expect(answer.meta).toEqual({
      ...FROM_AEP.meta,
      incomplete: ['audienceNames'],
      cache: { status: 'MISS', ageSeconds: 0 }
    })
    expect(w.cache.writes).toEqual([])
  })

  it('coalesces concurrent identical misses into one AEP lookup and one write', async () => {
    // Prepare
    const answer = deferred<AepProfileEntity | null>()
    const w = world({ aep: fakeAep(() => answer.promise) })
    // Act
    const lookups = Promise.all([
      cachedLookup(request(), w.deps, false),
      cachedLookup(request(), w.deps, false),
      cachedLookup(request(), w.deps, false)
    ])
    await jest.advanceTimersByTimeAsync(0)
    answer.resolve(JANE_PROFILE)
    const views = await lookups
    // Assess
    const miss = { ...FROM_AEP, meta: { ...FROM_AEP.meta, cache: { status: 'MISS', ageSeconds: 0 } } }
    expect(views).toEqual([miss, miss, miss])
    expect([w.aep.profileCalls.length, w.cache.writes.length]).toEqual([1, 1])
  })

  it('does not coalesce lookups that ask for different events, and forgets a lookup once it is done', async () => {
    // Prepare
    const w = world()
    // Act
    await Promise.all([
      cachedLookup(request({ eventsLimit: 10 }), w.deps, false),
      cachedLookup(request({ eventsLimit: 20 }), w.deps, false)
    ])
    await cachedLookup(request({ eventsLimit: 10 }), w.deps, false)
    // Assess
    expect(w.aep.eventCalls.map((call) => call.options.limit)).toEqual([10, 20, 10])
  })

  it('forgets a failed lookup, so the next request asks AEP again', async () => {
    // Prepare
    let calls = 0
    const w = world({
      aep: fakeAep(async () => {
        calls++
        if (calls === 1) throw new UpstreamError('UPSTREAM_TIMEOUT', 'AEP', 'slow')
        return JANE_PROFILE
      })
    })
    // Act
    const first = await cachedLookup(request(), w.deps, false).catch((e: unknown) => e)
    const second = await cachedLookup(request(), w.deps, false)
    // Assess
    expect([first instanceof UpstreamError, second.meta.cache, calls]).toEqual([
      true,
      { status: 'MISS', ageSeconds: 0 },
      2
    ])
  })

  it.each<UpstreamCode>(['UPSTREAM_UNAVAILABLE', 'UPSTREAM_TIMEOUT', 'UPSTREAM_RATE_LIMITED', 'UPSTREAM_BAD_RESPONSE'])(
    'serves an expired entry as STALE when AEP fails with %s',
    async (code) => {
      // Prepare
      const stored = view([event(1), event(2)], { status: 'available', nextCursor: null })
      const w = world({
        aep: fakeAep(async () => {
          throw new UpstreamError(code, 'AEP', 'AEP failed')
        }),
        cache: fakeCache({ view: stored, ageSeconds: 900, fresh: false, tier: 'state' })
      })
      // Act
      const answer = await cachedLookup(request({ eventsLimit: 1 }), w.deps, false)
      // Assess
      expect(answer).toEqual({
        customer: { ...JANE, events: [event(1)] },
        meta: { ...stored.meta, cache: { status: 'STALE', ageSeconds: 900, staleReason: code, tier: 'state' } }
      })
      expect(w.logger.entries).toEqual([
        { level: 'warn', msg: 'serving stale view', fields: { code, ageSeconds: 900 } }
      ])
      expect(w.cache.writes).toEqual([])
    }
  )

  it.each([
    ["AEP refuses the app's credentials", new UpstreamError('UPSTREAM_AUTH_FAILED', 'AEP', 'refused', 403)],
    ['AEP cannot process the lookup', new UpstreamError('UPSTREAM_UNPROCESSABLE', 'AEP', 'no merge policy', 422)],
    ['the lookup fails for a reason of its own', new Error('bug')]
  ])('throws, rather than serving a stored entry, when %s', async (_, error) => {
    // Prepare
    const stored = view([], { status: 'available', nextCursor: null })
    const w = world({
      aep: fakeAep(async () => {
        throw error
      }),
      cache: fakeCache({ view: stored, ageSeconds: 900, fresh: false, tier: 'state' })
    })
    // Act
    const outcome = cachedLookup(request(), w.deps, false)
    // Assess
    await expect(outcome).rejects.toBe(error)
  })

  it('throws a transient failure when nothing stored could answer the request', async () => {
    // Prepare
    const error = new UpstreamError('UPSTREAM_UNAVAILABLE', 'AEP', 'down', 503)
    const stored = view([event(1)], { status: 'available', nextCursor: hrefToCursor(NEXT, byEmail, SALT) })
    const noEntry = world({
      aep: fakeAep(async () => {
        throw error
      })
    })
    const tooFewEvents = world({
      aep: fakeAep(async () => {
        throw error
      }),
      cache: fakeCache({ view: stored, ageSeconds: 900, fresh: false, tier: 'state' })
    })
    // Act
    const outcomes = await Promise.all(
      [
        cachedLookup(request(), noEntry.deps, false),
        cachedLookup(request({ eventsLimit: 5 }), tooFewEvents.deps, false)
      ].map((p) => p.catch((e: unknown) => e))
    )
    // Assess
    expect(outcomes[0]).toBe(error)
    expect(outcomes[1]).toBe(error)
  })

  it('answers PROFILE_NOT_FOUND for a customer AEP does not know, even with an old entry stored', async () => {
    // Prepare
    const stored = view([], { status: 'available', nextCursor: null })
    const w = world({
      aep: fakeAep(async () => null),
      cache: fakeCache({ view: stored, ageSeconds: 900, fresh: false, tier: 'state' })
    })
    // Act
    const error = await cachedLookup(request(), w.deps, false).catch((e: unknown) => e)
    // Assess
    expect(error).toBeInstanceOf(NotFoundError)
    expect((error as NotFoundError).toJSON()).toEqual({
      code: 'PROFILE_NOT_FOUND',
      message: 'No customer profile matches this email in sandbox "prod".'
    })
    expect(w.cache.writes).toEqual([])
  })
})

describe('covers', () => {
  const more = hrefToCursor(NEXT, byEmail, SALT)

  it.each<[string, CustomerView, LookupRequest, boolean]>([
    [
      'covers a request without events, whatever the entry holds',
      view([], { status: 'unavailable', reason: 'UPSTREAM_TIMEOUT', nextCursor: null }),
      request({ sections: new Set<Section>(['name']) }),
      true
    ],
    [
      'does not cover an events request when the entry has no events',
      view([], { status: 'unavailable', reason: 'UPSTREAM_TIMEOUT', nextCursor: null }),
      request(),
      false
    ],
    [
      'covers a request for as many events as it holds',
      view([event(1), event(2)], { status: 'available', nextCursor: more }),
      request({ eventsLimit: 2 }),
      true
    ],
    [
      'covers a request for more events when it holds all the customer has',
      view([event(1)], { status: 'available', nextCursor: null }),
      request({ eventsLimit: 10 }),
      true
    ],
    [
      'does not cover a request for more events when AEP has more',
      view([event(1)], { status: 'available', nextCursor: more }),
      request({ eventsLimit: 2 }),
      false
    ],
    [
      'does not cover a request for more events when some were trimmed to fit',
      view([event(1)], { status: 'available', nextCursor: null, trimmed: true }),
      request({ eventsLimit: 2 }),
      false
    ]
  ])('%s', (_, cached, req, expected) => {
    // Act
    const covered = covers(cached, req)
    // Assess
    expect(covered).toBe(expected)
  })
})

describe('cacheable', () => {
  it.each<[string, boolean, EventsMeta, string[] | undefined]>([
    ['a complete view', true, { status: 'available', nextCursor: null }, undefined],
    ['a view with an empty incomplete list', true, { status: 'available', nextCursor: null }, []],
    [
      'a view without events AEP refuses to look up',
      true,
      { status: 'unavailable', reason: 'EVENTS_LOOKUP_REFUSED', nextCursor: null },
      undefined
    ],
    [
      'a view without events nobody asked for',
      true,
      { status: 'unavailable', reason: 'NOT_REQUESTED', nextCursor: null },
      undefined
    ],
    [
      'a view whose events failed this time',
      false,
      { status: 'unavailable', reason: 'UPSTREAM_TIMEOUT', nextCursor: null },
      undefined
    ],
    [
      'a view whose events are missing for no stated reason',
      false,
      { status: 'unavailable', nextCursor: null },
      undefined
    ],
    ['a view missing its audience names', false, { status: 'available', nextCursor: null }, ['audienceNames']]
  ])('%s: cacheable %s', (_, expected, events, incomplete) => {
    // Prepare
    const v = view([], events)
    // Act
    const storable = cacheable({ ...v, meta: { ...v.meta, ...(incomplete ? { incomplete } : {}) } })
    // Assess
    expect(storable).toBe(expected)
  })
})
