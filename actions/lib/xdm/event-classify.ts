/**
 * Reads one ExperienceEvent the standard way: its eventType through the catalogue, else its field
 * groups; then the kinds that hang on the event's fields (which AJO channel a message used, what
 * the customer did with it, whether a Mobile SDK launch was an install).
 */
import { type CatalogueEntry, catalogueEntry, type KindRefiner } from './event-catalogue'
import { channelOfMessage } from './event-channels'
import { readDetails, type StandardDetails } from './event-details'
import { inferEntry } from './event-inference'
import type { EventKind } from './event-kinds'
import { recorded, valueAt, type XdmObject } from './event-values'

export interface StandardReading {
  kind: EventKind
  /** `standard`: the eventType is in the catalogue; `inferred`: the field groups said. */
  source: 'standard' | 'inferred'
  /** The channel the eventType or the message fixes; null lets the event's own fields say. */
  channel: string | null
  /** What happened in a few English words, from the catalogue. */
  label: string
  details: StandardDetails
}

type Action = 'send' | 'open' | 'click' | 'bounce' | 'unsubscribe'

/** AJO `messageInteraction.interactionType` → what the customer did. */
const INTERACTIONS: Record<string, Action> = {
  open: 'open',
  bot_open: 'open',
  click: 'click',
  bot_click: 'click',
  submit: 'click',
  visit: 'click',
  reply: 'click',
  subscription: 'click',
  unsubscribe: 'unsubscribe',
  spam_complaint: 'unsubscribe'
}

/** AJO `messageDeliveryfeedback.feedbackStatus` → what became of the message. */
const FEEDBACK: Record<string, Action> = {
  sent: 'send',
  delivered: 'send',
  delay: 'send',
  read: 'open',
  bounce: 'bounce',
  out_of_band: 'bounce',
  denylist: 'bounce',
  error: 'bounce',
  exclude: 'bounce',
  duplicate: 'bounce'
}

function messageKind(channel: string | undefined, action: Action): EventKind {
  if (channel === 'email') return `email-${action}`
  if (channel === 'push' && (action === 'open' || action === 'click')) return 'push-open'
  if (channel === 'inApp' && action === 'open') return 'in-app-display'
  if (channel === 'inApp' && action === 'click') return 'in-app-interact'
  return `message-${action}`
}

function refineKind(refine: KindRefiner, e: XdmObject, d: StandardDetails): EventKind {
  const outcome = d.outcome?.toLowerCase() ?? ''
  switch (refine) {
    case 'message-tracking':
      return messageKind(d.messageChannel, INTERACTIONS[outcome] ?? 'open')
    case 'message-feedback':
      return messageKind(d.messageChannel, FEEDBACK[outcome] ?? 'send')
    case 'app-launch':
      if (recorded(e, 'application.installs') || valueAt(e, 'application.isInstall') === true) return 'app-install'
      if (recorded(e, 'application.upgrades') || valueAt(e, 'application.isUpgrade') === true) return 'app-upgrade'
      return 'app-launch'
    case 'app-close':
      return recorded(e, 'application.crashes') ? 'app-crash' : 'app-close'
  }
}

function reading(entry: CatalogueEntry, source: StandardReading['source'], e: XdmObject): StandardReading {
  const details = readDetails(e, entry.readers)
  const kind = entry.refine ? refineKind(entry.refine, e, details) : entry.kind
  const channel = entry.channel ?? (details.messageChannel ? channelOfMessage(details.messageChannel) : null)
  return { kind, source, channel, label: entry.label, details }
}

/**
 * The standard reading of an event, or undefined when neither its eventType nor its field groups
 * are standard (a tenant event). `eventType` is the event's own, already bounded, or empty.
 */
export function readStandardEvent(e: XdmObject, eventType: string): StandardReading | undefined {
  const known = eventType === '' ? undefined : catalogueEntry(eventType)
  if (known) return reading(known, 'standard', e)
  const inferred = inferEntry(e, eventType !== '')
  return inferred ? reading(inferred, 'inferred', e) : undefined
}
