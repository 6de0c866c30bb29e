/**
 * Where an event happened, in a few stable words (web, email, mobile, phone, store, sms, push, …),
 * read from the XDM fields that say so: AJO's message channel, the event's own `channel`, the
 * environment it was collected in, and Adobe's demo tenant convention
 * `_<tenant>.interactionDetails.core.channel`.
 */
import type { EventKind } from './event-kinds'
import { isXdmObject, plainText, valueAt, type XdmObject } from './event-values'

/** The last segment of an XDM channel URI (`https://ns.adobe.com/xdm/channel-types/web`) → channel. */
const CHANNELS: Record<string, string> = {
  web: 'web',
  webpage: 'web',
  browser: 'web',
  mobile: 'mobile',
  'mobile-app': 'mobile',
  application: 'mobile',
  apps: 'mobile',
  inapp: 'mobile',
  email: 'email',
  sms: 'sms',
  phone: 'phone',
  'call-center': 'phone',
  callcenter: 'phone',
  offline: 'store',
  instore: 'store',
  store: 'store',
  direct: 'direct',
  'direct-mail': 'mail',
  mail: 'mail',
  push: 'push',
  apns: 'push',
  gcm: 'push',
  fcm: 'push',
  adm: 'push',
  wns: 'push',
  mpns: 'push',
  baidu: 'push',
  whatsapp: 'whatsapp',
  whastapp: 'whatsapp',
  social: 'social',
  'facebook-feed': 'social',
  'twitter-feed': 'social'
}

/** `environment.type` (XDM) and `implementationDetails.environment` (Web and Mobile SDK) → channel. */
const ENVIRONMENTS: Record<string, string> = { browser: 'web', application: 'mobile', app: 'mobile' }

/** AJO's `messageProfile.channel._id` segment → the message channel the view names. */
const MESSAGE_CHANNELS: Record<string, string> = {
  email: 'email',
  sms: 'sms',
  push: 'push',
  apns: 'push',
  gcm: 'push',
  fcm: 'push',
  inapp: 'inApp',
  whatsapp: 'whatsApp',
  whastapp: 'whatsApp',
  'direct-mail': 'directMail',
  web: 'web',
  webpage: 'web',
  liveactivity: 'push'
}

/** Kinds whose channel goes without saying when the event does not name one. */
const KIND_CHANNELS: Partial<Record<EventKind, string>> = {
  'web-visit': 'web',
  'web-click': 'web',
  'email-send': 'email',
  'email-open': 'email',
  'email-click': 'email',
  'email-bounce': 'email',
  'email-unsubscribe': 'email',
  'push-open': 'push',
  'push-action': 'push',
  'in-app-display': 'mobile',
  'in-app-interact': 'mobile',
  'in-app-dismiss': 'mobile',
  'app-launch': 'mobile',
  'app-close': 'mobile',
  'app-login': 'mobile',
  'app-logout': 'mobile',
  'app-install': 'mobile',
  'app-upgrade': 'mobile',
  'app-crash': 'mobile',
  'location-entry': 'mobile',
  'location-exit': 'mobile',
  'support-call': 'phone'
}

const segment = (uri: unknown): string | undefined =>
  plainText(uri, 200)
    ?.split('/')
    .filter((s) => s !== '')
    .pop()
    ?.toLowerCase()

/** A channel name we do not list is kept when it is a plain word, so hostile text never shows. */
function known(name: string | undefined): string | null {
  if (!name) return null
  return CHANNELS[name] ?? (/^[a-z][a-z0-9-]{0,39}$/.test(name) ? name : null)
}

/** AJO's message channel (`email`, `sms`, `push`, `inApp`, `whatsApp`, …), when the event names one. */
export function messageChannelOf(e: XdmObject): string | undefined {
  const paths = [
    '_experience.customerJourneyManagement.messageProfile.channel._id',
    '_experience.customerJourneyManagement.entities.channelDetails.channel._id'
  ]
  for (const p of paths) {
    const name = segment(valueAt(e, p))
    if (name) return MESSAGE_CHANNELS[name] ?? (/^[a-z][a-z0-9-]{0,39}$/i.test(name) ? name : undefined)
  }
  return undefined
}

/** The view channel of a message channel (`inApp` shows as mobile, `whatsApp` as whatsapp). */
export function channelOfMessage(messageChannel: string): string {
  return known(messageChannel.toLowerCase()) ?? 'mobile'
}

function tenantChannel(e: XdmObject): string | null {
  for (const [key, value] of Object.entries(e)) {
    if (!key.startsWith('_') || key === '_experience' || !isXdmObject(value)) continue
    const name = plainText(valueAt(value, 'interactionDetails.core.channel'), 40)?.toLowerCase()
    if (name) return known(name)
  }
  return null
}

/** The channel the event's own fields name, or null when none does. */
export function eventChannelOf(e: XdmObject): string | null {
  const channel = e.channel
  const fromChannel = segment(isXdmObject(channel) ? (channel._type ?? channel._id) : channel)
  if (fromChannel) return known(fromChannel)
  // Web SDK events carry environment.type `browser`; both SDKs name theirs in implementationDetails.
  const env =
    plainText(valueAt(e, 'environment.type'), 40) ?? plainText(valueAt(e, 'implementationDetails.environment'), 40)
  const fromEnv = env ? ENVIRONMENTS[env.toLowerCase()] : undefined
  return fromEnv ?? tenantChannel(e)
}

/**
 * The channel shown for an event: the one given (a mapping rule's, the message's, the catalogue's),
 * else the event's own, else the one its kind implies. XDM has no telephone channel type, so a
 * support call that arrives as `offline` or `direct` is shown as phone.
 */
export function resolveChannel(kind: EventKind, given: string | null, e: XdmObject): string | null {
  const own = given ?? eventChannelOf(e)
  if (kind === 'support-call' && (own === null || own === 'store' || own === 'direct')) return 'phone'
  return own ?? KIND_CHANNELS[kind] ?? null
}
