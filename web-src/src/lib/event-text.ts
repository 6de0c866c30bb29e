/**
 * The one-line description of a timeline event, rebuilt from its `details` in the agent's language
 * (the action's `summary` is English only and is not shown). AEP values such as campaign names
 * are inserted as plain text. Every kind has a line of its own, and every line has a fallback, so
 * no event ever reads as empty or "unknown".
 */
import type { CustomerEvent, EventDetails, EventKind } from '../../../actions/lib/view/view-types'
import type { MessageKey } from '../i18n/catalogues'
import type { I18n } from '../i18n/i18n-context'

/** Which detail names the thing an event is about ("Opened email “Spring Sale”"). */
type Subject = 'products' | 'campaign' | 'page' | 'app' | 'offer' | 'media' | 'place' | 'keywords' | 'reason'

/** Kinds whose catalogue has an `event.<kind>.subject` line. */
type SubjectKind = { [K in EventKind]: `event.${K}.subject` extends MessageKey ? K : never }[EventKind]

// Typed over every EventKind, so a kind added to the contract without texts fails the type check.
const SUBJECT: { [K in EventKind]: K extends SubjectKind ? Subject : null } = {
  purchase: 'products',
  checkout: 'products',
  'cart-add': 'products',
  'cart-remove': 'products',
  'cart-view': 'products',
  'product-view': 'products',
  'save-for-later': 'products',
  'web-visit': 'page',
  'web-click': 'page',
  search: 'keywords',
  'app-launch': 'app',
  'app-close': 'app',
  'app-login': 'app',
  'app-logout': 'app',
  'app-install': 'app',
  'app-upgrade': 'app',
  'app-crash': 'app',
  'email-send': 'campaign',
  'email-open': 'campaign',
  'email-click': 'campaign',
  'email-bounce': 'campaign',
  'email-unsubscribe': 'campaign',
  'message-send': 'campaign',
  'message-open': 'campaign',
  'message-click': 'campaign',
  'message-bounce': 'campaign',
  'message-unsubscribe': 'campaign',
  'push-open': 'campaign',
  'push-action': 'campaign',
  'in-app-display': 'campaign',
  'in-app-interact': 'campaign',
  'in-app-dismiss': 'campaign',
  'offer-display': 'offer',
  'offer-interact': 'offer',
  'offer-dismiss': 'offer',
  lead: 'campaign',
  media: 'media',
  'location-entry': 'place',
  'location-exit': 'place',
  'ad-impression': 'campaign',
  'ad-click': 'campaign',
  'support-call': 'reason',
  activity: null
}

/** Every kind this console has texts and an icon for. */
export const KNOWN_EVENT_KINDS = Object.keys(SUBJECT) as EventKind[]

/** The event's kind, or `activity` for a kind newer than this console (or an old cache's `other`). */
export function knownKind(type: string): EventKind {
  return Object.hasOwn(SUBJECT, type) ? (type as EventKind) : 'activity'
}

function text(v: unknown): string | undefined {
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined
}

/** "Didi Sport Watch", "Didi Sport Watch and 2 more". */
function productsText(products: unknown, i18n: I18n): string | undefined {
  const names = Array.isArray(products) ? products.map(text).filter((n): n is string => n !== undefined) : []
  const [first] = names
  if (first === undefined) return undefined
  return names.length === 1 ? first : i18n.plural('event.products.more', names.length - 1, { first })
}

function subjectText(pick: Subject, d: EventDetails, i18n: I18n): string | undefined {
  if (pick === 'products') return productsText(d.products, i18n)
  if (pick === 'campaign') return text(d.campaign) ?? text(d.journey)
  return text(d[pick])
}

const code = (v: unknown): string => (typeof v === 'string' ? v.toLowerCase().replace(/[^a-z0-9]/g, '') : '')

/** What the subject left out: journey, message channel, amount, reason, duration, outcome. */
function suffixes(e: CustomerEvent, d: EventDetails, used: Subject | null, i18n: I18n): string {
  const { t } = i18n
  const parts: string[] = []
  const journey = text(d.journey)
  if (used === 'campaign' && text(d.campaign) && journey && journey !== text(d.campaign))
    parts.push(t('event.suffix.journey', { journey }))
  const messageChannel = text(d.messageChannel)
  if (e.type.startsWith('message-') && messageChannel && code(messageChannel) !== code(e.channel))
    parts.push(t('event.suffix.channel', { channel: channelText(messageChannel, i18n) }))
  const amount = d.amount
  if (amount && Number.isFinite(amount.value) && typeof amount.currency === 'string')
    parts.push(t('event.suffix.amount', { amount: i18n.money(amount) }))
  const reason = text(d.reason)
  if (reason && used !== 'reason') parts.push(t('event.suffix.reason', { reason }))
  if (typeof d.durationSeconds === 'number' && Number.isFinite(d.durationSeconds) && d.durationSeconds >= 0) {
    const minutes = i18n.number(Math.max(1, Math.round(d.durationSeconds / 60)))
    parts.push(t('event.suffix.minutes', { minutes }))
  }
  const outcome = text(d.outcome)
  if (outcome) parts.push(t('event.suffix.outcome', { outcome }))
  return parts.join('')
}

/** `callCenter.agentContact` → "call center agent contact"; AEP's placeholder "unknown" → "". */
export function humanize(name: string): string {
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/[\s._\-/:]+/)
    .filter(Boolean)
    .map((w) => w.toLowerCase())
  const phrase = words.join(' ')
  return phrase === 'unknown' ? '' : phrase
}

const capitalise = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1)

/** An event no rule knows: its humanised eventType and up to three telling fields. */
function activityText(e: CustomerEvent, d: EventDetails, i18n: I18n): string {
  const head = capitalise(humanize(e.xdmEventType ?? '')) || i18n.t('event.activity')
  const facts = (Array.isArray(d.facts) ? d.facts : []).flatMap((f) => {
    const value = text(f?.value)
    const field = text(f?.field)
    return value && field ? [i18n.t('event.fact', { field: humanize(field) || field, value })] : []
  })
  return [head, ...facts].join(i18n.t('common.separator'))
}

export function eventText(e: CustomerEvent, i18n: I18n): string {
  const d: EventDetails = e.details ?? {}
  // The admin's own template for a mapped event wins, in the agent's language when written.
  const mapped = d.text && typeof d.text.en === 'string' ? i18n.localized(d.text).trim() : ''
  if (mapped) return mapped
  const kind = knownKind(e.type)
  if (kind === 'activity') return activityText(e, d, i18n)
  const pick = SUBJECT[kind]
  const subject = pick ? subjectText(pick, d, i18n) : undefined
  let line: string
  if (subject) line = i18n.t(`event.${kind as SubjectKind}.subject`, { subject })
  else if (kind === 'purchase' && typeof d.itemCount === 'number' && d.itemCount > 0)
    line = i18n.plural('event.purchase.items', d.itemCount)
  else line = i18n.t(`event.${kind}`)
  return line + suffixes(e, d, subject ? pick : null, i18n)
}

const CHANNEL_KEYS: Record<string, MessageKey> = {
  web: 'channel.web',
  email: 'channel.email',
  mobile: 'channel.mobile',
  mobileapp: 'channel.mobile',
  phone: 'channel.phone',
  call: 'channel.phone',
  callcenter: 'channel.phone',
  store: 'channel.store',
  direct: 'channel.direct',
  directmail: 'channel.direct',
  mail: 'channel.direct',
  sms: 'channel.sms',
  push: 'channel.push',
  inapp: 'channel.inApp',
  whatsapp: 'channel.whatsApp',
  postalmail: 'channel.postalMail',
  social: 'channel.social',
  socialmedia: 'channel.social',
  commercialemail: 'channel.email',
  fax: 'channel.fax'
}

/** The channel in the agent's language when we know it (`inApp`, `in-app`, `SMS` …), else as AEP named it. */
export function channelText(channel: string, i18n: I18n): string {
  const key = CHANNEL_KEYS[code(channel)]
  return key ? i18n.t(key) : channel
}
