import { EMPTY_MAPPING, type ViewMapping } from '../../../actions/lib/mapping'
import {
  buildCustomer,
  type Customer,
  type CustomerEvent,
  membershipsOf,
  projectCustomer,
  SECTIONS
} from '../../../actions/lib/view'
import { DEMO_MAPPING } from '../fixtures/mapping'
import { JANE, JANE_AUDIENCE_NAMES, JANE_PROFILE } from '../fixtures/profile'

const purchase: CustomerEvent = {
  id: 'evt-1',
  type: 'purchase',
  xdmEventType: 'commerce.purchases',
  source: 'standard',
  timestamp: '2026-11-20T10:00:00.000Z',
  channel: 'web',
  summary: 'Purchased 2 items — $129.90',
  details: { itemCount: 2, amount: { value: 129.9, currency: 'USD' } }
}

const EMPTY: Customer = {
  profileId: 'XID-EMPTY',
  identities: [],
  name: { first: null, last: null, full: null },
  contact: { email: null, phone: null, address: null },
  attributes: { loyaltyTier: null, loyaltyPoints: null, customerSince: null, preferredLanguage: null, birthDate: null },
  mappedAttributes: [],
  consents: { collect: null, share: null, personalize: null, marketing: { preferred: null } },
  insights: {
    lifetimeValue: null,
    churnPropensity: null,
    engagementPropensity: null,
    scores: [],
    computed: [],
    reasons: [],
    explanations: []
  },
  audiences: [],
  events: [],
  allAttributes: []
}

describe('buildCustomer', () => {
  it('shapes a merged XDM profile into the customer an agent sees', () => {
    // Act
    const customer = buildCustomer(JANE_PROFILE, [purchase], JANE_AUDIENCE_NAMES, DEMO_MAPPING)
    // Assess
    expect(customer).toEqual({ ...JANE, events: [purchase] })
  })

  it('shows a profile with no known fields as nulls and empty lists', () => {
    // Act
    const customer = buildCustomer(
      { entityId: 'XID-EMPTY', mergePolicyId: null, entity: {}, lastModifiedAt: null },
      [],
      new Map(),
      DEMO_MAPPING
    )
    // Assess
    expect(customer).toEqual(EMPTY)
  })

  it('treats fields of the wrong type as missing and bounds and cleans the text it keeps', () => {
    // Prepare
    const entity = {
      person: { name: { firstName: 'Ja\u0000ne\n', lastName: 42, fullName: `  ${'x'.repeat(300)}  ` } },
      personalEmail: { address: ['jane.doe@example.com'] },
      workEmail: { address: 'jane@work.example.com' },
      mobilePhone: 'not an object',
      homePhone: { number: '+14155550199' },
      homeAddress: { street1: 7, city: '' },
      loyalty: { tier: { name: 'Gold' }, points: '12500', joinDate: 'not a date' },
      segmentMembership: { ups: ['aud-1'] }
    }
    // Act
    const customer = buildCustomer(
      { entityId: 'XID-ODD', mergePolicyId: null, entity, lastModifiedAt: null },
      [],
      new Map(),
      DEMO_MAPPING
    )
    // Assess
    expect(customer).toEqual({
      ...EMPTY,
      profileId: 'XID-ODD',
      name: { first: 'Ja ne', last: null, full: 'x'.repeat(200) },
      contact: { email: 'jane@work.example.com', phone: '+14155550199', address: null },
      allAttributes: [
        { path: 'homeAddress.city', value: '' },
        { path: 'homeAddress.street1', value: '7' },
        { path: 'homePhone.number', value: '+14155550199' },
        { path: 'loyalty.joinDate', value: 'not a date' },
        { path: 'loyalty.points', value: '12500' },
        { path: 'loyalty.tier.name', value: 'Gold' },
        { path: 'mobilePhone', value: 'not an object' },
        { path: 'person.name.firstName', value: 'Ja ne' },
        { path: 'person.name.fullName', value: 'x'.repeat(200) },
        { path: 'person.name.lastName', value: '42' },
        { path: 'personalEmail.address[0]', value: 'jane.doe@example.com' },
        { path: 'workEmail.address', value: 'jane@work.example.com' }
      ]
    })
  })

  it("shows the admin's attribute cards in the mapping's order, and leaves out those the profile lacks", () => {
    // Prepare
    const mapping: ViewMapping = {
      ...EMPTY_MAPPING,
      attributes: [
        {
          id: 'plan',
          path: '_acme.plan.code',
          label: { en: 'Plan' },
          format: 'enum',
          enumLabels: { G: { en: 'Gold' } }
        },
        { id: 'nothing', path: '_acme.nothing', label: { en: 'Nothing' }, format: 'text' },
        { id: 'vip', path: '_acme.vip', label: { en: 'VIP' }, format: 'boolean' }
      ]
    }
    const entity = { _acme: { plan: { code: 'G' }, vip: 'y' } }
    // Act
    const customer = buildCustomer(
      { entityId: 'XID-ACME', mergePolicyId: null, entity, lastModifiedAt: null },
      [],
      new Map(),
      mapping
    )
    // Assess
    expect(customer).toEqual({
      ...EMPTY,
      profileId: 'XID-ACME',
      mappedAttributes: [
        {
          id: 'plan',
          path: '_acme.plan.code',
          label: { en: 'Plan' },
          format: 'enum',
          value: 'G',
          valueLabel: { en: 'Gold' }
        },
        { id: 'vip', path: '_acme.vip', label: { en: 'VIP' }, format: 'boolean', value: true }
      ],
      allAttributes: [
        { path: '_acme.plan.code', value: 'G' },
        { path: '_acme.vip', value: 'y' }
      ]
    })
  })

  it('reads identities from the older identities array when there is no identity map', () => {
    // Prepare
    const entity = {
      identities: [
        { id: 'CRM-9', namespace: { code: 'CRMID' }, primary: 'true' },
        { id: 'x' },
        { namespace: { code: 'Email' } }
      ]
    }
    // Act
    const customer = buildCustomer(
      { entityId: 'XID-OLD', mergePolicyId: null, entity, lastModifiedAt: null },
      [],
      new Map(),
      DEMO_MAPPING
    )
    // Assess
    expect(customer.identities).toEqual([{ namespace: 'crmid', id: 'CRM-9', primary: true }])
  })
})

describe('membershipsOf', () => {
  it('lists current memberships first, newest first, then the exits, without names', () => {
    // Act
    const memberships = membershipsOf(JANE_PROFILE.entity)
    // Assess
    expect(memberships).toEqual([
      { id: 'aud-new', status: 'realized', since: '2026-11-01T00:00:00.000Z' },
      { id: 'aud-gold', status: 'realized', since: '2026-10-01T00:00:00.000Z' },
      { id: 'aud-old', status: 'exited', since: '2026-09-01T00:00:00.000Z' }
    ])
  })

  it.each([
    ['no segment membership', {}],
    ['a membership map that is not an object', { segmentMembership: { ups: 'aud-1' } }],
    [
      'only memberships of unknown status',
      { segmentMembership: { ups: { 'aud-1': { status: 'queued' }, 'aud-2': 'realized' } } }
    ]
  ])('is empty for %s', (_, entity) => {
    // Act
    const memberships = membershipsOf(entity)
    // Assess
    expect(memberships).toEqual([])
  })

  it('keeps a membership whose qualification time is not a date, with since null', () => {
    // Act
    const memberships = membershipsOf({
      segmentMembership: { ups: { 'aud-1': { status: 'realized', lastQualificationTime: 'yesterday' } } }
    })
    // Assess
    expect(memberships).toEqual([{ id: 'aud-1', status: 'realized', since: null }])
  })
})

describe('projectCustomer', () => {
  it('keeps only the sections asked for, and always the profile id', () => {
    // Act
    const projected = projectCustomer(JANE, new Set(['name', 'audiences']))
    // Assess
    expect(projected).toEqual({ profileId: 'XID-JANE-0001', name: JANE.name, audiences: JANE.audiences })
  })

  it('gives the whole customer when every section is asked for', () => {
    // Act
    const projected = projectCustomer(JANE, new Set(SECTIONS))
    // Assess
    expect(projected).toBe(JANE)
  })

  it('gives only the profile id for no sections', () => {
    // Act
    const projected = projectCustomer(JANE, new Set())
    // Assess
    expect(projected).toEqual({ profileId: 'XID-JANE-0001' })
  })
})
