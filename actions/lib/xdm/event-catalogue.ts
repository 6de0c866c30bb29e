/**
 * The standard XDM `eventType` values and what each means on the timeline: a kind, the channel it
 * implies (null: the event's own fields say), which detail readers apply, and a few English words
 * for the summary line. Sources: the "Accepted values for eventType" table of Adobe's XDM
 * ExperienceEvent class (AdobeDocs/experience-platform.en, help/xdm/classes/experienceevent.md),
 * the eventType meta:enum of adobe/xdm (components/behaviors/time-series.schema.json) and the Web
 * SDK's list (which adds decisioning.propositionFetch, leadOperation.revenueStageChanged and
 * leadOperation.addToCampaign). Keys are matched case-insensitively: Adobe's own enum mixes cases.
 */
import type { DetailReader } from './event-details'
import type { EventKind } from './event-kinds'

/** How a kind depends on the event's fields rather than on its eventType alone. */
export type KindRefiner = 'message-tracking' | 'message-feedback' | 'app-launch' | 'app-close'

export interface CatalogueEntry {
  /** The eventType as Adobe spells it. */
  eventType: string
  kind: EventKind
  /** The channel the eventType implies; null lets the event's channel fields speak. */
  channel: string | null
  readers: readonly DetailReader[]
  /** What happened in a few English words ("New lead", "Ad skipped"), for the summary line. */
  label: string
  refine?: KindRefiner
}

const SHOP: DetailReader[] = ['commerce', 'marketing']
const MAIL: DetailReader[] = ['marketing']
const MSG: DetailReader[] = ['message', 'app']
const PUSH: DetailReader[] = ['push', 'app', 'message']
const IN_APP: DetailReader[] = ['offer', 'app', 'message']
const OFFER: DetailReader[] = ['offer', 'page', 'app']
const LEAD: DetailReader[] = ['lead', 'marketing']
const MEDIA: DetailReader[] = ['media']
const PLACE: DetailReader[] = ['place', 'app']
const AD: DetailReader[] = ['marketing']

type Row = [eventType: string, kind: EventKind, channel: string | null, readers: DetailReader[], label: string]

const ROWS: Row[] = [
  ['advertising.clicks', 'ad-click', null, AD, 'Clicked an ad'],
  ['advertising.completes', 'ad-impression', null, AD, 'Watched an ad to the end'],
  ['advertising.conversions', 'ad-click', null, AD, 'Converted from an ad'],
  ['advertising.federated', 'activity', null, AD, 'Advertising data shared'],
  ['advertising.firstQuartiles', 'ad-impression', null, AD, 'Watched a quarter of an ad'],
  ['advertising.impressions', 'ad-impression', null, AD, 'Saw an ad'],
  ['advertising.midpoints', 'ad-impression', null, AD, 'Watched half of an ad'],
  ['advertising.starts', 'ad-impression', null, AD, 'Started an ad'],
  ['advertising.thirdQuartiles', 'ad-impression', null, AD, 'Watched three quarters of an ad'],
  ['advertising.timePlayed', 'ad-impression', null, AD, 'Watched an ad'],
  ['commerce.backofficeCreditMemoIssued', 'activity', null, SHOP, 'Credit memo issued'],
  ['commerce.backofficeOrderCancelled', 'activity', null, SHOP, 'Order cancelled'],
  ['commerce.backofficeOrderItemsShipped', 'activity', null, SHOP, 'Order items shipped'],
  ['commerce.backofficeOrderPlaced', 'purchase', null, SHOP, 'Order placed'],
  ['commerce.backofficeShipmentCompleted', 'activity', null, SHOP, 'Shipment completed'],
  ['commerce.checkouts', 'checkout', null, SHOP, 'Checked out'],
  ['commerce.productListAdds', 'cart-add', null, SHOP, 'Added to the cart'],
  ['commerce.productListOpens', 'cart-view', null, SHOP, 'Opened a cart'],
  ['commerce.productListRemovals', 'cart-remove', null, SHOP, 'Removed from the cart'],
  ['commerce.productListReopens', 'cart-view', null, SHOP, 'Reopened a cart'],
  ['commerce.productListViews', 'cart-view', null, SHOP, 'Viewed the cart'],
  ['commerce.productViews', 'product-view', null, SHOP, 'Viewed a product'],
  ['commerce.purchases', 'purchase', null, SHOP, 'Purchased'],
  ['commerce.saveForLaters', 'save-for-later', null, SHOP, 'Saved for later'],
  ['decisioning.propositionDisplay', 'offer-display', null, OFFER, 'Shown an offer'],
  ['decisioning.propositionDismiss', 'offer-dismiss', null, OFFER, 'Dismissed an offer'],
  ['decisioning.propositionFetch', 'offer-display', null, OFFER, 'Offers fetched'],
  ['decisioning.propositionInteract', 'offer-interact', null, OFFER, 'Clicked an offer'],
  ['decisioning.propositionSend', 'offer-display', null, OFFER, 'Sent an offer'],
  ['decisioning.propositionTrigger', 'offer-display', null, OFFER, 'Offer triggered'],
  ['directMarketing.emailBounced', 'email-bounce', 'email', MAIL, 'Email bounced'],
  ['directMarketing.emailBouncedSoft', 'email-bounce', 'email', MAIL, 'Email soft-bounced'],
  ['directMarketing.emailClicked', 'email-click', 'email', MAIL, 'Clicked an email'],
  ['directMarketing.emailDelivered', 'email-send', 'email', MAIL, 'Email delivered'],
  ['directMarketing.emailOpened', 'email-open', 'email', MAIL, 'Opened an email'],
  ['directMarketing.emailSent', 'email-send', 'email', MAIL, 'Email sent'],
  ['directMarketing.emailUnsubscribed', 'email-unsubscribe', 'email', MAIL, 'Unsubscribed from email'],
  ['inappmessageTracking.dismiss', 'in-app-dismiss', 'mobile', IN_APP, 'Dismissed an in-app message'],
  ['inappmessageTracking.display', 'in-app-display', 'mobile', IN_APP, 'Saw an in-app message'],
  ['inappmessageTracking.interact', 'in-app-interact', 'mobile', IN_APP, 'Tapped an in-app message'],
  ['leadOperation.addToCampaign', 'lead', null, LEAD, 'Added to a campaign'],
  ['leadOperation.callWebhook', 'lead', null, LEAD, 'Webhook called for the lead'],
  ['leadOperation.changeCampaignStream', 'lead', null, LEAD, 'Campaign stream changed'],
  ['leadOperation.changeEngagementCampaignCadence', 'lead', null, LEAD, 'Engagement cadence changed'],
  ['leadOperation.convertLead', 'lead', null, LEAD, 'Lead converted'],
  ['leadOperation.interestingMoment', 'lead', null, LEAD, 'Interesting moment'],
  ['leadOperation.mergeLeads', 'lead', null, LEAD, 'Leads merged'],
  ['leadOperation.newLead', 'lead', null, LEAD, 'New lead'],
  ['leadOperation.revenueStageChanged', 'lead', null, LEAD, 'Revenue stage changed'],
  ['leadOperation.scoreChanged', 'lead', null, LEAD, 'Lead score changed'],
  ['leadOperation.statusInCampaignProgressionChanged', 'lead', null, LEAD, 'Campaign status changed'],
  ['listOperation.addToList', 'lead', null, LEAD, 'Added to a marketing list'],
  ['listOperation.removeFromList', 'lead', null, LEAD, 'Removed from a marketing list'],
  // Adobe's own meta:enum spells it so.
  ['listOpearation.removeFromList', 'lead', null, LEAD, 'Removed from a marketing list'],
  ['opportunityEvent.addToOpportunity', 'lead', null, LEAD, 'Added to an opportunity'],
  ['opportunityEvent.opportunityUpdated', 'lead', null, LEAD, 'Opportunity updated'],
  ['opportunityEvent.removeFromOpportunity', 'lead', null, LEAD, 'Removed from an opportunity'],
  ['media.adBreakComplete', 'media', null, MEDIA, 'Ad break finished'],
  ['media.adBreakStart', 'media', null, MEDIA, 'Ad break started'],
  ['media.adComplete', 'media', null, MEDIA, 'Ad finished'],
  ['media.adSkip', 'media', null, MEDIA, 'Ad skipped'],
  ['media.adStart', 'media', null, MEDIA, 'Ad started'],
  ['media.bitrateChange', 'media', null, MEDIA, 'Bitrate changed'],
  ['media.bufferStart', 'media', null, MEDIA, 'Buffering'],
  ['media.chapterComplete', 'media', null, MEDIA, 'Chapter finished'],
  ['media.chapterSkip', 'media', null, MEDIA, 'Chapter skipped'],
  ['media.chapterStart', 'media', null, MEDIA, 'Chapter started'],
  ['media.downloaded', 'media', null, MEDIA, 'Media downloaded'],
  ['media.error', 'media', null, MEDIA, 'Playback error'],
  ['media.pauseStart', 'media', null, MEDIA, 'Paused'],
  ['media.ping', 'media', null, MEDIA, 'Watching'],
  ['media.play', 'media', null, MEDIA, 'Playing'],
  ['media.sessionComplete', 'media', null, MEDIA, 'Finished watching'],
  ['media.sessionEnd', 'media', null, MEDIA, 'Stopped watching'],
  ['media.sessionStart', 'media', null, MEDIA, 'Started watching'],
  ['media.statesUpdate', 'media', null, MEDIA, 'Player state changed'],
  ['media.reporting.adClose', 'media', null, MEDIA, 'Ad finished'],
  ['media.reporting.adStart', 'media', null, MEDIA, 'Ad started'],
  ['media.reporting.chapterClose', 'media', null, MEDIA, 'Chapter finished'],
  ['media.reporting.sessionClose', 'media', null, MEDIA, 'Stopped watching'],
  ['media.reporting.sessionStart', 'media', null, MEDIA, 'Started watching'],
  ['pushTracking.applicationOpened', 'push-open', 'push', PUSH, 'Opened a push notification'],
  ['pushTracking.customAction', 'push-action', 'push', PUSH, 'Tapped a push notification action'],
  ['web.formFilledOut', 'web-click', 'web', ['form', 'marketing'], 'Filled out a form'],
  ['web.webinteraction.linkClicks', 'web-click', 'web', ['link', 'marketing'], 'Clicked a link'],
  ['web.webpagedetails.pageViews', 'web-visit', 'web', ['page', 'marketing'], 'Viewed a page'],
  ['location.entry', 'location-entry', 'mobile', PLACE, 'Arrived at a place'],
  ['location.exit', 'location-exit', 'mobile', PLACE, 'Left a place'],
  // Not in the enum, but sent by Adobe's sample app (the Real-Time Customer Profile API tutorial).
  ['application.login', 'app-login', 'mobile', ['app'], 'Logged in to the app']
]

/** Entries whose kind the event's fields decide (AJO message events, Mobile SDK lifecycle). */
const REFINED: CatalogueEntry[] = [
  {
    eventType: 'message.tracking',
    kind: 'message-open',
    channel: null,
    readers: MSG,
    label: 'Message',
    refine: 'message-tracking'
  },
  {
    eventType: 'message.feedback',
    kind: 'message-send',
    channel: null,
    readers: MSG,
    label: 'Message',
    refine: 'message-feedback'
  },
  {
    eventType: 'delivery.feedback',
    kind: 'message-send',
    channel: null,
    readers: MSG,
    label: 'Message',
    refine: 'message-feedback'
  },
  {
    eventType: 'application.launch',
    kind: 'app-launch',
    channel: 'mobile',
    readers: ['app'],
    label: 'Opened the app',
    refine: 'app-launch'
  },
  {
    eventType: 'application.close',
    kind: 'app-close',
    channel: 'mobile',
    readers: ['app'],
    label: 'Closed the app',
    refine: 'app-close'
  }
]

/** Every catalogue entry, in the order above. */
export const EVENT_CATALOGUE: readonly CatalogueEntry[] = [
  ...ROWS.map(([eventType, kind, channel, readers, label]) => ({ eventType, kind, channel, readers, label })),
  ...REFINED
]

const BY_TYPE = new Map(EVENT_CATALOGUE.map((e) => [e.eventType.toLowerCase(), e]))

/** The catalogue entry of a standard eventType (any letter case), or undefined. */
export function catalogueEntry(eventType: string): CatalogueEntry | undefined {
  return BY_TYPE.get(eventType.trim().toLowerCase())
}
