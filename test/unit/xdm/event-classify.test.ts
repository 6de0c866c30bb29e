import { readStandardEvent, type StandardReading } from '../../../actions/lib/xdm'

const CJM = (fields: Record<string, unknown>) => ({ _experience: { customerJourneyManagement: fields } })
const channel = (name: string) => ({
  messageProfile: { channel: { _id: `https://ns.adobe.com/xdm/channels/${name}` } }
})
const kindOf = (e: Record<string, unknown>, eventType = ''): string | undefined => readStandardEvent(e, eventType)?.kind

describe('readStandardEvent: field-group inference', () => {
  it("reads Luma's offline purchase (commerce.order, no eventType) as an inferred purchase", () => {
    // Prepare
    const luma = {
      _techmarketingdemos: { systemIdentifier: { loyaltyId: 5120044 } },
      commerce: { order: { purchaseID: '611-204-883-5017', priceTotal: 187.45 } },
      productListItems: [
        { SKU: 'LLMT04', quantity: 2 },
        { SKU: '24-WG02', quantity: 1 }
      ]
    }
    // Act
    const reading = readStandardEvent(luma, '')
    // Assess
    expect(reading).toEqual<StandardReading>({
      kind: 'purchase',
      source: 'inferred',
      channel: null,
      label: 'Purchased',
      details: { products: ['LLMT04', '24-WG02'], itemCount: 3, amount: { value: 187.45, currency: 'USD' } }
    })
  })

  it('tries the specific field groups before a page: an add-to-cart with page details is a cart add', () => {
    // Prepare
    const add = {
      commerce: { productListAdds: { value: 1 } },
      productListItems: [{ SKU: '24-WG09', name: 'Aurora Trail Watch', quantity: 1 }],
      web: { webPageDetails: { name: 'Aurora Trail Watch' } }
    }
    // Act / Assess
    expect(kindOf(add)).toBe('cart-add')
  })

  it('reads a push open before the app launch it also counts', () => {
    // Prepare
    const open = { pushNotificationTracking: { pushProvider: 'apns' }, application: { launches: { value: 1 } } }
    // Act / Assess
    expect([kindOf(open), kindOf({ application: { launches: { value: 1 } } })]).toEqual(['push-open', 'app-launch'])
  })

  it('counts a measure only when it is positive: a geofence entry also reports poiExits 0', () => {
    // Prepare
    const poi = { placeContext: { POIinteraction: { poiEntries: { value: 1 }, poiExits: { value: 0 } } } }
    const exit = { placeContext: { POIinteraction: { poiEntries: { value: 0 }, poiExits: { value: 1 } } } }
    // Act / Assess
    expect([kindOf(poi), kindOf(exit)]).toEqual(['location-entry', 'location-exit'])
  })

  it('reads a bare page as a visit only when the event has no eventType of its own', () => {
    // Prepare
    const page = { web: { webPageDetails: { name: 'home', URL: 'https://luma.example.com/' } } }
    // Act / Assess
    expect([kindOf(page), kindOf(page, 'web.login')]).toEqual(['web-visit', undefined])
  })

  it('lets strong field groups name a tenant eventType, and leaves tenant-only events alone', () => {
    // Prepare
    const order = { commerce: { order: { priceTotal: 12 } } }
    const tenant = { _acme: { loyalty: { points: 10 } } }
    // Act
    const readings = [
      readStandardEvent(order, 'loyalty.redeem'),
      readStandardEvent(tenant, ''),
      readStandardEvent({}, '')
    ]
    // Assess
    expect(readings.map((r) => r && [r.kind, r.source])).toEqual([['purchase', 'inferred'], undefined, undefined])
  })

  it('infers site search, media, lead operations and AJO messages from their field groups', () => {
    // Act
    const kinds = [
      kindOf({ siteSearch: { query: 'rain jacket' }, web: { webPageDetails: { name: 'search' } } }),
      kindOf({ search: { keywords: 'rice cooker', searchEngine: 'Google' } }),
      kindOf({ mediaCollection: { sessionDetails: { friendlyName: 'Trail Running Basics' } } }),
      kindOf({ leadOperation: { newLead: { leadSource: 'Webinar' } } }),
      kindOf({ ...CJM({ ...channel('email'), messageInteraction: { interactionType: 'click' } }) }),
      kindOf({ ...CJM({ ...channel('sms'), messageDeliveryfeedback: { feedbackStatus: 'sent' } }) }),
      kindOf({ _experience: { decisioning: { propositionEventType: { display: 1 } } } })
    ]
    // Assess
    expect(kinds).toEqual(['search', 'search', 'media', 'lead', 'email-click', 'message-send', 'offer-display'])
  })
})

describe('readStandardEvent: kinds that hang on the fields', () => {
  it.each([
    ['email', 'open', 'email-open'],
    ['email', 'bot_click', 'email-click'],
    ['email', 'spam_complaint', 'email-unsubscribe'],
    ['sms', 'unsubscribe', 'message-unsubscribe'],
    ['push', 'click', 'push-open'],
    ['inapp', 'open', 'in-app-display'],
    ['inApp', 'click', 'in-app-interact'],
    ['whatsApp', 'reply', 'message-click']
  ])('message.tracking over %s with %s is %s', (name, interactionType, kind) => {
    // Act / Assess
    expect(kindOf(CJM({ ...channel(name), messageInteraction: { interactionType } }), 'message.tracking')).toBe(kind)
  })

  it.each([
    ['email', 'sent', 'email-send'],
    ['email', 'delivered', 'email-send'],
    ['email', 'read', 'email-open'],
    ['email', 'out_of_band', 'email-bounce'],
    ['push', 'exclude', 'message-bounce'],
    ['sms', 'delay', 'message-send'],
    ['sms', 'some-new-status', 'message-send']
  ])('message.feedback over %s with %s is %s', (name, feedbackStatus, kind) => {
    // Act / Assess
    expect(kindOf(CJM({ ...channel(name), messageDeliveryfeedback: { feedbackStatus } }), 'message.feedback')).toBe(
      kind
    )
  })

  it('reads a message with no channel as a message, not as an email', () => {
    // Act
    const reading = readStandardEvent(CJM({ messageInteraction: { interactionType: 'open' } }), 'message.tracking')
    // Assess
    expect([reading?.kind, reading?.channel, reading?.details.messageChannel]).toEqual([
      'message-open',
      null,
      undefined
    ])
  })

  it('tells installs, upgrades and crashes from plain launches and closes (Lifecycle for Edge Network)', () => {
    // Act
    const kinds = [
      kindOf({ application: { isInstall: true } }, 'application.launch'),
      kindOf({ application: { upgrades: { value: 1 } } }, 'application.launch'),
      kindOf({ application: { installs: { value: 0 } } }, 'application.launch'),
      kindOf({ application: { crashes: { value: 1 } } }, 'application.close'),
      kindOf({ application: { closeType: 'close' } }, 'application.close')
    ]
    // Assess
    expect(kinds).toEqual(['app-install', 'app-upgrade', 'app-launch', 'app-crash', 'app-close'])
  })
})

describe('readStandardEvent: details', () => {
  it('names the offer from the proposition item, the action label, or the activity', () => {
    // Prepare
    const item = { _experience: { decisioning: { propositions: [{ items: [{ id: 'o1', name: 'Free shipping' }] }] } } }
    const label = { _experience: { decisioning: { propositionAction: { label: 'Book now' } } } }
    const activity = {
      _experience: { decisioning: { propositions: [{ scopeDetails: { activity: { name: 'Spring 21' } } }] } }
    }
    // Act
    const offers = [item, label, activity].map(
      (e) => readStandardEvent(e, 'decisioning.propositionDisplay')?.details.offer
    )
    // Assess
    expect(offers).toEqual(['Free shipping', 'Book now', 'Spring 21'])
  })

  it('names campaigns and journeys only from fields Adobe documents (entities, Marketo mailing, Marketing)', () => {
    // Prepare
    const entities = CJM({
      ...channel('email'),
      messageInteraction: { interactionType: 'open' },
      entities: { campaign: { name: 'Autumn Sale' }, journey: { journeyName: 'Welcome series' } }
    })
    // Act
    const d = readStandardEvent(entities, 'message.tracking')?.details
    const marketing = readStandardEvent({ marketing: { campaignName: 'Spring' } }, 'advertising.clicks')?.details
    // Assess
    expect([d?.campaign, d?.journey, marketing?.campaign]).toEqual(['Autumn Sale', 'Welcome series', 'Spring'])
  })

  it('keeps at most five product names, bounded, and drops sums that overflow to Infinity', () => {
    // Prepare
    const items = Array.from({ length: 9 }, (_, i) => ({
      name: `${i} ${'p'.repeat(200)}`,
      quantity: 1e308,
      priceTotal: 1e308
    }))
    // Act
    const d = readStandardEvent({ productListItems: items }, 'commerce.purchases')?.details
    // Assess
    expect(d?.products).toHaveLength(5)
    expect(d?.products?.every((p) => p.length <= 80)).toBe(true)
    expect([d?.itemCount, d?.amount]).toEqual([undefined, undefined])
  })
})
