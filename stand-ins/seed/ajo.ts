/**
 * Adobe Journey Optimizer e-mail events as AJO's system datasets hold them:
 * `message.tracking` (AJO Email Tracking Experience Event Schema: messageInteraction.interactionType
 * open / click) and `message.feedback` (AJO Message Feedback Event Schema:
 * messageDeliveryfeedback.feedbackStatus sent / bounce …). Campaign and journey names sit in the
 * AJO Entity Fields (`entities.campaign.name`, `entities.journey.journeyName`); messageExecution
 * carries only ids (adobe/xdm customerJourneyManagement/messageexecution.schema.json).
 */
import { LOYALTY_PROGRAM } from './catalog'
import { hashString, Rng } from './prng'
import type { CjmDetails } from './types'

/** AJO's channel id for e-mail (`messageProfile.channel._id`). */
export const EMAIL_MESSAGE_CHANNEL = 'https://ns.adobe.com/xdm/channels/email'

export type MessageKind = 'open' | 'click' | 'sent' | 'bounce'

interface Ids {
  messageExecutionID: string
  messageID: string
  /** campaign id, or journey id + version id + action id. */
  a: string
  b: string
  c: string
}

const IDS = new Map<string, Ids>()

function uuid(rng: Rng): string {
  const h = rng.hex(32)
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`
}

/** One set of ids per campaign (every recipient of a send shares them), cached: there are few campaigns. */
function idsOf(name: string): Ids {
  let ids = IDS.get(name)
  if (ids === undefined) {
    const rng = new Rng(hashString(`campaign:${name}`))
    ids = {
      // AJO's own execution ids look like UMA-30647505 (Journey Optimizer dataset query examples).
      messageExecutionID: `UMA-${String(rng.int(10_000_000, 99_999_999))}`,
      messageID: uuid(rng),
      a: uuid(rng),
      b: uuid(rng),
      c: uuid(rng)
    }
    IDS.set(name, ids)
  }
  return ids
}

/** Points updates go out from a triggered journey; newsletters and seasonal sales are campaigns. */
export function isJourney(name: string): boolean {
  return name.startsWith(LOYALTY_PROGRAM)
}

/** `_experience.customerJourneyManagement` of one e-mail event about `name`. */
export function cjmDetails(kind: MessageKind, name: string, email: string | undefined): CjmDetails {
  const ids = idsOf(name)
  const journey = isJourney(name)
  const out: CjmDetails = {}
  if (kind === 'open' || kind === 'click') out.messageInteraction = { interactionType: kind }
  else if (kind === 'sent') out.messageDeliveryfeedback = { feedbackStatus: 'sent' }
  else
    out.messageDeliveryfeedback = {
      feedbackStatus: 'bounce',
      messageFailure: { type: 'Hard', category: 'hard', reason: 'Invalid Recipient' }
    }
  out.messageExecution = journey
    ? {
        messageExecutionID: ids.messageExecutionID,
        messageID: ids.messageID,
        journeyVersionID: ids.b,
        journeyActionID: ids.c,
        messageType: 'marketing'
      }
    : {
        messageExecutionID: ids.messageExecutionID,
        messageID: ids.messageID,
        ajoCampaignID: ids.a,
        messageType: 'marketing'
      }
  out.messageProfile = { channel: { _id: EMAIL_MESSAGE_CHANNEL } }
  if (email !== undefined) out.emailChannelContext = { address: email, namespace: 'email' }
  out.entities = journey
    ? { journey: { journeyID: ids.a, journeyVersionID: ids.b, journeyName: name } }
    : { campaign: { campaignID: ids.a, name } }
  return out
}
