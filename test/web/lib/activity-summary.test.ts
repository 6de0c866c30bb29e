import type { CustomerEvent } from '../../../actions/lib/view/view-types'
import { needsOlderEvents, summariseActivity, windowStart } from '../../../web-src/src/lib/activity-summary'

const NOW = Date.parse('2026-11-15T12:00:00Z')

function ev(
  id: string,
  type: CustomerEvent['type'],
  timestamp: string,
  extra: Partial<CustomerEvent> = {}
): CustomerEvent {
  return {
    id,
    type,
    xdmEventType: '',
    source: 'standard',
    timestamp,
    channel: null,
    summary: '',
    details: {},
    ...extra
  }
}

const buy = (id: string, timestamp: string, value: number, currency = 'USD'): CustomerEvent =>
  ev(id, 'purchase', timestamp, { details: { amount: { value, currency } } })

describe('activity summary (12-month chart figures)', () => {
  it('sums purchases per calendar month, in the main currency, over the twelve months ending now', () => {
    // Prepare
    const events = [
      buy('p1', '2026-11-02T08:00:00Z', 100.1),
      buy('p2', '2026-11-10T08:00:00Z', 0.2),
      buy('p3', '2026-03-31T23:59:59Z', 50),
      buy('p3', '2026-03-31T23:59:59Z', 50),
      buy('old', '2025-11-30T23:00:00Z', 999),
      buy('eur', '2026-05-01T00:00:00Z', 20, 'EUR'),
      ev('view', 'product-view', '2026-06-01T00:00:00Z')
    ]

    // Act
    const s = summariseActivity(events, NOW)

    // Assess
    expect(s.months.map((m) => m.month)).toEqual([
      '2025-12',
      '2026-01',
      '2026-02',
      '2026-03',
      '2026-04',
      '2026-05',
      '2026-06',
      '2026-07',
      '2026-08',
      '2026-09',
      '2026-10',
      '2026-11'
    ])
    expect(s.months.filter((m) => m.value > 0)).toEqual([
      { month: '2026-03', value: 50 },
      { month: '2026-11', value: 100.3 }
    ])
    expect(s.total).toEqual({ value: 150.3, currency: 'USD' })
    expect(s.from).toBe('2025-12-01T00:00:00.000Z')
  })

  it('counts support calls and messages per channel, most first, and "other" without a channel', () => {
    // Prepare
    const events = [
      ev('c1', 'support-call', '2026-10-01T00:00:00Z', { channel: 'phone' }),
      ev('c2', 'support-call', '2026-09-01T00:00:00Z', { channel: 'phone' }),
      ev('m1', 'message-send', '2026-09-02T00:00:00Z', { channel: 'email' }),
      ev('m2', 'message-open', '2026-09-03T00:00:00Z', { channel: 'email' }),
      ev('m3', 'message-click', '2026-09-04T00:00:00Z', { channel: 'email' }),
      ev('m4', 'message-send', '2026-09-05T00:00:00Z', { details: { messageChannel: 'sms' } }),
      ev('c3', 'support-call', '2026-09-06T00:00:00Z'),
      ev('e1', 'email-open', '2026-09-07T00:00:00Z', { channel: 'email' })
    ]

    // Act
    const s = summariseActivity(events, NOW)

    // Assess
    expect(s.contacts).toEqual([
      { channel: 'email', count: 3 },
      { channel: 'phone', count: 2 },
      { channel: 'sms', count: 1 },
      { channel: 'other', count: 1 }
    ])
    expect(s.total).toBeNull()
  })

  it('asks for an older page only when AEP has more and the events stop short of the window', () => {
    // Prepare
    const recent = [buy('p1', '2026-11-02T08:00:00Z', 1)]
    const reaching = [...recent, buy('p0', '2025-11-20T00:00:00Z', 1)]

    // Act
    const answers = [
      needsOlderEvents(recent, 'next', NOW),
      needsOlderEvents(recent, null, NOW),
      needsOlderEvents(reaching, 'next', NOW)
    ]

    // Assess
    expect(answers).toEqual([true, false, false])
    expect(windowStart(Date.parse('2026-01-31T23:00:00Z'))).toBe('2025-02-01T00:00:00.000Z')
  })
})
