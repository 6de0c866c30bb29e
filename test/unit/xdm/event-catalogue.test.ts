import { catalogueEntry, EVENT_CATALOGUE, EVENT_KINDS, isEventKind } from '../../../actions/lib/xdm'

/**
 * The "Accepted values for eventType" table of Adobe's XDM ExperienceEvent class
 * (AdobeDocs/experience-platform.en, help/xdm/classes/experienceevent.md), value for value.
 */
const ADOBE_EVENT_TYPES = [
  'advertising.clicks',
  'advertising.completes',
  'advertising.conversions',
  'advertising.federated',
  'advertising.firstQuartiles',
  'advertising.impressions',
  'advertising.midpoints',
  'advertising.starts',
  'advertising.thirdQuartiles',
  'advertising.timePlayed',
  'application.close',
  'application.launch',
  'commerce.backofficeCreditMemoIssued',
  'commerce.backofficeOrderCancelled',
  'commerce.backofficeOrderItemsShipped',
  'commerce.backofficeOrderPlaced',
  'commerce.backofficeShipmentCompleted',
  'commerce.checkouts',
  'commerce.productListAdds',
  'commerce.productListOpens',
  'commerce.productListRemovals',
  'commerce.productListReopens',
  'commerce.productListViews',
  'commerce.productViews',
  'commerce.purchases',
  'commerce.saveForLaters',
  'decisioning.propositionDisplay',
  'decisioning.propositionDismiss',
  'decisioning.propositionInteract',
  'decisioning.propositionSend',
  'decisioning.propositionTrigger',
  'delivery.feedback',
  'directMarketing.emailBounced',
  'directMarketing.emailBouncedSoft',
  'directMarketing.emailClicked',
  'directMarketing.emailDelivered',
  'directMarketing.emailOpened',
  'directMarketing.emailSent',
  'directMarketing.emailUnsubscribed',
  'inappmessageTracking.dismiss',
  'inappmessageTracking.display',
  'inappmessageTracking.interact',
  'leadOperation.callWebhook',
  'leadOperation.changeCampaignStream',
  'leadOperation.changeEngagementCampaignCadence',
  'leadOperation.convertLead',
  'leadOperation.interestingMoment',
  'leadOperation.mergeLeads',
  'leadOperation.newLead',
  'leadOperation.scoreChanged',
  'leadOperation.statusInCampaignProgressionChanged',
  'listOperation.addToList',
  'listOperation.removeFromList',
  'media.adBreakComplete',
  'media.adBreakStart',
  'media.adComplete',
  'media.adSkip',
  'media.adStart',
  'media.bitrateChange',
  'media.bufferStart',
  'media.chapterComplete',
  'media.chapterSkip',
  'media.chapterStart',
  'media.downloaded',
  'media.error',
  'media.pauseStart',
  'media.ping',
  'media.play',
  'media.sessionComplete',
  'media.sessionEnd',
  'media.sessionStart',
  'media.statesUpdate',
  'opportunityEvent.addToOpportunity',
  'opportunityEvent.opportunityUpdated',
  'opportunityEvent.removeFromOpportunity',
  'pushTracking.applicationOpened',
  'pushTracking.customAction',
  'web.formFilledOut',
  'web.webinteraction.linkClicks',
  'web.webpagedetails.pageViews',
  'location.entry',
  'location.exit',
  'message.feedback',
  'message.tracking'
]

describe('EVENT_CATALOGUE', () => {
  it("has an entry for every eventType in Adobe's ExperienceEvent reference", () => {
    // Act
    const missing = ADOBE_EVENT_TYPES.filter((t) => catalogueEntry(t) === undefined)
    // Assess
    expect(missing).toEqual([])
  })

  it('names each eventType once, with a known kind and an English label', () => {
    // Prepare
    const keys = EVENT_CATALOGUE.map((e) => e.eventType.toLowerCase())
    // Act
    const bad = EVENT_CATALOGUE.filter((e) => !isEventKind(e.kind) || e.label.trim() === '' || e.readers.length === 0)
    // Assess
    expect(new Set(keys).size).toBe(keys.length)
    expect(bad).toEqual([])
  })

  it("matches in any letter case, as Adobe's own enum spells some types (leadoperation.scoreChanged)", () => {
    // Act
    const found = ['leadoperation.scoreChanged', 'listOpearation.removeFromList', ' WEB.WEBPAGEDETAILS.PAGEVIEWS '].map(
      (t) => catalogueEntry(t)?.kind
    )
    // Assess
    expect(found).toEqual(['lead', 'lead', 'web-visit'])
  })

  it('knows nothing of tenant eventTypes', () => {
    // Act
    const found = ['loyalty.pointsRedeemed', 'support.callCompleted', '', 'commerce'].map((t) => catalogueEntry(t))
    // Assess
    expect(found).toEqual([undefined, undefined, undefined, undefined])
  })

  it('gives every kind a standard eventType but those read from fields, field groups or rules', () => {
    // Prepare
    const kinds = new Set<string>(EVENT_CATALOGUE.map((e) => e.kind))
    // Act
    const without = EVENT_KINDS.filter((k) => !kinds.has(k))
    // Assess: a launch's install flag, a message's outcome, site search fields, or a mapping rule.
    expect(without).toEqual([
      'search',
      'app-logout',
      'app-install',
      'app-upgrade',
      'app-crash',
      'message-click',
      'message-bounce',
      'message-unsubscribe',
      'support-call'
    ])
  })
})
