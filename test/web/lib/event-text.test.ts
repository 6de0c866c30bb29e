import type { CustomerEvent, EventDetails, EventKind } from '../../../actions/lib/view/view-types'
import { EVENT_KINDS } from '../../../actions/lib/xdm/event-kinds'
import { createI18n } from '../../../web-src/src/i18n/i18n-context'
import { channelText, eventText, KNOWN_EVENT_KINDS, knownKind } from '../../../web-src/src/lib/event-text'

const en = createI18n('en-US')
const zh = createI18n('zh-Hant')
const HAN = /\p{Script=Han}/u

function event(type: EventKind, details: EventDetails = {}, extra: Partial<CustomerEvent> = {}): CustomerEvent {
  return {
    id: `ev-${type}`,
    type,
    xdmEventType: '',
    source: 'standard',
    timestamp: '2025-03-01T10:00:00Z',
    channel: null,
    summary: 'English summary the UI must not show',
    details,
    ...extra
  }
}

/** Everything a detail reader can find, so every kind's fullest line is built. */
const RICH: EventDetails = {
  itemCount: 3,
  amount: { value: 129.9, currency: 'USD' },
  products: ['Didi Sport Watch', 'Running Shorts', 'Water Bottle'],
  campaign: 'Spring Sale',
  journey: 'Welcome series',
  page: 'Running shoes',
  app: 'Luma',
  messageChannel: 'sms',
  offer: 'Free shipping',
  media: 'Trail guide',
  place: 'Union Square store',
  keywords: 'trail shoes',
  reason: 'Late delivery',
  outcome: 'Resolved',
  durationSeconds: 420
}

describe('event lines', () => {
  it('know every kind of the contract, and no other', () => {
    // Assess
    expect([...KNOWN_EVENT_KINDS].sort()).toEqual([...EVENT_KINDS].sort())
  })

  it.each([
    ['en-US', en],
    ['zh-Hant', zh]
  ])('give every kind a non-empty line in %s, with and without details, never "unknown"', (_locale, i18n) => {
    // Prepare
    const bare = EVENT_KINDS.map((kind) => event(kind))
    const rich = EVENT_KINDS.map((kind) => event(kind, RICH))

    // Act
    const lines = [...bare, ...rich].map((e) => [e.type, eventText(e, i18n)] as const)

    // Assess
    expect(lines.filter(([, line]) => line.trim() === '')).toEqual([])
    expect(lines.filter(([, line]) => /unknown/i.test(line))).toEqual([])
    expect(lines.filter(([, line]) => line.includes('English summary'))).toEqual([])
  })

  it('write every kind in Chinese for zh-Hant, differently from English', () => {
    // Act
    const untranslated = EVENT_KINDS.filter((kind) => {
      const zhLine = eventText(event(kind), zh)
      return !HAN.test(zhLine) || zhLine === eventText(event(kind), en)
    })

    // Assess
    expect(untranslated).toEqual([])
  })

  it('name the first product and count the rest', () => {
    // Act
    const line = eventText(event('purchase', { products: RICH.products, amount: RICH.amount, itemCount: 3 }), en)
    const zhLine = eventText(event('cart-add', { products: ['Didi Sport Watch', 'Running Shorts'] }), zh)

    // Assess
    expect(line).toBe('Purchased Didi Sport Watch and 2 more — $129.90')
    expect(zhLine).toBe('將 Didi Sport Watch 及另外 1 件商品 加入購物車')
  })

  it('count items when a purchase names no product, and plural rules pick the form', () => {
    // Assess
    expect(eventText(event('purchase', { itemCount: 1 }), en)).toBe('Purchased 1 item')
    expect(eventText(event('purchase', { itemCount: 2, amount: { value: 129.9, currency: 'USD' } }), zh)).toBe(
      '購買了 2 件商品，金額 US$129.90'
    )
    expect(eventText(event('purchase'), en)).toBe('Made a purchase')
  })

  it('say the campaign, the journey and the message channel of a message', () => {
    // Act
    const line = eventText(event('message-open', RICH), en)
    const sameChannel = eventText(
      event('message-open', { campaign: 'Spring Sale', messageChannel: 'sms' }, { channel: 'sms' }),
      en
    )

    // Assess
    expect(line).toBe(
      'Opened message “Spring Sale” (journey “Welcome series”) (SMS) — $129.90 (reason: Late delivery) (7 min) · outcome: Resolved'
    )
    expect(sameChannel).toBe('Opened message “Spring Sale”')
  })

  it('give a support call its reason, duration and outcome', () => {
    // Prepare
    const call = event('support-call', { reason: 'Billing', durationSeconds: 420, outcome: 'Refund issued' })

    // Act + Assess
    expect(eventText(call, en)).toBe('Support call: Billing (7 min) · outcome: Refund issued')
    expect(eventText(call, zh)).toBe('客服來電：Billing（7 分鐘），結果：Refund issued')
  })

  it("use the admin's mapped template in the agent's language, else its English", () => {
    // Prepare
    const both = event('support-call', { reason: 'x', text: { en: 'Called about Billing', 'zh-Hant': '來電詢問帳單' } })
    const englishOnly = event('support-call', { text: { en: 'Called about Billing' } })
    const blank = event('support-call', { reason: 'Billing', text: { en: '  ' } })

    // Act + Assess
    expect(eventText(both, en)).toBe('Called about Billing')
    expect(eventText(both, zh)).toBe('來電詢問帳單')
    expect(eventText(englishOnly, zh)).toBe('Called about Billing')
    expect(eventText(blank, en)).toBe('Support call: Billing')
  })

  it('describe an unknown event by its eventType and telling fields', () => {
    // Prepare
    const withFacts = event(
      'activity',
      {
        facts: [
          { field: 'topic', value: 'Billing' },
          { field: 'queueName', value: 'Gold members' }
        ]
      },
      { xdmEventType: 'callCenter.agent' }
    )

    // Act + Assess
    expect(eventText(withFacts, en)).toBe('Call center agent · topic: Billing · queue name: Gold members')
    expect(eventText(withFacts, zh)).toBe('Call center agent · topic：Billing · queue name：Gold members')
  })

  it('fall back to the eventType, then to a generic "Activity", never to "unknown"', () => {
    // Assess
    expect(eventText(event('activity', {}, { xdmEventType: '_acme.loyaltyRedeemed' }), en)).toBe(
      'Acme loyalty redeemed'
    )
    expect(eventText(event('activity', {}, { xdmEventType: 'unknown' }), en)).toBe('Activity')
    expect(eventText(event('activity', { facts: [{ field: 'topic', value: 'Billing' }] }), en)).toBe(
      'Activity · topic: Billing'
    )
    expect(eventText(event('activity'), zh)).toBe('活動')
  })

  it('treat a kind newer than the console, or an old cache’s "other", as activity', () => {
    // Act
    const line = eventText(event('other' as EventKind, {}, { xdmEventType: 'unknown' }), en)

    // Assess
    expect(knownKind('loyalty-redeem')).toBe('activity')
    expect(knownKind('toString')).toBe('activity')
    expect(knownKind('push-open')).toBe('push-open')
    expect(line).toBe('Activity')
  })

  it('name the newer channels in the agent’s language', () => {
    // Assess
    expect(['sms', 'push', 'inApp', 'in-app', 'whatsapp', 'mail'].map((c) => channelText(c, en))).toEqual([
      'SMS',
      'push notification',
      'in-app message',
      'in-app message',
      'WhatsApp',
      'direct mail'
    ])
    expect(channelText('sms', zh)).toBe('簡訊')
    expect(channelText('carrier-pigeon', en)).toBe('carrier-pigeon')
  })
})
