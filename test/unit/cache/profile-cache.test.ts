import { fit as fitToState } from '../../../actions/lib/cache'
import type { CustomerView } from '../../../actions/lib/view'
import { viewMeta } from '../fixtures/view-meta'

function view(events: number, summaryLength: number, leaves = 0): CustomerView {
  return {
    customer: {
      profileId: 'X',
      identities: [],
      name: { first: null, last: null, full: null },
      contact: { email: null, phone: null, address: null },
      attributes: {
        loyaltyTier: null,
        loyaltyPoints: null,
        customerSince: null,
        preferredLanguage: null,
        birthDate: null
      },
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
      allAttributes: Array.from({ length: leaves }, (_, i) => ({ path: `_acme.f${i}`, value: 'v'.repeat(1000) })),
      events: Array.from({ length: events }, (_, i) => ({
        id: `e${i}`,
        type: 'activity' as const,
        xdmEventType: 'x',
        source: 'generic' as const,
        timestamp: '2026-01-01T00:00:00.000Z',
        channel: null,
        summary: 's'.repeat(summaryLength),
        details: {}
      }))
    },
    meta: viewMeta({ mergePolicyId: 'mp', fetchedAt: '2026-01-01T00:00:00.000Z' })
  }
}

describe('fit', () => {
  it('keeps a view that fits the State value limit untouched', () => {
    const v = view(10, 100)
    expect(fitToState(v)).toBe(v)
  })

  it('halves the events of an oversized view and says so in meta', () => {
    const fitted = fitToState(view(400, 5000))
    expect(fitted?.customer.events.length).toBe(100)
    expect(fitted?.meta.events.trimmed).toBe(true)
    expect(Buffer.byteLength(JSON.stringify({ v: 1, storedAt: 0, view: fitted }))).toBeLessThanOrEqual(1_000_000)
  })

  it('drops the all-attributes list of a view that does not fit without its events, and says so in meta', () => {
    // Act
    const fitted = fitToState(view(4, 100, 1200))
    // Assess
    expect([fitted?.customer.events, fitted?.customer.allAttributes, fitted?.meta]).toEqual([
      [],
      [],
      {
        ...view(0, 0).meta,
        events: { status: 'available', nextCursor: null, trimmed: true },
        allAttributesTrimmed: true
      }
    ])
  })
})
