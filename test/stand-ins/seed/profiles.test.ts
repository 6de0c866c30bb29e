import { AUDIENCE, AUDIENCES, generateSeed } from '../../../stand-ins/seed/generate'
import type { XdmProfile } from '../../../stand-ins/seed/types'

const NOW = new Date('2026-04-20T00:00:00Z')
const COUNT = 5000
const seed = generateSeed({ count: COUNT, now: NOW })
const profiles: XdmProfile[] = Array.from({ length: COUNT }, (_, i) => seed.profile(i))
const share = (pred: (p: XdmProfile) => boolean): number => profiles.filter(pred).length / COUNT
const TWO_DECIMALS = (x: number): boolean => Math.abs(x * 100 - Math.round(x * 100)) < 1e-9
const POINTS: Record<string, [number, number]> = {
  bronze: [0, 4999],
  silver: [5000, 19999],
  gold: [20000, 49999],
  platinum: [50000, 149999]
}

describe('profiles', () => {
  it('have scores in 0..1 with two decimals and a realistic spread', () => {
    const churn: number[] = []
    for (const p of profiles) {
      const s = p._demotenant?.scores
      if (!s) continue
      for (const v of [s.churnPropensity, s.engagementPropensity]) {
        expect(v).toBeGreaterThanOrEqual(0)
        expect(v).toBeLessThanOrEqual(1)
        expect(TWO_DECIMALS(v ?? 0)).toBe(true)
      }
      churn.push(s.churnPropensity ?? 0)
    }
    churn.sort((a, b) => a - b)
    const median = churn[Math.floor(churn.length / 2)] ?? 0
    expect(median).toBeGreaterThan(0.05)
    expect(median).toBeLessThan(0.5)
    const atRisk = churn.filter((c) => c >= 0.7).length / churn.length
    expect(atRisk).toBeGreaterThan(0.03)
    expect(atRisk).toBeLessThan(0.3)
  })

  it('mix countries, languages, cultures and currencies', () => {
    const us = share((p) => p.homeAddress?.countryCode === 'US')
    expect(us).toBeGreaterThan(0.45)
    expect(us).toBeLessThan(0.75)
    for (const cc of ['TW', 'GB', 'DE', 'AU'])
      expect(share((p) => p.homeAddress?.countryCode === cc)).toBeGreaterThan(0.03)
    const languages = new Set(profiles.map((p) => p.preferredLanguage))
    for (const l of ['en-US', 'zh-TW', 'zh-Hant-TW', 'en-GB', 'de-DE', 'en-AU', 'es-US'])
      expect(languages.has(l)).toBe(true)
    const han = profiles.filter((p) => /\p{Script=Han}/u.test(p.person?.name?.fullName ?? ''))
    expect(han.length / COUNT).toBeGreaterThan(0.08)
    expect(han.some((p) => p.preferredLanguage === 'zh-TW' || p.preferredLanguage === 'zh-Hant-TW')).toBe(true)
    for (const p of han)
      expect(p.person?.name?.fullName).toBe(`${p.person?.name?.lastName ?? ''}${p.person?.name?.firstName ?? ''}`)
    const currencies = new Set(profiles.map((p) => p._demotenant?.clv?.currency).filter(Boolean))
    expect([...currencies].sort()).toEqual(['AUD', 'EUR', 'GBP', 'TWD', 'USD'])
    for (const p of profiles) {
      const clv = p._demotenant?.clv
      if (clv?.currency === 'TWD') expect(Number.isInteger(clv.value)).toBe(true)
      if (clv) expect(TWO_DECIMALS(clv.value ?? 0)).toBe(true)
      if (p.homeAddress?.countryCode === 'TW' && clv) expect(clv.currency).toBe('TWD')
      if (p.homeAddress?.countryCode === 'GB' && clv) expect(clv.currency).toBe('GBP')
    }
  })

  it('have loyalty tiers with consistent points, and about 20% non-members', () => {
    const none = share((p) => p.loyalty === undefined)
    expect(none).toBeGreaterThan(0.12)
    expect(none).toBeLessThan(0.28)
    const tiers = new Set<string>()
    for (const p of profiles) {
      const l = p.loyalty
      if (!l) {
        expect(p.identityMap.LoyaltyID).toBeUndefined()
        continue
      }
      tiers.add(l.tier ?? '')
      const [lo, hi] = POINTS[l.tier ?? ''] ?? [NaN, NaN]
      expect(l.points).toBeGreaterThanOrEqual(lo)
      expect(l.points).toBeLessThanOrEqual(hi)
      expect(l.joinDate).toMatch(/^\d{4}-\d{2}-\d{2}$/)
      expect((l.joinDate ?? '') >= (p._demotenant?.customerSince ?? '')).toBe(true)
      expect(p.identityMap.LoyaltyID).toHaveLength(1)
    }
    expect([...tiers].sort()).toEqual(['bronze', 'gold', 'platinum', 'silver'])
  })

  it('have 0–6 audiences from the audience list, mostly realized', () => {
    const known = new Set(AUDIENCES.map((a) => a.id))
    let realized = 0
    let exited = 0
    const used = new Set<string>()
    for (const p of profiles) {
      const entries = Object.entries(p.segmentMembership?.ups ?? {})
      expect(entries.length).toBeLessThanOrEqual(6)
      for (const [id, m] of entries) {
        expect(known.has(id)).toBe(true)
        used.add(id)
        expect(['realized', 'exited']).toContain(m.status)
        if (m.status === 'realized') realized++
        else exited++
        const t = Date.parse(m.lastQualificationTime)
        expect(new Date(t).toISOString()).toBe(m.lastQualificationTime)
        expect(t).toBeLessThanOrEqual(NOW.getTime())
      }
    }
    expect(used.size).toBe(AUDIENCES.length)
    expect(realized).toBeGreaterThan(exited)
    expect(exited).toBeGreaterThan(0)
    expect(share((p) => Object.keys(p.segmentMembership?.ups ?? {}).length === 0)).toBeGreaterThan(0)
  })

  it('put only Traditional Chinese speakers living in Taipei in the zh-Hant Taipei audience', () => {
    let members = 0
    for (const p of profiles) {
      if (!p.segmentMembership?.ups?.[AUDIENCE.zhHantTaipei]) continue
      members++
      expect(p.preferredLanguage).toMatch(/^zh/)
      expect(p.homeAddress?.city).toBe('臺北市')
    }
    expect(members).toBeGreaterThan(10)
  })

  it('include customers without address, phone, e-mail, birth date, scores or CLV', () => {
    for (const missing of [
      (p: XdmProfile) => p.homeAddress === undefined,
      (p: XdmProfile) => p.mobilePhone === undefined && p.identityMap.Phone === undefined,
      (p: XdmProfile) => p.personalEmail === undefined && p.identityMap.Email === undefined,
      (p: XdmProfile) => p.person?.birthDate === undefined,
      (p: XdmProfile) => p._demotenant?.scores === undefined,
      (p: XdmProfile) => p._demotenant?.clv === undefined,
      (p: XdmProfile) => p.preferredLanguage === undefined
    ]) {
      const s = share(missing)
      expect(s).toBeGreaterThan(0.005)
      expect(s).toBeLessThan(0.15)
    }
  })

  it('have country-shaped addresses and dates in the past', () => {
    for (const p of profiles) {
      const a = p.homeAddress
      if (a) {
        expect(a.street1).toBeTruthy()
        expect(a.city).toBeTruthy()
        if (a.countryCode === 'US') expect(a.postalCode).toMatch(/^\d{5}$/)
        if (a.countryCode === 'DE') expect(a.postalCode).toMatch(/^\d{5}$/)
        if (a.countryCode === 'AU') expect(a.postalCode).toMatch(/^\d{4}$/)
        if (a.countryCode === 'TW') expect(a.postalCode).toMatch(/^\d{5}$/)
        if (a.countryCode === 'GB') expect(a.postalCode).toMatch(/^[A-Z]{1,2}\d[A-Z\d]? \d[A-Z]{2}$/)
      }
      const since = p._demotenant?.customerSince ?? ''
      expect(since).toMatch(/^\d{4}-\d{2}-\d{2}$/)
      expect(Date.parse(since)).toBeLessThan(NOW.getTime())
      if (p.person?.birthDate) {
        const age = (NOW.getTime() - Date.parse(p.person.birthDate)) / (365.25 * 86_400_000)
        expect(age).toBeGreaterThanOrEqual(17.9)
        expect(age).toBeLessThan(90)
      }
    }
  })
})

describe('profiles: what consent platforms and AEP itself add', () => {
  const VALUES = ['y', 'n', 'p', 'u']

  it('record XDM consents for most customers, with a preferred channel they agreed to', () => {
    // Arrange
    const withConsents = profiles.filter((p) => p.consents !== undefined)

    // Act
    const share = withConsents.length / COUNT
    const emailNo = withConsents.filter((p) => p.consents?.marketing?.email?.val === 'n').length

    // Assess
    expect(share).toBeGreaterThan(0.8)
    expect(share).toBeLessThan(0.95)
    expect(emailNo).toBeGreaterThan(0)
    for (const p of withConsents) {
      const c = p.consents
      const m = c?.marketing
      expect(c?.collect).toEqual({ val: 'y' })
      expect(VALUES).toContain(c?.share?.val)
      expect(VALUES).toContain(c?.personalize?.content?.val)
      for (const ch of [m?.email, m?.sms, m?.push]) if (ch) expect(VALUES).toContain(ch.val)
      expect(m?.email === undefined).toBe(p.personalEmail === undefined)
      expect(m?.sms === undefined).toBe(p.mobilePhone === undefined)
      const preferred = m?.preferred ?? ''
      if (preferred === 'email' || preferred === 'sms' || preferred === 'push') expect(m?.[preferred]?.val).toBe('y')
      else expect(['phone', 'none']).toContain(preferred)
      expect(Date.parse(c?.metadata?.time ?? '')).toBeLessThan(NOW.getTime())
    }
  })

  it('carry computed attributes that add up to the customer’s own events', () => {
    const from = NOW.getTime() - 183 * 86_400_000
    let carried = 0
    for (let i = 1; i < 600; i += 7) {
      // Arrange
      const computed = seed.profile(i)._demotenant?.SystemComputedAttributes
      const purchases = seed
        .events(i)
        .filter((e) => e.eventType === 'commerce.purchases' && Date.parse(e.timestamp) >= from)

      // Act
      const total = purchases.reduce((s, e) => s + (e.commerce?.order?.priceTotal ?? 0), 0)

      // Assess
      if (computed) carried++
      expect(computed?.purchases6Months?.value).toBe(purchases.length > 0 ? purchases.length : undefined)
      if (purchases.length > 0) expect(computed?.totalSpend6Months?.value).toBeCloseTo(total, 2)
    }
    expect(carried).toBeGreaterThan(40)
  })

  it('carry Customer AI churn scores for some scored customers, in Adobe’s ranges', () => {
    const scored = profiles.filter((p) => p._demotenant?.CustomerAI?.churn90Days !== undefined)
    expect(scored.length / COUNT).toBeGreaterThan(0.3)
    expect(scored.length / COUNT).toBeLessThan(0.45)
    for (const p of scored) {
      const s = p._demotenant?.CustomerAI?.churn90Days
      expect(p._demotenant?.scores).toBeDefined()
      expect(s?.score).toBeGreaterThanOrEqual(0)
      expect(s?.score).toBeLessThanOrEqual(100)
      expect(s?.probability).toBeGreaterThan(0)
      expect(s?.probability).toBeLessThan(1)
      expect(s?.percentile).toBeGreaterThanOrEqual(1)
      expect(s?.percentile).toBeLessThanOrEqual(100)
      expect(s?.propensityType).toBe('churn')
      expect(s?.scoreDate).toBe('2026-04-19')
      expect(s?.influentialFactors).toHaveLength(3)
    }
  })

  it('have the service level of their loyalty tier', () => {
    const level: Record<string, string> = { platinum: 'concierge', gold: 'priority' }
    for (const p of profiles) expect(p._demotenant?.serviceLevel).toBe(level[p.loyalty?.tier ?? ''] ?? 'standard')
  })
})
