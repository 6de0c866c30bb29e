/**
 * What an event is when its eventType does not say: read from the field groups it carries. Luma's
 * offline purchases have no eventType, only `commerce.order` and `productListItems`; a Mobile SDK
 * add-to-cart carries `commerce.productListAdds` beside `web.webPageDetails`, so the order below
 * tries the most specific field groups first and a bare page last.
 */
import { type CatalogueEntry, catalogueEntry } from './event-catalogue'
import { recorded, type XdmObject } from './event-values'

const CJM = '_experience.customerJourneyManagement'
const DECISIONING = '_experience.decisioning.propositionEventType'

/** Kinds the standard eventTypes do not cover but field groups do. */
const FIELD_GROUP_ONLY: Record<string, CatalogueEntry> = {
  search: { eventType: '', kind: 'search', channel: null, readers: ['search', 'page'], label: 'Searched' },
  media: { eventType: '', kind: 'media', channel: null, readers: ['media'], label: 'Watched media' },
  lead: { eventType: '', kind: 'lead', channel: null, readers: ['lead', 'marketing'], label: 'Lead activity' }
}

/**
 * Field path → the eventType (or field-group-only kind) it stands for. `weak` signals are used only
 * for events with no eventType at all: a page name alone does not make a custom event a page view.
 */
const SIGNALS: Array<{ path: string; is: string; weak?: true }> = [
  { path: `${CJM}.messageDeliveryfeedback`, is: 'message.feedback' },
  { path: `${CJM}.messageInteraction`, is: 'message.tracking' },
  { path: 'pushNotificationTracking.customAction', is: 'pushTracking.customAction' },
  { path: 'pushNotificationTracking', is: 'pushTracking.applicationOpened' },
  { path: `${DECISIONING}.dismiss`, is: 'decisioning.propositionDismiss' },
  { path: `${DECISIONING}.interact`, is: 'decisioning.propositionInteract' },
  { path: `${DECISIONING}.display`, is: 'decisioning.propositionDisplay' },
  { path: 'commerce.purchases', is: 'commerce.purchases' },
  { path: 'commerce.checkouts', is: 'commerce.checkouts' },
  { path: 'commerce.productListRemovals', is: 'commerce.productListRemovals' },
  { path: 'commerce.productListAdds', is: 'commerce.productListAdds' },
  { path: 'commerce.saveForLaters', is: 'commerce.saveForLaters' },
  { path: 'commerce.productListReopens', is: 'commerce.productListReopens' },
  { path: 'commerce.productListOpens', is: 'commerce.productListOpens' },
  { path: 'commerce.productListViews', is: 'commerce.productListViews' },
  { path: 'commerce.productViews', is: 'commerce.productViews' },
  { path: 'commerce.order', is: 'commerce.purchases' },
  { path: 'placeContext.POIinteraction.poiEntries', is: 'location.entry' },
  { path: 'placeContext.POIinteraction.poiExits', is: 'location.exit' },
  { path: 'mediaCollection', is: 'media' },
  { path: 'mediaReporting', is: 'media' },
  { path: 'advertising.clicks', is: 'advertising.clicks' },
  { path: 'advertising.impressions', is: 'advertising.impressions' },
  { path: 'directMarketing.unsubscriptions', is: 'directMarketing.emailUnsubscribed' },
  { path: 'directMarketing.bounces', is: 'directMarketing.emailBounced' },
  { path: 'directMarketing.clicks', is: 'directMarketing.emailClicked' },
  { path: 'directMarketing.opens', is: 'directMarketing.emailOpened' },
  { path: 'directMarketing.sends', is: 'directMarketing.emailSent' },
  { path: 'leadOperation', is: 'lead' },
  { path: 'listOperations', is: 'lead' },
  { path: 'opportunityEvent', is: 'lead' },
  { path: 'application.crashes', is: 'application.close' },
  { path: 'application.applicationCloses', is: 'application.close' },
  { path: 'application.installs', is: 'application.launch' },
  { path: 'application.upgrades', is: 'application.launch' },
  { path: 'application.launches', is: 'application.launch' },
  { path: 'web.fillOutForm', is: 'web.formFilledOut' },
  { path: 'web.webInteraction.linkClicks', is: 'web.webinteraction.linkClicks' },
  { path: 'web.webPageDetails.pageViews', is: 'web.webpagedetails.pageViews' },
  { path: 'search.keywords', is: 'search' },
  { path: 'siteSearch.query', is: 'search' },
  { path: 'web.webPageDetails', is: 'web.webpagedetails.pageViews', weak: true }
]

/**
 * The catalogue entry the event's field groups point to, or undefined. `hasEventType`: the event
 * names an eventType the catalogue does not know, so only strong signals count.
 */
export function inferEntry(e: XdmObject, hasEventType: boolean): CatalogueEntry | undefined {
  for (const s of SIGNALS) {
    if ((s.weak && hasEventType) || !recorded(e, s.path)) continue
    const entry = FIELD_GROUP_ONLY[s.is] ?? catalogueEntry(s.is)
    if (entry) return entry
  }
  return undefined
}
