/**
 * The English line of a timeline entry, built from its kind and details only, so the UI can build
 * the same line in the agent's language from the same fields ("Purchased 2 items: Mug — $129.90").
 */
import type { EventDetails, EventKind, Money } from './view-types'

/** The amount as the agent reads it ("$129.90"); an unknown currency code shows beside the number. */
export function formatMoney(m: Money): string {
  try {
    return new Intl.NumberFormat('en-US', { style: 'currency', currency: m.currency }).format(m.value)
  } catch {
    return `${m.value.toFixed(2)} ${m.currency}`
  }
}

/** What the label-led kinds say when the catalogue gives no label (a mapping rule chose the kind). */
export const KIND_LABELS: Partial<Record<EventKind, string>> = {
  'cart-view': 'Viewed the cart',
  'web-click': 'Clicked a link',
  'in-app-display': 'Saw an in-app message',
  'in-app-interact': 'Tapped an in-app message',
  'in-app-dismiss': 'Dismissed an in-app message',
  'offer-display': 'Shown an offer',
  'offer-interact': 'Clicked an offer',
  'offer-dismiss': 'Dismissed an offer',
  lead: 'Lead activity',
  media: 'Watched media',
  'ad-impression': 'Saw an ad',
  'ad-click': 'Clicked an ad',
  activity: 'Activity'
}

/** The message channel as a noun, with an article when no campaign names it, and as a plural. */
const NOUNS: Record<string, [string, string, string]> = {
  email: ['email', 'a marketing email', 'marketing email'],
  sms: ['SMS', 'an SMS', 'SMS'],
  push: ['push notification', 'a push notification', 'push notifications'],
  inApp: ['in-app message', 'an in-app message', 'in-app messages'],
  whatsApp: ['WhatsApp message', 'a WhatsApp message', 'WhatsApp messages'],
  directMail: ['letter', 'a letter', 'letters'],
  web: ['web message', 'a web message', 'web messages']
}

const NOT_SENT: Record<string, string> = {
  exclude: 'excluded',
  duplicate: 'duplicate',
  error: 'error',
  denylist: 'address on the deny list'
}

const quoted = (s: string | undefined): string => (s ? ` "${s}"` : '')
const items = (n: number): string => (n === 1 ? '1 item' : `${n} items`)
const cap = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1)

/** "A", "A and B", "A, B and C", "A, B, C and more". */
function names(list: readonly string[] | undefined): string | undefined {
  if (!list || list.length === 0) return undefined
  if (list.length === 1) return list[0]
  if (list.length <= 3) return `${list.slice(0, -1).join(', ')} and ${list[list.length - 1]}`
  return `${list.slice(0, 3).join(', ')} and more`
}

/** ": A and B — $12.00" for a label-led line. */
function commerceTail(d: EventDetails): string {
  const what = names(d.products)
  return `${what ? `: ${what}` : ''}${d.amount ? ` — ${formatMoney(d.amount)}` : ''}`
}

function messageLine(kind: EventKind, d: EventDetails): string {
  const channel = kind.startsWith('email-') ? 'email' : (d.messageChannel ?? '')
  const [noun, some, all] = NOUNS[channel] ?? ['message', 'a message', 'messages']
  const name = d.campaign ?? d.journey
  const it = name ? `${noun} "${name}"` : some
  const outcome = d.outcome?.toLowerCase()
  const why = d.reason ? `: ${d.reason}` : ''
  switch (kind.slice(kind.indexOf('-') + 1)) {
    case 'send':
      return `${outcome === 'delivered' ? 'Delivered' : outcome === 'delay' ? 'Delayed' : 'Sent'} ${it}`
    case 'open':
      return `Opened ${it}`
    case 'click':
      return `Clicked ${it}`
    case 'unsubscribe':
      return outcome === 'spam_complaint' ? `Marked ${it} as spam` : `Unsubscribed from ${name ? it : all}`
    default: {
      const notSent = outcome ? NOT_SENT[outcome] : undefined
      return notSent
        ? `${cap(it)} not sent (${notSent}${why})`
        : `${cap(it)} bounced${d.reason ? ` (${d.reason})` : ''}`
    }
  }
}

function appLine(kind: EventKind, app: string | undefined): string {
  const it = app ?? 'the app'
  const verbs: Partial<Record<EventKind, string>> = {
    'app-launch': `Opened ${it}`,
    'app-close': `Closed ${it}`,
    'app-login': `Logged in to ${it}`,
    'app-logout': `Logged out of ${it}`,
    'app-install': `Installed ${it}`,
    'app-upgrade': `Updated ${it}`
  }
  return verbs[kind] ?? `${cap(it)} crashed`
}

function supportLine(d: EventDetails): string {
  const mins = d.durationSeconds !== undefined ? ` (${Math.max(1, Math.round(d.durationSeconds / 60))} min)` : ''
  const outcome = d.outcome ? ` — ${d.outcome}` : ''
  return d.reason ? `Support call: ${d.reason}${outcome}${mins}` : `Support call${outcome}${mins}`
}

/** The line of a kind from its details; `label` is the catalogue's words for label-led kinds. */
export function eventLine(kind: EventKind, d: EventDetails, label: string | undefined): string {
  const what = names(d.products)
  const price = d.amount ? ` — ${formatMoney(d.amount)}` : ''
  const lead = label ?? KIND_LABELS[kind] ?? 'Activity'
  if (kind.startsWith('email-') || kind.startsWith('message-')) return messageLine(kind, d)
  if (kind.startsWith('app-')) return appLine(kind, d.app)
  switch (kind) {
    case 'purchase': {
      const verb = label ?? 'Purchased'
      const count = d.itemCount !== undefined ? items(d.itemCount) : undefined
      if (verb !== 'Purchased') return `${verb}${count ? ` (${count})` : ''}${commerceTail(d)}`
      return `${count ? `Purchased ${count}` : 'Made a purchase'}${commerceTail(d)}`
    }
    case 'checkout':
      return `${d.itemCount !== undefined ? `Checked out ${items(d.itemCount)}` : 'Started checkout'}${commerceTail(d)}`
    case 'cart-add':
      return `Added ${what ?? 'an item'} to the cart${price}`
    case 'cart-remove':
      return `Removed ${what ?? 'an item'} from the cart${price}`
    case 'product-view':
      return `Viewed ${what ?? 'a product'}${price}`
    case 'save-for-later':
      return `Saved ${what ?? 'an item'} for later${price}`
    case 'web-visit':
      return d.page ? `Visited ${d.page}` : 'Visited the website'
    case 'web-click':
      return `${lead}${d.page ? `: ${d.page}` : ''}`
    case 'search':
      return d.keywords ? `Searched for "${d.keywords}"` : 'Searched the site'
    case 'push-open':
      return `Opened ${d.app ?? 'the app'} from a push notification${quoted(d.campaign ?? d.journey)}`
    case 'push-action':
      return d.outcome ? `Tapped "${d.outcome}" on a push notification` : lead
    case 'location-entry':
      return d.place ? `Arrived at ${d.place}` : lead
    case 'location-exit':
      return d.place ? `Left ${d.place}` : lead
    case 'support-call':
      return supportLine(d)
    case 'lead': {
      const parts = [d.outcome, d.reason].filter((p) => p !== undefined)
      return `${lead}${parts.length > 0 ? `: ${parts.join(' — ')}` : ''}`
    }
    case 'media':
      return `${lead}${quoted(d.media)}`
    case 'ad-impression':
    case 'ad-click':
      return `${lead}${d.campaign ? ` (${d.campaign})` : ''}`
    case 'in-app-display':
    case 'in-app-interact':
    case 'in-app-dismiss':
      return `${lead}${quoted(d.offer ?? d.campaign ?? d.journey)}`
    case 'offer-display':
    case 'offer-interact':
    case 'offer-dismiss':
      return `${lead}${quoted(d.offer)}`
    default:
      return `${lead}${commerceTail(d)}`
  }
}

/** The line of an event no rule knows: where it happened, then its telling fields. */
export function genericLine(heading: string, facts: EventDetails['facts']): string {
  const list = (facts ?? []).map((f) => `${f.field.toLowerCase()}: ${f.value}`)
  return list.length > 0 ? `${heading} — ${list.join(', ')}` : heading
}
