import { AUDIENCES, generateSeed, JANE_FACTS } from '../../../stand-ins/seed/generate'
import { JANE_DOE, type XdmEvent } from '../../../stand-ins/seed/types'

const NOW = new Date('2026-04-20T00:00:00Z')
const seed = generateSeed({ count: 50, now: NOW })
const jane = seed.profile(0)
const events = seed.events(0)
const ofType = (t: string): XdmEvent[] => events.filter((e) => e.eventType === t)

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

  it('has exactly 24 events of every kind, newest first, within the year before now', () => {
    expect(events).toHaveLength(24)
    for (const t of [
      'commerce.purchases',
      'directMarketing.emailOpened',
      'directMarketing.emailClicked',
      'web.webpagedetails.pageViews',
      'support.callCompleted'
    ]) {
      expect(ofType(t).length).toBeGreaterThanOrEqual(1)
    }
    const times = events.map((e) => Date.parse(e.timestamp))
    for (let k = 1; k < times.length; k++) expect(times[k]).toBeLessThanOrEqual(times[k - 1] ?? 0)
    for (const t of times) {
      expect(t).toBeLessThan(NOW.getTime())
      expect(t).toBeGreaterThan(NOW.getTime() - 365 * 86_400_000)
    }
    expect(new Set(events.map((e) => e._id)).size).toBe(24)
  })

  it('has purchases with amounts, e-mails with campaigns, visits with pages and calls with reasons', () => {
    for (const p of ofType('commerce.purchases')) {
      expect(p.commerce?.purchases?.value).toBe(1)
      expect(p.commerce?.order?.currencyCode).toBe('USD')
      const items = p.productListItems ?? []
      expect(items.length).toBeGreaterThan(0)
      const sum = items.reduce((s, x) => s + x.priceTotal, 0)
      expect(p.commerce?.order?.priceTotal).toBeCloseTo(sum, 2)
    }
    const channels = new Set(ofType('commerce.purchases').map((p) => p.channel?._type))
    expect(channels).toEqual(
      new Set([
        'https://ns.adobe.com/xdm/channel-types/web',
        'https://ns.adobe.com/xdm/channel-types/mobile',
        'https://ns.adobe.com/xdm/channel-types/instore'
      ])
    )
    for (const e of [...ofType('directMarketing.emailOpened'), ...ofType('directMarketing.emailClicked')]) {
      expect(e.channel).toEqual({ _type: 'https://ns.adobe.com/xdm/channel-types/email' })
      expect(e._experience?.customerJourneyManagement?.messageExecution?.campaignName).toMatch(/\S+ 20\d\d$/)
      expect(e.identityMap?.Email?.[0]?.id).toBe(JANE_DOE.email)
    }
    expect(
      ofType('directMarketing.emailClicked')[0]?._experience?.customerJourneyManagement?.messageExecution?.campaignName
    ).toBe('Spring Sale 2026')
    for (const e of ofType('web.webpagedetails.pageViews')) {
      expect(e.web?.webPageDetails?.name).toBeTruthy()
      expect(e.web?.webPageDetails?.URL).toMatch(/^https:\/\/www\.example\.com\//)
    }
    for (const e of ofType('support.callCompleted')) {
      expect(e._demotenant?.support?.reason).toBeTruthy()
      expect(e._demotenant?.support?.durationSeconds).toBeGreaterThan(0)
      expect(typeof e._demotenant?.support?.resolved).toBe('boolean')
    }
    // Her latest interaction: an unresolved call about a late delivery.
    expect(events[0]?._demotenant?.support).toEqual({ reason: 'Delivery delay', durationSeconds: 540, resolved: false })
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
})
