import { AUDIENCES, DEFAULT_COUNT, generateSeed, MAX_CUSTOMERS, NAMESPACES } from '../../../stand-ins/seed/generate'
import { emailSafe } from '../../../stand-ins/seed/names'
import { affinePerm, mix32, unmix32 } from '../../../stand-ins/seed/prng'

const NOW = new Date('2026-04-20T00:00:00Z')

describe('generateSeed: options and determinism', () => {
  it('gives identical data for identical options', () => {
    const a = generateSeed({ count: 300, seed: 9, now: NOW })
    const b = generateSeed({ count: 300, seed: 9, now: NOW })
    for (let i = 0; i < 300; i += 7) {
      expect(b.profileId(i)).toBe(a.profileId(i))
      expect(b.identities(i)).toEqual(a.identities(i))
      expect(JSON.stringify(b.profile(i))).toBe(JSON.stringify(a.profile(i)))
      expect(JSON.stringify(b.events(i))).toBe(JSON.stringify(a.events(i)))
    }
    expect(b.audiences).toEqual(a.audiences)
    expect(b.namespaces).toEqual(a.namespaces)
  })

  it('generates customer i without depending on the count or on earlier customers', () => {
    const small = generateSeed({ count: 40, now: NOW })
    const big = generateSeed({ count: 4000, now: NOW })
    for (const i of [1, 17, 39]) {
      expect(big.profile(i)).toEqual(small.profile(i))
      expect(big.events(i)).toEqual(small.events(i))
      expect(big.profileId(i)).toBe(small.profileId(i))
    }
    // Out-of-order access gives the same answer as in-order access.
    const x = big.profile(3999)
    big.profile(5)
    expect(big.profile(3999)).toEqual(x)
  })

  it('changes (except Jane) with the PRNG seed', () => {
    const a = generateSeed({ count: 20, seed: 1, now: NOW })
    const b = generateSeed({ count: 20, seed: 2, now: NOW })
    expect(b.profile(5)).not.toEqual(a.profile(5))
    expect(b.profileId(5)).not.toBe(a.profileId(5))
    expect(b.find('email', 'jane.doe@example.com')).toBe(0)
  })

  it('defaults to 2000 customers, seed 42 and the start of the current UTC day', () => {
    const s = generateSeed()
    expect(s.size).toBe(DEFAULT_COUNT)
    expect(s.options.seed).toBe(42)
    const now = s.options.now.getTime()
    expect(now % 86_400_000).toBe(0)
    expect(Date.now() - now).toBeLessThan(86_400_000 + 60_000)
    expect(s.profile(3)).toEqual(generateSeed({ now: s.options.now }).profile(3))
  })

  it('rejects bad options and indexes', () => {
    expect(() => generateSeed({ count: 0 })).toThrow(RangeError)
    expect(() => generateSeed({ count: 1.5 })).toThrow(RangeError)
    expect(() => generateSeed({ count: MAX_CUSTOMERS + 1 })).toThrow(RangeError)
    expect(() => generateSeed({ count: 5, seed: 0.5 })).toThrow(RangeError)
    expect(() => generateSeed({ count: 5, now: new Date('nope') })).toThrow(RangeError)
    const s = generateSeed({ count: 5, now: NOW })
    expect(() => s.profile(5)).toThrow(RangeError)
    expect(() => s.events(-1)).toThrow(RangeError)
    expect(() => s.identities(1.5)).toThrow(RangeError)
    expect(() => s.profileId(99)).toThrow(RangeError)
  })

  it('lists about a dozen audiences with stable UUID ids and the AEP namespaces', () => {
    expect(AUDIENCES.length).toBeGreaterThanOrEqual(10)
    expect(new Set(AUDIENCES.map((a) => a.id)).size).toBe(AUDIENCES.length)
    for (const a of AUDIENCES)
      expect(a.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    expect(AUDIENCES.map((a) => a.name)).toEqual(
      expect.arrayContaining([
        'High-value loyalists',
        'At risk of churn',
        'Cart abandoners – 7 days',
        'Newsletter engaged',
        'Recent store visitors',
        'zh-Hant speakers — Taipei'
      ])
    )
    const byCode = new Map(NAMESPACES.map((n) => [n.code, n]))
    expect(byCode.get('ECID')).toMatchObject({ id: 4, idType: 'COOKIE', custom: false })
    expect(byCode.get('Email')).toMatchObject({ id: 6, idType: 'EMAIL', custom: false })
    expect(byCode.get('Phone')).toMatchObject({ id: 7, idType: 'PHONE', custom: false })
    expect(byCode.get('CRMID')).toMatchObject({ custom: true })
    expect(byCode.get('LoyaltyID')).toMatchObject({ custom: true })
    expect(new Set(NAMESPACES.map((n) => n.id)).size).toBe(NAMESPACES.length)
  })
})

describe('helpers', () => {
  it('mix32 is a bijection undone by unmix32', () => {
    for (const x of [0, 1, 2, 41, 65535, 0x7fffffff, 0x80000000, 0xffffffff, 123456789]) {
      expect(unmix32(mix32(x))).toBe(x >>> 0)
    }
  })

  it('affinePerm permutes 0..n-1', () => {
    const n = 1000
    const seen = new Set<number>()
    for (let i = 0; i < n; i++) seen.add(affinePerm(i, 7919, 123, n))
    expect(seen.size).toBe(n)
  })

  it('makes e-mail-safe ASCII from names', () => {
    expect(emailSafe('Müller')).toBe('mueller')
    expect(emailSafe("O'Brien")).toBe('obrien')
    expect(emailSafe('García')).toBe('garcia')
    expect(emailSafe('Yılmaz')).toBe('yilmaz')
    expect(emailSafe('Mei-Ling')).toBe('meiling')
    expect(emailSafe('von Bülow')).toBe('vonbuelow')
  })
})
