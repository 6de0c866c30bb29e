import { toCustomerEvent } from '../../../actions/lib/view'

const at = Date.parse('2026-11-20T10:00:00Z')

describe('toCustomerEvent', () => {
  it('summarises a purchase with item count and order total', () => {
    const event = toCustomerEvent({
      entityId: 'evt-1',
      timestamp: at,
      entity: {
        eventType: 'commerce.purchases',
        channel: { _type: 'https://ns.adobe.com/xdm/channel-types/web' },
        productListItems: [{ SKU: 'A', name: 'Mug', quantity: 2, priceTotal: 129.9 }],
        commerce: { purchases: { value: 1 }, order: { priceTotal: 129.9, currencyCode: 'USD' } }
      }
    })
    expect(event).toEqual({
      id: 'evt-1',
      type: 'purchase',
      xdmEventType: 'commerce.purchases',
      timestamp: '2026-11-20T10:00:00.000Z',
      channel: 'web',
      summary: 'Purchased 2 items — $129.90',
      details: { itemCount: 2, amount: { value: 129.9, currency: 'USD' } }
    })
  })

  it('names the campaign of an email click', () => {
    const event = toCustomerEvent({
      entityId: 'evt-2',
      timestamp: at,
      entity: {
        eventType: 'directMarketing.emailClicked',
        _experience: { customerJourneyManagement: { messageExecution: { campaignName: 'Spring Sale' } } }
      }
    })
    expect(event).toMatchObject({
      type: 'email-click',
      channel: 'email',
      summary: 'Clicked email "Spring Sale"',
      details: { campaign: 'Spring Sale' }
    })
  })

  it('describes a support call from the tenant fields', () => {
    const event = toCustomerEvent({
      entityId: 'evt-3',
      timestamp: null,
      entity: {
        eventType: 'support.callCompleted',
        timestamp: '2026-11-01T08:00:00Z',
        _acme: { support: { reason: 'Late delivery', durationSeconds: 420 } }
      }
    })
    expect(event).toMatchObject({
      type: 'support-call',
      channel: 'phone',
      timestamp: '2026-11-01T08:00:00.000Z',
      summary: 'Support call: Late delivery (7 min)'
    })
  })

  it('keeps hostile text as bounded plain text', () => {
    const event = toCustomerEvent({
      entityId: 'evt-4',
      timestamp: at,
      entity: {
        eventType: 'web.webpagedetails.pageViews',
        web: { webPageDetails: { name: `<script>alert(1)</script>\n${'x'.repeat(500)}` } }
      }
    })
    expect(event?.details.page).toHaveLength(80)
    expect(event?.summary.startsWith('Visited <script>')).toBe(true)
    expect(event?.summary).not.toContain('\n')
  })

  it('drops events without an id or a time', () => {
    expect(toCustomerEvent({ entityId: '', timestamp: at, entity: { eventType: 'x' } })).toBeNull()
    expect(
      toCustomerEvent({ entityId: 'e', timestamp: null, entity: { eventType: 'x', timestamp: 'never' } })
    ).toBeNull()
  })
})
