import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { mappedPaths, parseViewMapping } from '../../../actions/lib/mapping'
import { readPath } from '../../../actions/lib/xdm'
import { AUDIENCES, generateSeed, JANE_FACTS } from '../../../stand-ins/seed/generate'
import { JANE_DOE, type XdmEvent } from '../../../stand-ins/seed/types'

const NOW = new Date('2026-04-20T00:00:00Z')
const seed = generateSeed({ count: 50, now: NOW })
const jane = seed.profile(0)
const events = seed.events(0)
const ofType = (t: string | undefined): XdmEvent[] => events.filter((e) => e.eventType === t)
const cjm = (e: XdmEvent | undefined) => e?._experience?.customerJourneyManagement
const call = (e: XdmEvent | undefined) => e?._demotenant?.interactionDetails?.core?.callCenterAgent
const tracked = (kind: 'open' | 'click'): XdmEvent[] =>
  ofType('message.tracking').filter((e) => cjm(e)?.messageInteraction?.interactionType === kind)

describe('Jane Doe (customer 0)', () => {
  it('is found by e-mail, phone and CRM id', () => {
    expect(seed.find('email', JANE_DOE.email)).toBe(0)
    expect(seed.find('phone', JANE_DOE.phone)).toBe(0)
    expect(seed.find('crmid', JANE_DOE.crmid)).toBe(0)
    expect(seed.find('Email', JANE_DOE.email)).toBe(0)
  })

  it('has her exact identities, with AEP namespace codes in the identityMap', () => {
    expect(jane.identityMap.Email).toEqual([
      { id: 'jane.doe@example.com', primary: false, authenticatedState: 'authenticated' }
    ])
    expect(jane.identityMap.Phone?.[0]?.id).toBe('+14155550123')
    expect(jane.identityMap.CRMID).toEqual([{ id: 'CRM-000001', primary: true, authenticatedState: 'authenticated' }])
    expect(jane.identityMap.ECID).toHaveLength(2)
    for (const e of jane.identityMap.ECID ?? []) expect(e.id).toMatch(/^\d{38}$/)
    expect(jane.identityMap.LoyaltyID?.[0]?.id).toMatch(/^\d{10}$/)
    const ids = seed.identities(0)
    expect(ids).toEqual(
      expect.arrayContaining([
        { namespace: 'email', id: JANE_DOE.email },
        { namespace: 'phone', id: JANE_DOE.phone },
        { namespace: 'crmid', id: JANE_DOE.crmid }
      ])
    )
    for (const { namespace, id } of ids) expect(seed.find(namespace, id)).toBe(0)
  })

  it('has her attributes', () => {
    expect(jane.person?.name).toEqual({ firstName: 'Jane', lastName: 'Doe', fullName: 'Jane Doe' })
    expect(jane.personalEmail?.address).toBe(JANE_DOE.email)
    expect(jane.mobilePhone?.number).toBe(JANE_DOE.phone)
    expect(jane.loyalty?.tier).toBe(JANE_DOE.loyaltyTier)
    expect(jane.loyalty?.points).toBeGreaterThanOrEqual(20000)
    expect(jane.loyalty?.points).toBeLessThan(50000)
    expect(jane.homeAddress).toMatchObject({ city: 'San Francisco', stateProvince: 'CA', countryCode: 'US' })
    expect(jane.homeAddress?.postalCode).toMatch(/^941\d\d$/)
    expect(jane.preferredLanguage).toBe('en-US')
    expect(jane._demotenant?.customerSince).toBe(JANE_FACTS.customerSince)
    expect(jane._demotenant?.clv).toEqual({ value: 4825.6, currency: 'USD' })
    expect(jane._demotenant?.scores).toEqual({ churnPropensity: 0.22, engagementPropensity: 0.81 })
    expect(jane._demotenant?.serviceLevel).toBe('priority')
  })

  it('reads the e-mails she agreed to, and said no to text messages', () => {
    expect(jane.consents).toEqual({
      collect: { val: 'y' },
      share: { val: 'n' },
      personalize: { content: { val: 'y' } },
      marketing: {
        preferred: 'email',
        email: { val: 'y', time: '2019-03-14T18:20:00.000Z' },
        sms: { val: 'n', time: '2021-09-02T10:05:00.000Z', reason: 'Not Relevant' },
        push: { val: 'y', time: '2023-05-20T08:12:00.000Z' }
      },
      metadata: { time: '2023-05-20T08:12:00.000Z' }
    })
  })

  it('carries AEP computed attributes and Customer AI scores that match her events', () => {
    expect(jane._demotenant?.SystemComputedAttributes).toEqual({
      purchases6Months: { value: 5 },
      totalSpend6Months: { value: 388.99 + 85.5 + 78 + 98 + 295 },
      lastViewedProduct: { value: 'Noise-Cancelling Headphones' }
    })
    expect(jane._demotenant?.CustomerAI).toEqual({
      churn90Days: {
        score: 19,
        probability: 0.19,
        percentile: 34,
        propensityType: 'churn',
        // NOW is a Monday: the weekly run was the day before.
        scoreDate: '2026-04-19',
        influentialFactors: [
          { code: 'supportCalls30Days', value: '2', importance: 'high' },
          { code: 'emailOpens90Days', value: '3', importance: 'medium' },
          { code: 'daysSinceLastPurchase', value: '8', importance: 'low' }
        ]
      }
    })
  })

  it('belongs to at least 3 audiences and has exited one', () => {
    const ups = jane.segmentMembership?.ups ?? {}
    const known = new Set(AUDIENCES.map((a) => a.id))
    const entries = Object.entries(ups)
    for (const [id, m] of entries) {
      expect(known.has(id)).toBe(true)
      expect(Date.parse(m.lastQualificationTime)).toBeLessThanOrEqual(NOW.getTime())
    }
    expect(entries.filter(([, m]) => m.status === 'realized').length).toBeGreaterThanOrEqual(3)
    expect(entries.filter(([, m]) => m.status === 'exited').length).toBeGreaterThanOrEqual(1)
    expect(entries.length).toBeLessThanOrEqual(6)
  })

  it("has exactly 24 events in Adobe's shapes, newest first, within the year before now", () => {
    expect(events).toHaveLength(24)
    const count = (t: string | undefined): number => ofType(t).length
    expect({
      purchases: count('commerce.purchases'),
      productViews: count('commerce.productViews'),
      cartAdds: count('commerce.productListAdds'),
      checkouts: count('commerce.checkouts'),
      pageViews: count('web.webpagedetails.pageViews'),
      opens: tracked('open').length,
      clicks: tracked('click').length,
      feedback: count('message.feedback'),
      appLaunches: count('application.launch'),
      calls: count(undefined)
    }).toEqual({
      purchases: 6,
      productViews: 2,
      cartAdds: 1,
      checkouts: 1,
      pageViews: 2,
      opens: 4,
      clicks: 3,
      feedback: 1,
      appLaunches: 1,
      calls: 3
    })
    const times = events.map((e) => Date.parse(e.timestamp))
    for (let k = 1; k < times.length; k++) expect(times[k]).toBeLessThanOrEqual(times[k - 1] ?? 0)
    for (const t of times) {
      expect(t).toBeLessThan(NOW.getTime())
      expect(t).toBeGreaterThan(NOW.getTime() - 365 * 86_400_000)
    }
    expect(new Set(events.map((e) => e._id)).size).toBe(24)
  })

  it('has purchases with amounts, e-mails with campaigns, a cart she left and calls with topics', () => {
    for (const p of ofType('commerce.purchases')) {
      expect(p.commerce?.purchases?.value).toBe(1)
      expect(p.commerce?.order?.currencyCode).toBe('USD')
      const items = p.productListItems ?? []
      expect(items.length).toBeGreaterThan(0)
      const sum = items.reduce((s, x) => s + x.priceTotal, 0)
      expect(p.commerce?.order?.priceTotal).toBeCloseTo(sum, 2)
    }
    expect(ofType('commerce.purchases').map((p) => p.commerce?.order?.priceTotal)).toEqual([
      388.99, 85.5, 78, 98, 295, 120
    ])
    const channels = new Set(ofType('commerce.purchases').map((p) => p.channel?._type))
    expect(channels).toEqual(
      new Set([
        'https://ns.adobe.com/xdm/channel-types/web',
        'https://ns.adobe.com/xdm/channel-types/mobile',
        'https://ns.adobe.com/xdm/channel-types/instore'
      ])
    )
    for (const e of [...ofType('message.tracking'), ...ofType('message.feedback')]) {
      expect(e.channel).toEqual({ _type: 'https://ns.adobe.com/xdm/channel-types/email' })
      const m = cjm(e)
      expect(m?.messageProfile).toEqual({ channel: { _id: 'https://ns.adobe.com/xdm/channels/email' } })
      expect(m?.entities?.campaign?.name ?? m?.entities?.journey?.journeyName).toMatch(/\S+ 20\d\d$/)
      expect(e.identityMap?.Email?.[0]?.id).toBe(JANE_DOE.email)
    }
    expect(cjm(tracked('click')[0])?.entities?.campaign?.name).toBe('Spring Sale 2026')
    expect(cjm(ofType('message.feedback')[0])?.messageDeliveryfeedback).toEqual({ feedbackStatus: 'sent' })
    // The loyalty e-mail comes from a journey, not a campaign.
    expect(cjm(tracked('open')[2])?.entities?.journey?.journeyName).toBe('Rewards Club Points Update – March 2026')
    // She added the scarf to her cart and looked at the cart, but did not buy it (again).
    expect(ofType('commerce.productListAdds')[0]?.productListItems).toEqual([
      { SKU: 'ACC-SCF-7210', name: 'Cashmere Scarf', quantity: 1, priceTotal: 120, currencyCode: 'USD' }
    ])
    expect(events[1]?.web?.webPageDetails).toEqual({
      name: 'Cart',
      URL: 'https://www.example.com/cart',
      pageViews: { value: 1 }
    })
    expect(ofType('commerce.checkouts')[0]?.productListItems?.map((i) => i.SKU)).toEqual([
      'ELE-AUD-8101',
      'ELE-CHG-8230'
    ])
    // Her latest interaction: an unresolved call about a late delivery, recorded by the call centre.
    expect(events[0]?.eventType).toBeUndefined()
    expect(call(events[0])).toEqual({
      callID: expect.stringMatching(/^Support Contact - \d{9}$/),
      callTopic: 'Delivery delay',
      callFeeling: 'negative',
      callOutcome: 'Escalated',
      callDurationSeconds: 540
    })
    expect(ofType(undefined).map((e) => [call(e)?.callTopic, call(e)?.callOutcome])).toEqual([
      ['Delivery delay', 'Escalated'],
      ['Order status', 'Resolved'],
      ['Loyalty points question', 'Resolved']
    ])
    const ecids = new Set((jane.identityMap.ECID ?? []).map((e) => e.id))
    for (const e of events) expect(ecids.has(e.identityMap?.ECID?.[0]?.id ?? '')).toBe(true)
  })

  it('is the same customer whatever the PRNG seed and count', () => {
    const other = generateSeed({ count: 3, seed: 7, now: NOW })
    expect(other.profile(0).personalEmail).toEqual(jane.personalEmail)
    expect(other.profile(0)._demotenant).toEqual(jane._demotenant)
    expect(other.events(0).map((e) => [e.timestamp, e.eventType])).toEqual(
      events.map((e) => [e.timestamp, e.eventType])
    )
  })

  it('shows every field of the demo mapping, and her calls are what its rule recognises', () => {
    // Arrange
    const mapping = parseViewMapping(
      readFileSync(join(__dirname, '..', '..', '..', 'stand-ins', 'seed', 'demo-mapping.json'), 'utf8')
    )
    const calls = events.filter((e) => e.eventType === undefined)

    // Act
    // The wrap-up's fields are written by agents; seeded calls need not carry the optional ones.
    const read = mappedPaths(mapping).filter((p) => !p.where.startsWith('interactions.'))
    const unread = read.filter((p) =>
      p.schema === 'profile'
        ? readPath(jane, p.path) === undefined
        : calls.some((c) => readPath(c, p.path) === undefined)
    )
    const rule = mapping.events[0]
    const matched = events.filter(
      (e) => rule && 'hasPath' in rule.match && readPath(e, rule.match.hasPath) !== undefined
    )

    // Assess
    expect(unread).toEqual([])
    expect(matched).toEqual(calls)
    expect(readPath(jane, '_demotenant.serviceLevel')).toBe('priority')
  })
})
