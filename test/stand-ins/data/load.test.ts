/**
 * loadDataDir: both file formats, descriptor and identityMap identities (numbers included), the
 * identity-graph merge across profile and event records, events-only profiles and audiences.
 */
import { withOverlay } from '../../../stand-ins/aep/seed-overlay'
import { dataOverlay, loadDataDir } from '../../../stand-ins/data'
import { fixtureSeed, NAMESPACES } from '../fixture-seed'
import { dataFolder, IDENTITIES, ndjson, removeDataFolders } from './folder'

afterAll(removeDataFolders)

const tm = (systemIdentifier: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  _techmarketingdemos: { systemIdentifier, ...extra }
})

const loyalty = {
  ...tm({ loyaltyId: 5625001, crmId: 'crm-a1' }),
  loyalty: { points: 100, tier: 'silver' },
  person: { name: { firstName: 'Ada', lastName: 'Quinn' } },
  homeAddress: { city: 'Portland' },
  tags: ['a', 'b']
}
const crm = {
  ...tm({ crmId: 'crm-a1' }),
  person: { name: { firstName: 'Ada', lastName: null }, gender: 'female' },
  personalEmail: { address: 'ada.quinn@data.example' },
  loyalty: { tier: 'gold' },
  homeAddress: { city: null },
  tags: ['c']
}
const purchase = {
  ...tm({ loyaltyId: 5625001 }),
  commerce: { order: { priceTotal: 252.19 } },
  timestamp: '2026-08-11T00:00:00Z',
  _id: 'e-1'
}
const appEvent = {
  _id: 'e-2',
  timestamp: '2026-08-12T09:30:00Z',
  eventType: 'application.login',
  identityMap: {
    ECID: [{ id: '11112222333344445555666677778888999900', authenticatedState: 'ambiguous' }],
    Email: [{ id: 'ada.quinn@data.example', authenticatedState: 'authenticated' }]
  }
}
const anonymous = {
  _id: 'e-3',
  timestamp: '2026-08-13T10:00:00Z',
  eventType: 'commerce.productViews',
  identityMap: { ECID: [{ id: '99990000888877776666555544443333222211', primary: true }] }
}

describe('loadDataDir', () => {
  it('reads a JSON array and NDJSON (blank lines ignored) the same way', () => {
    // Prepare
    const asArray = dataFolder({
      'identities.json': IDENTITIES,
      'profiles.json': [loyalty, crm],
      'events.json': [purchase, appEvent]
    })
    const asNdjson = dataFolder({
      'identities.json': IDENTITIES,
      'profiles.json': ndjson([loyalty, crm]),
      'events.json': `\n${ndjson([purchase, appEvent])}\n`
    })
    // Act
    const a = loadDataDir(asArray)
    const b = loadDataDir(asNdjson)
    // Assess
    expect(b.customers).toEqual(a.customers)
    expect(b.counts).toEqual({ profileRecords: 2, eventRecords: 2 })
  })

  it('reads a file holding one pretty-printed object as one record', () => {
    // Prepare
    const dir = dataFolder({ 'events.json': JSON.stringify(anonymous, null, 2) })
    // Act
    const data = loadDataDir(dir)
    // Assess
    expect(data.customers.map((c) => c.identities)).toEqual([
      [{ namespace: 'ECID', id: '99990000888877776666555544443333222211' }]
    ])
  })

  it('merges the records that share an identity, across profiles and events, into one customer', () => {
    // Prepare
    const dir = dataFolder({
      'identities.json': IDENTITIES,
      'profiles.json': [loyalty, crm],
      'events.json': ndjson([appEvent, purchase])
    })
    // Act
    const [ada, ...others] = loadDataDir(dir).customers
    // Assess
    expect(others).toEqual([])
    expect(ada).toEqual({
      identities: [
        { namespace: 'lumaLoyaltyId', id: '5625001' },
        { namespace: 'lumaCrmId', id: 'crm-a1' },
        { namespace: 'Email', id: 'ada.quinn@data.example' },
        { namespace: 'ECID', id: '11112222333344445555666677778888999900' }
      ],
      profile: {
        // Later record wins each leaf it sets; null never overwrites; arrays are replaced whole.
        ...tm({ loyaltyId: 5625001, crmId: 'crm-a1' }),
        loyalty: { points: 100, tier: 'gold' },
        person: { name: { firstName: 'Ada', lastName: 'Quinn' }, gender: 'female' },
        homeAddress: { city: 'Portland' },
        tags: ['c'],
        personalEmail: { address: 'ada.quinn@data.example' },
        identityMap: {
          lumaLoyaltyId: [{ id: '5625001' }],
          lumaCrmId: [{ id: 'crm-a1' }],
          Email: [{ id: 'ada.quinn@data.example' }],
          ECID: [{ id: '11112222333344445555666677778888999900' }]
        }
      },
      // Newest first.
      events: [appEvent, purchase]
    })
  })

  it('makes a customer known only from events an events-only profile', () => {
    // Prepare
    const dir = dataFolder({ 'identities.json': IDENTITIES, 'profiles.json': [loyalty], 'events.json': [anonymous] })
    // Act
    const customers = loadDataDir(dir).customers
    // Assess
    expect(customers[1]).toEqual({
      identities: [{ namespace: 'ECID', id: '99990000888877776666555544443333222211' }],
      profile: { identityMap: { ECID: [{ id: '99990000888877776666555544443333222211', primary: true }] } },
      events: [anonymous]
    })
  })

  it('takes identity values from descriptor fields, numbers as their text, and skips null ones', () => {
    // Prepare
    const dir = dataFolder({
      'identities.json': IDENTITIES,
      'profiles.json': [tm({ loyaltyId: 5853413, crmId: null }), tm({ loyaltyId: '5853414' })]
    })
    // Act
    const customers = loadDataDir(dir).customers
    // Assess
    expect(customers.map((c) => c.identities)).toEqual([
      [{ namespace: 'lumaLoyaltyId', id: '5853413' }],
      [{ namespace: 'lumaLoyaltyId', id: '5853414' }]
    ])
  })

  it("keeps Adobe's call-centre sample readable: a numeric _id and a one-digit hour", () => {
    // Prepare
    const call = {
      _id: 3461,
      timestamp: '2026-02-02T7:36:51.000Z',
      _acsultimatesupport: { identification: { core: { email: 'caller@data.example' } } }
    }
    const dir = dataFolder({
      'identities.json': { event: { '_acsultimatesupport.identification.core.email': 'Email' } },
      'events.json': ndjson([call])
    })
    // Act
    const [caller] = loadDataDir(dir).customers
    // Assess
    expect(caller?.events).toEqual([{ ...call, _id: '3461', timestamp: '2026-02-02T07:36:51.000Z' }])
  })

  it('returns the audiences and mapping, and adds only the namespaces the seed lacks as custom ones', () => {
    // Prepare
    const dir = dataFolder({
      'identities.json': IDENTITIES,
      'profiles.json': [loyalty, crm],
      'audiences.json': [{ id: 'aud-gold', name: 'Gold members' }],
      'mapping.json': { attributes: [], defaultCurrency: 'EUR' }
    })
    const data = loadDataDir(dir)
    // Act
    const overlay = dataOverlay(data, NAMESPACES)
    const seed = withOverlay(fixtureSeed(), overlay)
    // Assess
    expect(data.mapping).toBe('{"attributes":[],"defaultCurrency":"EUR"}')
    expect(seed.audiences.at(-1)).toEqual({ id: 'aud-gold', name: 'Gold members', description: '' })
    expect(overlay.namespaces).toEqual([
      {
        id: 20000001,
        code: 'lumaLoyaltyId',
        name: 'lumaLoyaltyId',
        description: `Custom namespace of the data loaded from ${dir}`,
        idType: 'CROSS_DEVICE',
        custom: true
      },
      {
        id: 20000002,
        code: 'lumaCrmId',
        name: 'lumaCrmId',
        description: `Custom namespace of the data loaded from ${dir}`,
        idType: 'CROSS_DEVICE',
        custom: true
      }
    ])
    expect(seed.find('lumaloyaltyid', '5625001')).toBe(fixtureSeed().size)
  })
})
