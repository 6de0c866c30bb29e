/**
 * What happened, in the agent's words: the kinds of timeline entry. Standard XDM eventTypes map to
 * these through the catalogue; `activity` is an event no rule knows, summarised from its fields.
 */
export const EVENT_KINDS = [
  'purchase',
  'checkout',
  'cart-add',
  'cart-remove',
  'cart-view',
  'product-view',
  'save-for-later',
  'web-visit',
  'web-click',
  'search',
  'app-launch',
  'app-close',
  'app-login',
  'app-logout',
  'app-install',
  'app-upgrade',
  'app-crash',
  'email-send',
  'email-open',
  'email-click',
  'email-bounce',
  'email-unsubscribe',
  'message-send',
  'message-open',
  'message-click',
  'message-bounce',
  'message-unsubscribe',
  'push-open',
  'push-action',
  'in-app-display',
  'in-app-interact',
  'in-app-dismiss',
  'offer-display',
  'offer-interact',
  'offer-dismiss',
  'lead',
  'media',
  'location-entry',
  'location-exit',
  'ad-impression',
  'ad-click',
  'support-call',
  'activity'
] as const

export type EventKind = (typeof EVENT_KINDS)[number]

const KINDS: ReadonlySet<string> = new Set(EVENT_KINDS)

/** Whether a value (a mapping rule's kind, say) is one of the view's event kinds. */
export function isEventKind(v: unknown): v is EventKind {
  return typeof v === 'string' && KINDS.has(v)
}
