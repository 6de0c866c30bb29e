/** Each shipped call-reason rule: it fires inside its window, naming its evidence, and not outside. */
import { callReasons } from '../../../actions/lib/guidance'
import { DEFAULT_REASONS } from '../../../actions/lib/mapping'
import type { CallReason } from '../../../actions/lib/view'
import { customer, ev, HIGH_CHURN, hoursBefore, LOYAL_EXIT, NOW } from '../fixtures/guidance'

const reasonsOf = (c: ReturnType<typeof customer>): CallReason[] => callReasons(c, DEFAULT_REASONS, NOW)

describe('recent-support-contact', () => {
  it('names the topic of the latest call in the last 7 days and every call as evidence', () => {
    // Prepare
    const events = [
      ev('call-1', 'support-call', 20, { reason: 'Delivery delay' }, 'phone'),
      ev('call-2', 'support-call', 100, { reason: 'Order status' }, 'phone')
    ]
    // Act
    const reasons = reasonsOf(customer({ events }))
    // Assess
    expect(reasons).toEqual<CallReason[]>([
      {
        code: 'recent-support-contact',
        purpose: 'service',
        channel: 'phone',
        text: 'Contacted support about "Delivery delay" yesterday (2 contacts recently): following up?',
        params: { topic: 'Delivery delay', daysAgo: 1, contacts: 2 },
        evidence: [
          { eventId: 'call-1', timestamp: hoursBefore(20) },
          { eventId: 'call-2', timestamp: hoursBefore(100) }
        ]
      }
    ])
  })

  it('does not fire for a call more than 7 days ago', () => {
    // Act
    const reasons = reasonsOf(customer({ events: [ev('call-old', 'support-call', 7 * 24 + 1, { reason: 'X' })] }))
    // Assess
    expect(reasons).toEqual([])
  })
})

describe('recent-order', () => {
  it('names the amount, the items and the days since a purchase in the last 14 days', () => {
    // Prepare
    const purchase = ev(
      'order-1',
      'purchase',
      9 * 24,
      { amount: { value: 129.9, currency: 'USD' }, products: ['Headphones', 'Charger'] },
      'web'
    )
    // Act
    const reasons = reasonsOf(customer({ events: [purchase] }))
    // Assess
    expect(reasons).toEqual<CallReason[]>([
      {
        code: 'recent-order',
        purpose: 'service',
        channel: 'web',
        text: 'Ordered Headphones and Charger ($129.90) 9 days ago: a delivery question?',
        params: { amount: '$129.90', items: 'Headphones, Charger', daysAgo: 9 },
        evidence: [{ eventId: 'order-1', timestamp: hoursBefore(9 * 24) }]
      }
    ])
  })

  it('does not fire for a purchase more than 14 days ago', () => {
    // Act
    const reasons = reasonsOf(customer({ events: [ev('order-old', 'purchase', 15 * 24)] }))
    // Assess
    expect(reasons).toEqual([])
  })
})

describe('abandoned-cart', () => {
  it('names the products added in the last 48 hours and not bought since', () => {
    // Prepare
    const events = [ev('add-1', 'cart-add', 5, { products: ['Cashmere Scarf'] }, 'web')]
    // Act
    const reasons = reasonsOf(customer({ events }))
    // Assess
    expect(reasons).toEqual<CallReason[]>([
      {
        code: 'abandoned-cart',
        purpose: 'service',
        channel: 'web',
        text: 'Added Cashmere Scarf to the cart today and has not bought: help with the order?',
        params: { products: 'Cashmere Scarf', hoursAgo: 5 },
        evidence: [{ eventId: 'add-1', timestamp: hoursBefore(5) }]
      }
    ])
  })

  it('does not fire when a checkout followed the cart add, nor for a cart add 49 hours ago', () => {
    // Prepare
    const checkedOut = [ev('checkout', 'checkout', 4), ev('add-1', 'cart-add', 5, { products: ['Scarf'] })]
    const old = [ev('add-old', 'cart-add', 49, { products: ['Scarf'] })]
    // Act
    const reasons = [...reasonsOf(customer({ events: checkedOut })), ...reasonsOf(customer({ events: old }))]
    // Assess
    expect(reasons).toEqual([])
  })
})

describe('email-opened-today', () => {
  it('is an email offer naming the campaign opened on the UTC day of the lookup', () => {
    // Prepare
    const open = ev('open-1', 'message-open', 2, { campaign: 'Black Friday', messageChannel: 'email' }, 'email')
    // Act
    const reasons = reasonsOf(customer({ events: [open] }))
    // Assess
    expect(reasons).toEqual<CallReason[]>([
      {
        code: 'email-opened-today',
        purpose: 'offer',
        channel: 'email',
        text: 'Opened the email "Black Friday" today: interested in the offer?',
        params: { campaign: 'Black Friday' },
        evidence: [{ eventId: 'open-1', timestamp: hoursBefore(2) }]
      }
    ])
  })

  it('does not fire for an open yesterday (13 hours before noon), nor for an SMS open today', () => {
    // Prepare
    const events = [
      ev('open-yesterday', 'email-open', 13, { campaign: 'News' }),
      ev('sms-open', 'message-open', 1, { messageChannel: 'sms' })
    ]
    // Act
    const reasons = reasonsOf(customer({ events }))
    // Assess
    expect(reasons).toEqual([])
  })
})

describe('high-churn-risk', () => {
  it('names the label and the percentile of a high risk score', () => {
    // Act
    const reasons = reasonsOf(customer({ scores: [HIGH_CHURN] }))
    // Assess
    expect(reasons).toEqual<CallReason[]>([
      {
        code: 'high-churn-risk',
        purpose: 'service',
        channel: null,
        text: 'High churn risk (Churn 90 days, top 10 % of customers): take care to keep this customer',
        params: { label: 'Churn 90 days', percentile: 90 },
        evidence: []
      }
    ])
  })

  it('does not fire for a medium risk nor for a high opportunity', () => {
    // Prepare
    const scores = [
      { ...HIGH_CHURN, band: 'medium' as const },
      { ...HIGH_CHURN, id: 'upsell', highIs: 'opportunity' as const }
    ]
    // Act
    const reasons = reasonsOf(customer({ scores }))
    // Assess
    expect(reasons).toEqual([])
  })
})

describe('audience-exit', () => {
  it('names a loyal audience the customer left in the last 30 days', () => {
    // Act
    const reasons = reasonsOf(customer({ audiences: [LOYAL_EXIT(3 * 24)] }))
    // Assess
    expect(reasons).toEqual<CallReason[]>([
      {
        code: 'audience-exit',
        purpose: 'service',
        channel: null,
        text: 'Left the audience "High-value loyalists" 3 days ago: a loyalty concern?',
        params: { audience: 'High-value loyalists', daysAgo: 3 },
        evidence: []
      }
    ])
  })

  it('does not fire for an exit 31 days ago, an audience still realized, or one not about loyalty', () => {
    // Prepare
    const audiences = [
      LOYAL_EXIT(31 * 24),
      { ...LOYAL_EXIT(24), status: 'realized' as const },
      { ...LOYAL_EXIT(24), name: 'Winter sale' }
    ]
    // Act
    const reasons = reasonsOf(customer({ audiences }))
    // Assess
    expect(reasons).toEqual([])
  })
})
