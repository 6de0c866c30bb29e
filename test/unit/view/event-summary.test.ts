import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { AepEvent } from '../../../actions/lib/aep'
import type { EventRule } from '../../../actions/lib/mapping'
import { type CustomerEvent, toCustomerEvent } from '../../../actions/lib/view'
import { EVENT_KINDS, type EventKind } from '../../../actions/lib/xdm'

const DIR = join(__dirname, '..', 'fixtures', 'xdm-events')
const FIXTURES = readdirSync(DIR).filter((f) => f.endsWith('.json'))
const fixture = (name: string): AepEvent => JSON.parse(readFileSync(join(DIR, `${name}.json`), 'utf8'))
const at = Date.parse('2026-11-20T10:00:00Z')
const event = (entity: Record<string, unknown>): AepEvent => ({ entityId: 'evt-1', timestamp: at, entity })
const cjm = (eventType: string, channel: string, fields: Record<string, unknown>): AepEvent =>
  event({
    eventType,
    _experience: {
      customerJourneyManagement: {
        messageProfile: { channel: { _id: `https://ns.adobe.com/xdm/channels/${channel}` } },
        ...fields
      }
    }
  })
const tracking = (channel: string, interactionType: string) =>
  cjm('message.tracking', channel, { messageInteraction: { interactionType } })
const feedback = (channel: string, feedbackStatus: string) =>
  cjm('message.feedback', channel, { messageDeliveryfeedback: { feedbackStatus } })
const shop = (eventType: string, items: Array<Record<string, unknown>>, extra: Record<string, unknown> = {}) =>
  event({ eventType, productListItems: items, ...extra })
const mug = { SKU: 'MUG-1', name: 'Trail Mug', quantity: 2, priceTotal: 24 }
const CALL = '_acsultimatesupport.interactionDetails.core.callCenterAgent'

const callRule: EventRule = {
  id: 'call',
  match: { hasPath: CALL },
  kind: 'support-call',
  channel: 'phone',
  details: { reason: `${CALL}.callTopic`, outcome: `${CALL}.callFeeling` }
}
const logoutRule: EventRule = {
  id: 'logout',
  match: { eventType: 'application.logout' },
  kind: 'app-logout',
  channel: null,
  details: {}
}

/** One event per kind, the rules it needs, and the channel and English line it must read as. */
const KIND_CASES: Array<[EventKind, AepEvent, EventRule[], string | null, string]> = [
  [
    'purchase',
    fixture('luma-offline-purchase'),
    [],
    null,
    'Purchased 7 items: LLMT04, 24-WG02, LLWS07 and more — $187.45'
  ],
  [
    'checkout',
    shop('commerce.checkouts', [mug], { commerce: { checkouts: { value: 1 } } }),
    [],
    null,
    'Checked out 2 items: Trail Mug — $24.00'
  ],
  ['cart-add', fixture('mobile-product-list-add'), [], 'mobile', 'Added Aurora Trail Watch to the cart — $92.00'],
  ['cart-remove', shop('commerce.productListRemovals', [mug]), [], null, 'Removed Trail Mug from the cart — $24.00'],
  [
    'cart-view',
    shop('commerce.productListViews', [mug, { SKU: 'CAP-9', name: 'Sun Cap' }]),
    [],
    null,
    'Viewed the cart: Trail Mug and Sun Cap — $24.00'
  ],
  ['product-view', fixture('mobile-product-view'), [], 'mobile', 'Viewed Harbor Fleece Hoodie — €48.00'],
  [
    'save-for-later',
    shop('commerce.saveForLaters', [{ SKU: 'CAP-9', name: 'Sun Cap' }]),
    [],
    null,
    'Saved Sun Cap for later'
  ],
  ['web-visit', fixture('web-page-view'), [], 'web', 'Visited luma: men: jackets'],
  ['web-click', fixture('web-link-click'), [], 'web', 'Clicked a link: Track my order'],
  ['search', fixture('site-search'), [], 'web', 'Searched for "rain jacket"'],
  ['app-launch', fixture('mobile-app-launch'), [], 'mobile', 'Opened Luma'],
  [
    'app-close',
    event({ eventType: 'application.close', application: { name: 'Luma', isClose: true, closeType: 'close' } }),
    [],
    'mobile',
    'Closed Luma'
  ],
  ['app-login', fixture('app-login'), [], 'mobile', 'Logged in to the app'],
  [
    'app-logout',
    event({ eventType: 'application.logout', application: { name: 'Luma' } }),
    [logoutRule],
    'mobile',
    'Logged out of the app'
  ],
  ['app-install', fixture('mobile-app-install'), [], 'mobile', 'Installed Luma'],
  [
    'app-upgrade',
    event({ eventType: 'application.launch', application: { name: 'Luma', upgrades: { value: 1 } } }),
    [],
    'mobile',
    'Updated Luma'
  ],
  [
    'app-crash',
    event({ eventType: 'application.close', application: { name: 'Luma', crashes: { value: 1 } } }),
    [],
    'mobile',
    'Luma crashed'
  ],
  ['email-send', feedback('email', 'delivered'), [], 'email', 'Delivered a marketing email'],
  ['email-open', fixture('ajo-email-open'), [], 'email', 'Opened a marketing email'],
  ['email-click', fixture('marketo-email-click'), [], 'email', 'Clicked email "Autumn Trail Sale"'],
  ['email-bounce', fixture('ajo-email-bounce'), [], 'email', 'A marketing email bounced (Invalid Recipient)'],
  ['email-unsubscribe', tracking('email', 'unsubscribe'), [], 'email', 'Unsubscribed from marketing email'],
  ['message-send', fixture('ajo-sms-sent'), [], 'sms', 'Sent an SMS'],
  ['message-open', tracking('whatsApp', 'open'), [], 'whatsapp', 'Opened a WhatsApp message'],
  ['message-click', tracking('sms', 'click'), [], 'sms', 'Clicked an SMS'],
  [
    'message-bounce',
    fixture('ajo-push-excluded'),
    [],
    'push',
    'A push notification not sent (excluded: PushNoTokenFoundInProfile)'
  ],
  ['message-unsubscribe', tracking('sms', 'unsubscribe'), [], 'sms', 'Unsubscribed from SMS'],
  ['push-open', fixture('push-opened'), [], 'push', 'Opened the app from a push notification'],
  ['push-action', fixture('push-custom-action'), [], 'push', 'Tapped "track-order" on a push notification'],
  ['in-app-display', fixture('inapp-display'), [], 'mobile', 'Saw an in-app message'],
  ['in-app-interact', fixture('inapp-interact'), [], 'mobile', 'Tapped an in-app message "Claim 20% off"'],
  ['in-app-dismiss', event({ eventType: 'inappmessageTracking.dismiss' }), [], 'mobile', 'Dismissed an in-app message'],
  ['offer-display', fixture('web-offer-display'), [], 'web', 'Shown an offer "Free shipping weekend"'],
  [
    'offer-interact',
    event({
      eventType: 'decisioning.propositionInteract',
      _experience: { decisioning: { propositionAction: { label: 'Book now' } } }
    }),
    [],
    null,
    'Clicked an offer "Book now"'
  ],
  ['offer-dismiss', event({ eventType: 'decisioning.propositionDismiss' }), [], null, 'Dismissed an offer'],
  ['lead', fixture('lead-status-changed'), [], null, 'Campaign status changed: Engaged — Attended webinar'],
  ['media', fixture('media-session-start'), [], 'web', 'Started watching "Trail Running Basics"'],
  ['location-entry', fixture('location-entry'), [], 'mobile', 'Arrived at Luma Store Downtown'],
  [
    'location-exit',
    event({
      eventType: 'location.exit',
      placeContext: { POIinteraction: { poiDetail: { name: 'Luma Store Downtown' } } }
    }),
    [],
    'mobile',
    'Left Luma Store Downtown'
  ],
  ['ad-impression', fixture('ad-impression'), [], null, 'Saw an ad (Autumn Trail)'],
  [
    'ad-click',
    event({ eventType: 'advertising.clicks', channel: { _type: 'https://ns.adobe.com/xdm/channel-types/social' } }),
    [],
    'social',
    'Clicked an ad'
  ],
  ['support-call', fixture('call-centre-contact'), [callRule], 'phone', 'Support call: invoice — positive'],
  [
    'activity',
    fixture('call-centre-contact'),
    [],
    null,
    'Call Center Agent — call topic: invoice, call feeling: positive'
  ]
]

describe('toCustomerEvent: one line per kind', () => {
  it('has a case for every event kind', () => {
    // Prepare
    const covered = new Set(KIND_CASES.map(([kind]) => kind))
    // Act
    const missing = EVENT_KINDS.filter((k) => !covered.has(k))
    // Assess
    expect(missing).toEqual([])
  })

  it.each(KIND_CASES)('reads %s', (kind, raw, rules, channel, summary) => {
    // Act
    const e = toCustomerEvent(raw, rules)
    // Assess
    expect({ type: e?.type, channel: e?.channel, summary: e?.summary }).toEqual({ type: kind, channel, summary })
  })
})

describe('toCustomerEvent: Adobe-shaped fixtures', () => {
  it.each(FIXTURES)('never reads %s as unknown, other or empty', (name) => {
    // Act
    const e = toCustomerEvent(fixture(name.replace(/\.json$/, '')))
    // Assess
    expect(e).not.toBeNull()
    expect(e?.summary.trim()).not.toBe('')
    expect(`${e?.summary} ${e?.type} ${e?.xdmEventType}`).not.toMatch(/unknown|undefined|null|\bother\b|\[object/i)
  })

  it("reads Luma's offline purchase, which has no eventType, from its field groups", () => {
    // Act
    const e = toCustomerEvent(fixture('luma-offline-purchase'))
    // Assess
    expect(e).toEqual<CustomerEvent>({
      id: 'luma-offline-purchase-0001',
      type: 'purchase',
      xdmEventType: '',
      source: 'inferred',
      timestamp: '2026-07-25T17:20:00.000Z',
      channel: null,
      summary: 'Purchased 7 items: LLMT04, 24-WG02, LLWS07 and more — $187.45',
      details: {
        itemCount: 7,
        amount: { value: 187.45, currency: 'USD' },
        products: ['LLMT04', '24-WG02', 'LLWS07', 'LLMP05']
      }
    })
  })

  it('gives AJO message events their channel, outcome and reason for the UI to rebuild the line', () => {
    // Act
    const bounce = toCustomerEvent(fixture('ajo-email-bounce'))
    const excluded = toCustomerEvent(fixture('ajo-push-excluded'))
    // Assess
    expect([bounce?.source, bounce?.details]).toEqual([
      'standard',
      { messageChannel: 'email', outcome: 'bounce', reason: 'Invalid Recipient' }
    ])
    expect(excluded?.details).toEqual({
      messageChannel: 'push',
      outcome: 'exclude',
      reason: 'PushNoTokenFoundInProfile'
    })
  })

  it('summarises a tenant call-centre event from its telling fields, skipping ids and identities', () => {
    // Act
    const e = toCustomerEvent(fixture('call-centre-contact'))
    // Assess
    expect([e?.type, e?.source, e?.xdmEventType]).toEqual(['activity', 'generic', ''])
    expect(e?.details).toEqual({
      facts: [
        { field: 'Call topic', value: 'invoice' },
        { field: 'Call feeling', value: 'positive' }
      ]
    })
    expect(JSON.stringify(e)).not.toMatch(/Support Contact|example\.com|\+1312|6008254/)
  })

  it('humanises an eventType no catalogue knows', () => {
    // Act
    const e = toCustomerEvent(event({ eventType: 'loyalty.pointsRedeemed', _acme: { loyalty: { points: 500 } } }))
    // Assess
    expect([e?.type, e?.source, e?.summary]).toEqual(['activity', 'generic', 'Loyalty · Points Redeemed — points: 500'])
  })
})

describe('toCustomerEvent: the admin event rules', () => {
  const templated: EventRule = {
    ...callRule,
    kind: 'support-call',
    summary: {
      en: 'Call about {_acsultimatesupport.interactionDetails.core.callCenterAgent.callTopic} ({_acme.missing}), felt {_acsultimatesupport.interactionDetails.core.callCenterAgent.callFeeling}.',
      'zh-Hant': '來電主題：{_acsultimatesupport.interactionDetails.core.callCenterAgent.callTopic}（{_acme.missing}）'
    }
  }

  it('matches by field path before the standard reading and fills the standard support-call line', () => {
    // Act
    const e = toCustomerEvent(fixture('call-centre-contact'), [callRule])
    // Assess
    expect(e).toMatchObject({
      type: 'support-call',
      source: 'mapping',
      channel: 'phone',
      summary: 'Support call: invoice — positive',
      details: { reason: 'invoice', outcome: 'positive' }
    })
  })

  it('matches by eventType in any letter case, and the first matching rule wins', () => {
    // Prepare
    const rules: EventRule[] = [
      { id: 'a', match: { eventType: 'LOYALTY.pointsRedeemed' }, kind: 'purchase', channel: 'store', details: {} },
      { id: 'b', match: { eventType: 'loyalty.pointsRedeemed' }, kind: 'lead', channel: null, details: {} }
    ]
    // Act
    const e = toCustomerEvent(event({ eventType: 'loyalty.pointsRedeemed' }), rules)
    // Assess
    expect([e?.type, e?.source, e?.channel, e?.summary]).toEqual(['purchase', 'mapping', 'store', 'Made a purchase'])
  })

  it('renders the summary template per language, missing fields as nothing, without leftover punctuation', () => {
    // Act
    const e = toCustomerEvent(fixture('call-centre-contact'), [templated])
    // Assess
    expect(e?.summary).toBe('Call about invoice, felt positive.')
    expect(e?.details.text).toEqual({ en: 'Call about invoice, felt positive.', 'zh-Hant': '來電主題：invoice' })
  })

  it("falls back to the kind's own line when the template renders empty", () => {
    // Prepare
    const rule: EventRule = { ...callRule, summary: { en: '{_acme.none} — {_acme.nothing}' } }
    // Act
    const e = toCustomerEvent(fixture('call-centre-contact'), [rule])
    // Assess
    expect([e?.summary, e?.details.text]).toEqual(['Support call: invoice — positive', undefined])
  })

  it('keeps standard details under a rule and reads durations, amounts and plain-text values from the event', () => {
    // Prepare
    const rule: EventRule = {
      id: 'order',
      match: { eventType: 'commerce.purchases' },
      kind: 'purchase',
      channel: null,
      details: { amount: '_acme.total.value', durationSeconds: '_acme.secs', reason: '_acme.note' },
      summary: { en: 'Order: {_acme.note}' }
    }
    const raw = shop('commerce.purchases', [mug], {
      _acme: { total: { value: 30.456, currencyCode: 'EUR' }, secs: '90', note: '{_acme.secs}\n<b>x</b>' }
    })
    // Act
    const e = toCustomerEvent(raw, [rule])
    // Assess
    expect(e?.summary).toBe('Order: {_acme.secs} <b>x</b>')
    expect(e?.details).toMatchObject({
      itemCount: 2,
      products: ['Trail Mug'],
      amount: { value: 30.46, currency: 'EUR' },
      durationSeconds: 90,
      reason: '{_acme.secs} <b>x</b>'
    })
  })

  it('ignores rules that are not a list (Array#map hands over an index) and kinds it does not know', () => {
    // Prepare
    const odd = { ...callRule, kind: 'teleport' } as unknown as EventRule
    // Act
    const asMapped = toCustomerEvent as unknown as (raw: AepEvent, index: number) => CustomerEvent | null
    const mapped = [fixture('call-centre-contact')].map(asMapped)
    const unknownKind = toCustomerEvent(fixture('call-centre-contact'), [odd])
    // Assess
    expect(mapped[0]?.source).toBe('generic')
    expect([unknownKind?.type, unknownKind?.source]).toEqual(['activity', 'mapping'])
    expect(unknownKind?.summary).toBe('Call Center Agent — call topic: invoice, call feeling: positive')
  })
})

describe('toCustomerEvent: untrusted data', () => {
  it('drops events without an id or a usable time', () => {
    // Act
    const results = [
      toCustomerEvent({ entityId: '', timestamp: at, entity: { eventType: 'x' } }),
      toCustomerEvent({ entityId: 'e', timestamp: null, entity: { eventType: 'x', timestamp: 'never' } }),
      toCustomerEvent({ entityId: 'e', timestamp: 1e300, entity: {} }),
      toCustomerEvent(null as unknown as AepEvent)
    ]
    // Assess
    expect(results).toEqual([null, null, null, null])
  })

  it("keeps the numeric _id of Adobe's call-centre sample", () => {
    // Act
    const e = toCustomerEvent({ entityId: '', timestamp: at, entity: { _id: 3461, _acme: { topic: 'billing' } } })
    // Assess
    expect([e?.id, e?.summary]).toEqual(['3461', 'Activity — topic: billing'])
  })

  it('survives hostile shapes with bounded plain text and JSON-safe numbers', () => {
    // Prepare
    const deep = Array.from({ length: 500 }).reduce<unknown>((inner) => ({ d: inner }), 'bottom')
    const raw = event({
      eventType: `<script>alert(1)</script>\n${'x'.repeat(500)}`,
      productListItems: [
        { quantity: 1e308, priceTotal: 1e308, name: { toString: 1 } },
        { quantity: 1e308, priceTotal: 1e308 },
        7
      ],
      commerce: 'order',
      channel: { _type: 'https://ns.adobe.com/xdm/channel-types/<img src=x onerror=alert(1)>' },
      web: { webPageDetails: { name: ['not', 'text'] } },
      ...JSON.parse('{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}}'),
      _evil: { deep, list: Array.from({ length: 100_000 }, (_, i) => ({ name: `n${i}` })) }
    })
    // Act
    const protoRule: EventRule = { id: 'r', match: { hasPath: 'toString' }, kind: 'lead', channel: null, details: {} }
    const e = toCustomerEvent(raw, [protoRule])
    // Assess
    expect(e).not.toBeNull()
    expect(JSON.parse(JSON.stringify(e))).toEqual(e)
    expect(e?.xdmEventType.length).toBeLessThanOrEqual(80)
    expect(e?.summary.length).toBeLessThanOrEqual(200)
    expect(e?.summary).not.toMatch(/\n/)
    expect([e?.type, e?.source, e?.channel]).toEqual(['activity', 'generic', null])
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })
})
