/**
 * AEP data is untrusted input too. Hand-made customers with missing fields, wrong types, HTML and
 * script in names, control characters, 5 000 events, hundreds of identities and audiences,
 * prototype-pollution keys and deep nesting go through the real actions: every view builds (200,
 * odd fields null or cleaned, strings bounded, events within eventsLimit), nothing crashes, and
 * what is cached fits the State service.
 */
import { main as events } from '../../actions/customer-events'
import { main as profile } from '../../actions/customer-profile'
import { main as batch } from '../../actions/customer-profiles'
import type { BatchAnswer } from '../../actions/lib/lookup/batch-lookup'
import type { CustomerView } from '../../actions/lib/view/view-types'
import type { ExtraProfile } from '../../stand-ins'
import type { SeedIdentity, XdmEvent, XdmProfile } from '../../stand-ins/seed/types'
import {
  customerProblems,
  errorCode,
  storedViewProblems,
  valueProblems,
  viewKeys,
  viewProblems,
  watchUnhandledRejections
} from '../faults/support'
import { bodyOf, startTestEnv, type TestEnv } from '../integration/harness'
import { recordProblems } from './aep-requests'

let env: TestEnv
const unhandled = watchUnhandledRejections()

const XSS = [
  '<img src=x onerror=alert(1)>',
  '<script>alert(document.cookie)</script>',
  '"><svg onload=alert(1)>',
  "javascript:alert('x')"
]
const email = (name: string): string => `${name}@hostile.example`
const asProfile = (p: Record<string, unknown>): XdmProfile => p as unknown as XdmProfile
const asEvents = (list: Array<Record<string, unknown>>): XdmEvent[] => list as unknown as XdmEvent[]
const customer = (
  name: string,
  profile: Record<string, unknown>,
  evts: Array<Record<string, unknown>> = [],
  extraIds: SeedIdentity[] = []
): ExtraProfile => ({
  identities: [{ namespace: 'email', id: email(name) }, ...extraIds],
  profile: asProfile({ identityMap: { Email: [{ id: email(name), primary: true }] }, ...profile }),
  events: asEvents(evts)
})
const deep = (depth: number): unknown =>
  Array.from({ length: depth }).reduce<unknown>((inner) => ({ d: inner }), 'bottom')
const day = (k: number): string => new Date(Date.UTC(2026, 0, 1) - k * 3_600_000).toISOString()

const HOSTILE: Record<string, ExtraProfile> = {
  // Nothing but a tenant object: no identityMap, no person, no contact.
  bare: { identities: [{ namespace: 'email', id: email('bare') }], profile: asProfile({ _demotenant: {} }) },
  wrongTypes: customer(
    'wrong.types',
    {
      identityMap: { Email: { id: email('wrong.types') }, CRMID: 'CRM-X', Phone: [null, 5, { id: 7 }, { id: ['x'] }] },
      person: { name: { firstName: 42, lastName: ['Doe'], fullName: { x: 1 } }, birthDate: 'not a date' },
      personalEmail: [email('wrong.types')],
      mobilePhone: { number: 4155550123 },
      homeAddress: 'Main Street 1',
      loyalty: { tier: 7, points: '1200', joinDate: 12345 },
      preferredLanguage: { lang: 'en' },
      segmentMembership: { ups: [1, 2, 3] },
      _demotenant: {
        clv: { value: '12.5', currency: 5 },
        scores: { churnPropensity: 'high', engagementPropensity: 2 },
        customerSince: 17
      }
    },
    [
      { _id: 7, timestamp: 'yesterday', eventType: 9 },
      { timestamp: day(1), eventType: 'commerce.purchases' },
      { _id: 'no-time', eventType: 'web.webpagedetails.pageViews' }
    ]
  ),
  script: customer(
    'script',
    {
      person: {
        name: { firstName: XSS[0], lastName: XSS[1], fullName: `${XSS[2]}\u0000\u001b[31m\r\nInjected: header\u202e` }
      },
      homeAddress: { street1: XSS[3], city: 'x'.repeat(1_000_000), countryCode: '<b>' },
      loyalty: { tier: '<b>gold</b>' }
    },
    [
      {
        _id: 'evt-<script>',
        timestamp: day(1),
        eventType: '<script>alert(1)</script>',
        web: { webPageDetails: { name: XSS[0] } }
      },
      {
        _id: 'evt-2',
        timestamp: day(2),
        eventType: 'directMarketing.emailOpened',
        _experience: { customerJourneyManagement: { messageExecution: { campaignName: XSS[1] } } }
      },
      {
        _id: 'evt-3',
        timestamp: day(3),
        eventType: 'commerce.purchases',
        productListItems: [{ quantity: 2, priceTotal: 10 }],
        commerce: { order: { currencyCode: '<i>' } }
      }
    ]
  ),
  // Numbers JSON can carry whose sum cannot be: 2 × 1e308 is Infinity (and JSON null).
  overflow: customer('overflow', { person: { name: { firstName: 'Over', lastName: 'Flow' } } }, [
    {
      _id: 'evt-1',
      timestamp: day(1),
      eventType: 'commerce.purchases',
      productListItems: [
        { quantity: 1e308, priceTotal: 1e308 },
        { quantity: 1e308, priceTotal: 1e308 }
      ]
    },
    {
      _id: 'evt-2',
      timestamp: day(2),
      eventType: 'commerce.purchases',
      commerce: { order: { priceTotal: 1.7e308, currencyCode: 'USD' } }
    }
  ]),
  manyEvents: customer(
    'many.events',
    { person: { name: { firstName: 'Many', lastName: 'Events' } } },
    Array.from({ length: 5000 }, (_, k) => ({
      _id: `evt-${k}`,
      timestamp: day(k),
      eventType: k % 3 === 0 ? 'commerce.purchases' : 'web.webpagedetails.pageViews',
      web: { webPageDetails: { name: 'p'.repeat(k % 500) } }
    }))
  ),
  manyIdentities: customer(
    'many.identities',
    {
      identityMap: {
        Email: Array.from({ length: 150 }, (_, k) => ({ id: `alias${k}@hostile.example` })),
        ECID: Array.from({ length: 150 }, (_, k) => ({ id: String(10n ** 37n + BigInt(k)) }))
      },
      person: { name: { firstName: 'Many', lastName: 'Identities' } }
    },
    [],
    Array.from({ length: 49 }, (_, k) => ({ namespace: 'ecid', id: String(10n ** 37n + BigInt(k)) }))
  ),
  overGuardrail: customer(
    'over.guardrail',
    {},
    [],
    Array.from({ length: 50 }, (_, k) => ({ namespace: 'ecid', id: String(2n * 10n ** 37n + BigInt(k)) }))
  ),
  manyAudiences: customer('many.audiences', {
    segmentMembership: {
      ups: Object.fromEntries([
        ...Array.from({ length: 300 }, (_, k) => [
          `aud-${k}`,
          { status: k % 2 ? 'realized' : 'exited', lastQualificationTime: k % 7 ? day(k) : 'garbage' }
        ]),
        ['../../config/mergePolicies', { status: 'realized' }],
        ['<script>', { status: 'realized' }],
        ['a'.repeat(100), { status: 'realized' }],
        ['weird-status', { status: '<b>' }]
      ])
    }
  }),
  pollution: customer(
    'pollution',
    JSON.parse(
      '{"person":{"__proto__":{"polluted":true},"name":{"firstName":"Proto","constructor":{"prototype":{"polluted":true}}}},"identityMap":{"__proto__":[{"id":"p1"}],"constructor":[{"id":"p2"}],"Email":[{"id":"pollution@hostile.example"}]}}'
    ) as Record<string, unknown>
  ),
  deep: customer('deep', { _demotenant: { deep: deep(2000) }, person: { name: { firstName: 'Deep' } } })
}

/** The longest string in the customer part of an answer. */
function longestString(value: unknown): number {
  if (typeof value === 'string') return value.length
  if (Array.isArray(value)) return Math.max(0, ...value.map(longestString))
  if (typeof value === 'object' && value !== null) return Math.max(0, ...Object.values(value).map(longestString))
  return 0
}

beforeAll(async () => {
  env = await startTestEnv({ customers: 50, aep: { extraProfiles: Object.values(HOSTILE) } })
})
afterAll(async () => {
  unhandled.stop()
  await env.close()
})
beforeEach(() => env.reset())

const lookup = (name: string, extra: Record<string, string> = {}) =>
  env.call(profile, { namespace: 'email', id: email(name), ...extra })

describe('customer-profile with hostile AEP data', () => {
  it.each([
    'bare',
    'wrong.types',
    'script',
    'overflow',
    'many.events',
    'many.identities',
    'many.audiences',
    'pollution',
    'deep'
  ])('builds a whole, clean, bounded view of "%s"', async (name) => {
    const res = await lookup(name, { eventsLimit: '100' })
    expect(res.statusCode).toBe(200)
    expect(viewProblems(res.body)).toEqual([])
    const { customer: c } = bodyOf<CustomerView>(res)
    expect(valueProblems(c)).toEqual([])
    expect(longestString(c)).toBeLessThanOrEqual(256)
    expect(c.events.length).toBeLessThanOrEqual(100)
    expect(c.identities.length).toBeLessThanOrEqual(50)
    expect(c.audiences.length).toBeLessThanOrEqual(200)
    expect(storedViewProblems(env)).toEqual([])
    expect(env.standIns.aep.control.requests().flatMap(recordProblems)).toEqual([])
  })

  it('drops every field of the wrong type to null instead of trusting it', async () => {
    const { customer: c } = bodyOf<CustomerView>(await lookup('wrong.types'))
    expect(c.name).toEqual({ first: null, last: null, full: null })
    expect(c.contact).toEqual({ email: null, phone: null, address: null })
    expect(c.attributes).toEqual({
      loyaltyTier: null,
      loyaltyPoints: null,
      customerSince: null,
      preferredLanguage: null,
      birthDate: null
    })
    expect(c.insights.churnPropensity).toBeNull()
    expect(c.insights.engagementPropensity).toBeNull()
    expect([c.identities, c.audiences, c.events]).toEqual([[], [], []])
  })

  it('keeps HTML as inert text (the UI renders text) and strips control characters', async () => {
    const { customer: c } = bodyOf<CustomerView>(await lookup('script'))
    expect(c.name.first).toBe(XSS[0])
    // biome-ignore lint/suspicious/noControlCharactersInRegex: asserts control characters are stripped
    expect(c.name.full).not.toMatch(/[\u0000-\u001f]/)
    expect(c.contact.address?.city?.length).toBeLessThanOrEqual(200)
    expect(c.events.map((e) => e.summary).join(' ')).toContain(XSS[1])
  })

  it('keeps purchase sums of huge quantities and prices finite numbers (or leaves them out)', async () => {
    const res = await lookup('overflow')
    expect(res.statusCode).toBe(200)
    const details = bodyOf<CustomerView>(res).customer.events.map((e) => e.details)
    expect(details).toHaveLength(2)
    expect(valueProblems(details)).toEqual([])
  })

  it('shows at most eventsLimit of 5 000 events, newest first, and caches a view under 1 MB', async () => {
    const res = await lookup('many.events', { eventsLimit: '25' })
    const { customer: c, meta } = bodyOf<CustomerView>(res)
    expect(c.events).toHaveLength(25)
    expect(c.events[0]?.id).toBe('evt-0')
    expect(meta.events.nextCursor).toEqual(expect.any(String))
    const sizes = viewKeys(env).map((k) => env.standIns.state.store.get('cah-local', k)?.value.length ?? 0)
    expect(Math.max(...sizes)).toBeLessThan(1_000_000)
  })

  it('answers a customer over the 50-identity guardrail with 422 UPSTREAM_UNPROCESSABLE', async () => {
    const res = await lookup('over.guardrail')
    expect([res.statusCode, errorCode(res)]).toEqual([422, 'UPSTREAM_UNPROCESSABLE'])
  })

  it('leaves Object.prototype unpolluted by __proto__ and constructor keys', async () => {
    expect((await lookup('pollution')).statusCode).toBe(200)
    const probe: Record<string, unknown> = {}
    expect(probe.polluted).toBeUndefined()
  })
})

describe('batch and events with hostile AEP data', () => {
  it('answers a batch of every hostile customer with a clean result each', async () => {
    const names = [
      'bare',
      'wrong.types',
      'script',
      'overflow',
      'many.events',
      'many.identities',
      'many.audiences',
      'pollution',
      'deep',
      'over.guardrail'
    ]
    const res = await env.call(
      batch,
      {},
      {
        method: 'POST',
        body: {
          identities: names.map((n) => ({ namespace: 'email', id: email(n) })),
          include: ['name', 'contact', 'audiences', 'events'],
          eventsLimit: 100
        }
      }
    )
    expect(res.statusCode).toBe(200)
    const { results } = bodyOf<BatchAnswer>(res)
    // AEP leaves a profile over the guardrail out of a multi-entity answer: not found.
    expect(results.map((r) => r.status)).toEqual([...Array(9).fill('found'), 'not_found'])
    for (const r of results.filter((x) => x.status === 'found')) {
      expect(customerProblems(r.customer, ['name', 'contact', 'audiences', 'events'])).toEqual([])
      expect(valueProblems(r.customer)).toEqual([])
      expect(r.customer?.events?.length).toBeLessThanOrEqual(100)
    }
  })

  it('pages 5 000 events 100 at a time with clean entries', async () => {
    let res = await env.call(events, { namespace: 'email', id: email('many.events'), limit: '100' })
    for (let page = 0; page < 3; page++) {
      expect(res.statusCode).toBe(200)
      const body = bodyOf<{ events: unknown[]; nextCursor: string | null }>(res)
      expect(body.events).toHaveLength(100)
      expect(valueProblems(body.events)).toEqual([])
      res = await env.call(events, {
        namespace: 'email',
        id: email('many.events'),
        limit: '100',
        cursor: body.nextCursor
      })
    }
  })

  it('raised no unhandled rejection', () => {
    expect(unhandled.seen).toEqual([])
  })
})
