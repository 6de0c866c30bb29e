import { generateSeed, NS_CODE } from '../../../stand-ins/seed/generate'

const NOW = new Date('2026-04-20T00:00:00Z')
const COUNT = 20_000
const seed = generateSeed({ count: COUNT, now: NOW })

const FORMAT: Record<string, RegExp> = {
  email: /^[a-z0-9._-]+@(example\.(com|net|org)|mail\.example|work\.example|corp\.example|office\.example)$/,
  phone: /^\+(1[2-9]\d{2}[2-9]\d{6}|44\d{10}|61\d{9}|886\d{9}|49\d{11})$/,
  ecid: /^\d{38}$/,
  crmid: /^CRM-\d{6,}$/,
  loyaltyid: /^\d{10}$/
}

describe('identities', () => {
  it('are unique across 20 000 customers, in every namespace', () => {
    const seen = new Map<string, number>()
    const perNamespace: Record<string, number> = {}
    for (let i = 0; i < COUNT; i++) {
      for (const { namespace, id } of seed.identities(i)) {
        const key = `${namespace}:${id}`
        const prev = seen.get(key)
        if (prev !== undefined) throw new Error(`${key} belongs to ${prev} and ${i}`)
        seen.set(key, i)
        perNamespace[namespace] = (perNamespace[namespace] ?? 0) + 1
      }
    }
    expect(Object.keys(perNamespace).sort()).toEqual(['crmid', 'ecid', 'email', 'loyaltyid', 'phone'])
    expect(perNamespace.crmid).toBe(COUNT)
  })

  it('have realistic formats (lower-case e-mails, E.164 phones, 38-digit ECIDs)', () => {
    for (let i = 0; i < COUNT; i += 13) {
      for (const { namespace, id } of seed.identities(i)) {
        expect(id).toMatch(FORMAT[namespace] ?? /^$/)
      }
    }
    expect(seed.identities(41).find((x) => x.namespace === 'crmid')?.id).toBe('CRM-000042')
    const prefixes = new Set<string>()
    for (let i = 0; i < 3000; i++) {
      const phone = seed.identities(i).find((x) => x.namespace === 'phone')?.id
      if (phone) prefixes.add(phone.startsWith('+1') ? '+1' : phone.slice(0, phone.startsWith('+886') ? 4 : 3))
    }
    expect([...prefixes].sort()).toEqual(['+1', '+44', '+49', '+61', '+886'])
  })

  it('round-trip through find() for every namespace', () => {
    const found: Record<string, number> = {}
    for (let i = 0; i < COUNT; i += 7) {
      for (const { namespace, id } of seed.identities(i)) {
        expect(seed.find(namespace, id)).toBe(i)
        found[namespace] = (found[namespace] ?? 0) + 1
      }
    }
    expect(Object.keys(found).sort()).toEqual(['crmid', 'ecid', 'email', 'loyaltyid', 'phone'])
  })

  it('accept AEP namespace codes in find() and reject unknown ids', () => {
    const ids = seed.identities(123)
    for (const { namespace, id } of ids) {
      expect(seed.find(NS_CODE[namespace as keyof typeof NS_CODE], id)).toBe(123)
    }
    expect(seed.find('email', 'nobody@example.com')).toBeUndefined()
    expect(seed.find('crmid', 'CRM-999999')).toBeUndefined()
    expect(seed.find('crmid', 'crm-000001')).toBeUndefined()
    expect(seed.find('ecid', '0'.repeat(38))).toBeUndefined()
    expect(seed.find('phone', '+14155550124')).toBeUndefined()
    expect(seed.find('email', 'jane.doe@example.com ')).toBeUndefined()
    const email = ids.find((x) => x.namespace === 'email')
    if (email) expect(seed.find('phone', email.id)).toBeUndefined()
  })

  it('match the identityMap of the profile (AEP namespace codes as keys)', () => {
    for (let i = 0; i < COUNT; i += 211) {
      const map = seed.profile(i).identityMap
      const fromMap = Object.entries(map)
        .flatMap(([code, list]) => list.map((e) => `${code}:${e.id}`))
        .sort()
      const fromSeed = seed
        .identities(i)
        .map((x) => `${NS_CODE[x.namespace as keyof typeof NS_CODE]}:${x.id}`)
        .sort()
      expect(fromMap).toEqual(fromSeed)
      expect(
        Object.values(map)
          .flat()
          .filter((e) => e.primary === true)
      ).toHaveLength(1)
      expect(map.CRMID?.[0]?.primary).toBe(true)
    }
  })

  it('include multi-device customers (2+ ECIDs) and customers with 2 e-mails', () => {
    let multiEcid = 0
    let multiEmail = 0
    for (let i = 0; i < 2000; i++) {
      const ids = seed.identities(i)
      if (ids.filter((x) => x.namespace === 'ecid').length >= 2) multiEcid++
      if (ids.filter((x) => x.namespace === 'email').length >= 2) multiEmail++
    }
    expect(multiEcid).toBeGreaterThan(100)
    expect(multiEmail).toBeGreaterThan(20)
  })

  it('give every profile a unique, stable, decodable XID-like profileId', () => {
    const xids = new Set<string>()
    for (let i = 0; i < COUNT; i++) {
      const xid = seed.profileId(i)
      xids.add(xid)
      if (i % 97 === 0) {
        expect(xid).toMatch(/^[A-Za-z0-9_-]{28}$/)
        expect(seed.indexOfProfileId(xid)).toBe(i)
      }
    }
    expect(xids.size).toBe(COUNT)
    expect(seed.indexOfProfileId('A0Fxh6UjQa6mAA5hhzdu6SJTu78M')).toBeUndefined()
    expect(seed.indexOfProfileId('short')).toBeUndefined()
    expect(seed.indexOfProfileId('!'.repeat(28))).toBeUndefined()
    // An XID of customer 25 000 in a bigger data set is not in this one.
    expect(seed.indexOfProfileId(generateSeed({ count: 25_001, now: NOW }).profileId(25_000))).toBeUndefined()
  })
})
