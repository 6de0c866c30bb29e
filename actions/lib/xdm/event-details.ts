/**
 * What an ExperienceEvent's standard field groups say, in the view's detail fields. Each reader
 * knows one family of field groups, at the paths Adobe documents (XDM field groups in adobe/xdm,
 * AJO's tracking and feedback datasets, the Mobile SDK and Web SDK payloads).
 */
import { messageChannelOf } from './event-channels'
import {
  finite,
  firstText,
  labelText,
  money,
  objectAt,
  objectsAt,
  textAt,
  valueAt,
  type XdmMoney,
  type XdmObject
} from './event-values'

/** The standard details of a timeline entry (the view's EventDetails without mapped text and facts). */
export interface StandardDetails {
  itemCount?: number
  amount?: XdmMoney
  /** Product names (productListItems[].name, else SKU), at most 5. */
  products?: string[]
  campaign?: string
  journey?: string
  page?: string
  /** Application name (mobile events). */
  app?: string
  /** Message channel of message.* events: `email`, `sms`, `push`, `inApp`, … */
  messageChannel?: string
  /** Offer or proposition name (decisioning.*). */
  offer?: string
  /** Media title (media.*). */
  media?: string
  /** Point of interest (location.*). */
  place?: string
  /** Search keywords. */
  keywords?: string
  reason?: string
  /** The raw outcome: feedbackStatus, interactionType, push action id, lead status, or a mapped field. */
  outcome?: string
  durationSeconds?: number
}

export type DetailReader =
  | 'commerce'
  | 'page'
  | 'link'
  | 'form'
  | 'app'
  | 'search'
  | 'marketing'
  | 'message'
  | 'push'
  | 'offer'
  | 'media'
  | 'place'
  | 'lead'

const MAX_PRODUCTS = 5
const CJM = '_experience.customerJourneyManagement'

function commerce(e: XdmObject): StandardDetails {
  const items = objectsAt(e, 'productListItems')
  const out: StandardDetails = {}
  const names = [...new Set(items.map((i) => labelText(i.name) ?? labelText(i.SKU)).filter((n) => n !== undefined))]
  if (names.length > 0) out.products = names.slice(0, MAX_PRODUCTS)
  const itemCount = items.reduce((n, i) => n + (finite(i.quantity) ?? 1), 0)
  // Absurd AEP values (1e308 × 2) overflow to Infinity, which JSON turns into null: leave them out.
  if (items.length > 0 && Number.isFinite(itemCount) && itemCount >= 0) out.itemCount = itemCount
  const order = objectAt(e, 'commerce.order')
  const total = finite(order?.priceTotal)
  const sum = total ?? items.reduce((s, i) => s + (finite(i.priceTotal) ?? 0), 0)
  const amount = sum > 0 || total !== undefined ? money(sum, order?.currencyCode ?? items[0]?.currencyCode) : undefined
  if (amount) out.amount = amount
  return out
}

const page = (e: XdmObject): StandardDetails => ({
  page: textAt(e, 'web.webPageDetails.name') ?? textAt(e, 'web.webPageDetails.URL', 120)
})

const link = (e: XdmObject): StandardDetails => ({
  page:
    textAt(e, 'web.webInteraction.name') ??
    textAt(e, 'web.webPageDetails.name') ??
    textAt(e, 'web.webInteraction.URL', 120)
})

const form = (e: XdmObject): StandardDetails => ({
  page: textAt(e, 'web.fillOutForm.webFormName') ?? textAt(e, 'web.webPageDetails.name')
})

const app = (e: XdmObject): StandardDetails => ({ app: textAt(e, 'application.name') })

const search = (e: XdmObject): StandardDetails => ({
  keywords: textAt(e, 'search.keywords', 120) ?? textAt(e, 'siteSearch.query', 120)
})

/**
 * Campaign and journey names. AJO's tracking and feedback events carry ids only; the names sit in
 * the AJO entity fields, Marketo's mailing name, the Marketing field group, or the journey step
 * event. `messageExecution.campaignName` is not in Adobe's schema but older sample data uses it.
 */
const marketing = (e: XdmObject): StandardDetails => ({
  campaign: firstText(e, [
    `${CJM}.entities.campaign.name`,
    'directMarketing.mailingName',
    'marketing.campaignName',
    `${CJM}.messageExecution.campaignName`
  ]),
  journey: firstText(e, [
    `${CJM}.entities.journey.journeyName`,
    `${CJM}.entities.journey.journeyNameAndVersion`,
    '_experience.journeyOrchestration.stepEvents.journeyVersionName'
  ])
})

/** AJO message events: channel, names, and what happened (interaction type or feedback status). */
const message = (e: XdmObject): StandardDetails => ({
  ...marketing(e),
  messageChannel: messageChannelOf(e),
  outcome: firstText(
    e,
    [`${CJM}.messageDeliveryfeedback.feedbackStatus`, `${CJM}.messageInteraction.interactionType`],
    40
  ),
  reason: firstText(e, [
    `${CJM}.messageDeliveryfeedback.messageFailure.reason`,
    `${CJM}.messageDeliveryfeedback.messageFailure.failureReason`,
    `${CJM}.messageDeliveryfeedback.messageExclusion.reason`
  ])
})

const push = (e: XdmObject): StandardDetails => ({
  outcome: textAt(e, 'pushNotificationTracking.customAction.actionID', 40),
  messageChannel: messageChannelOf(e) ?? 'push'
})

/** The first named offer: a proposition item, the action's label, the activity or placement. */
function offer(e: XdmObject): StandardDetails {
  const propositions = objectsAt(e, '_experience.decisioning.propositions', 5)
  const details = objectsAt(e, '_experience.decisioning.propositionDetails', 5)
  const names = [
    ...propositions.flatMap((p) => objectsAt(p, 'items', 5).map((i) => i.name)),
    valueAt(e, '_experience.decisioning.propositionAction.label'),
    ...details.flatMap((d) => objectsAt(d, 'selections', 5).map((s) => s.name)),
    ...propositions.flatMap((p) => [
      valueAt(p, 'scopeDetails.activity.name'),
      valueAt(p, 'scopeDetails.placement.name')
    ])
  ]
  return { offer: names.map((n) => labelText(n)).find((n) => n !== undefined) }
}

const media = (e: XdmObject): StandardDetails => ({
  media: firstText(e, [
    'mediaCollection.sessionDetails.friendlyName',
    'mediaCollection.sessionDetails.show',
    'mediaReporting.sessionDetails.friendlyName',
    'mediaReporting.sessionDetails.show'
  ])
})

const place = (e: XdmObject): StandardDetails => ({
  place: textAt(e, 'placeContext.POIinteraction.poiDetail.name') ?? textAt(e, 'placeContext.geo.city')
})

/** Marketo lead, list and opportunity operations: the new status or score, and why. */
const lead = (e: XdmObject): StandardDetails => ({
  outcome: firstText(e, [
    'leadOperation.campaignProgression.newStatusName',
    'leadOperation.changeRevenueStage.newStageName',
    'leadOperation.convertLead.convertedStatus',
    'leadOperation.changeScore.newValue',
    'leadOperation.changeCampaignStream.newStreamName',
    'leadOperation.addToCampaign.streamName'
  ]),
  reason: firstText(e, [
    'leadOperation.changeScore.reason',
    'leadOperation.campaignProgression.reason',
    'leadOperation.changeRevenueStage.reason',
    'leadOperation.interestingMoment.description',
    'leadOperation.newLead.leadSource',
    'leadOperation.newLead.formName',
    'leadOperation.callWebhook.webhookName'
  ])
})

const READERS: Record<DetailReader, (e: XdmObject) => StandardDetails> = {
  commerce,
  page,
  link,
  form,
  app,
  search,
  marketing,
  message,
  push,
  offer,
  media,
  place,
  lead
}

/** The details the readers find, the first reader to find a field winning; empty fields left out. */
export function readDetails(e: XdmObject, readers: readonly DetailReader[]): StandardDetails {
  const out: Record<string, unknown> = {}
  for (const name of readers)
    for (const [k, v] of Object.entries(READERS[name](e))) if (v !== undefined && !Object.hasOwn(out, k)) out[k] = v
  return out as StandardDetails
}
