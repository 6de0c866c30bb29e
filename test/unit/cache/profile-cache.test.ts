import { fit as fitToState } from '../../../actions/lib/cache'
import type { CustomerView } from '../../../actions/lib/view'
import { viewMeta } from '../fixtures/view-meta'

function view(events: number, summaryLength: number): CustomerView {
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
      insights: { lifetimeValue: null, churnPropensity: null, engagementPropensity: null },
      audiences: [],
      events: Array.from({ length: events }, (_, i) => ({
        id: `e${i}`,
        type: 'other' as const,
        xdmEventType: 'x',
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
})
