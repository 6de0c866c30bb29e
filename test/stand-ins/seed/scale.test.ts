import { generateSeed } from '../../../stand-ins/seed/generate'

describe('100 000 customers', () => {
  // generateSeed itself throws if two customers ever share an identity, so building it is also a
  // uniqueness check over all ~490 000 identities.
  const now = new Date('2026-04-20T00:00:00Z')
  const seed = generateSeed({ count: 100_000, now })

  it('builds only the identity table and serves any customer on demand', () => {
    expect(seed.size).toBe(100_000)
    let x = 987654321
    const next = (): number => {
      x = (Math.imul(x, 1103515245) + 12345) >>> 0
      return x % 100_000
    }
    for (const i of [0, 1, 50_000, 99_999, ...Array.from({ length: 200 }, next)]) {
      for (const { namespace, id } of seed.identities(i)) expect(seed.find(namespace, id)).toBe(i)
      const p = seed.profile(i)
      expect(p.identityMap.CRMID?.[0]?.id).toBe(`CRM-${String(i + 1).padStart(6, '0')}`)
      const events = seed.events(i)
      expect(events.length).toBeGreaterThanOrEqual(5)
      expect(events.length).toBeLessThanOrEqual(60)
      expect(seed.indexOfProfileId(seed.profileId(i))).toBe(i)
    }
    expect(seed.find('crmid', 'CRM-100000')).toBe(99_999)
    expect(seed.find('crmid', 'CRM-100001')).toBeUndefined()
  })
})
