/**
 * Timeline entries carry an id built from the event id, so a call reason can point at the events
 * it rests on and move the agent (and keyboard focus) there.
 */

/** The DOM id of an event's timeline entry: `cah-event-<id>`, with characters unsafe in ids replaced. */
export function eventAnchorId(eventId: string): string {
  return `cah-event-${eventId.replace(/[^A-Za-z0-9_-]/g, '_')}`
}

/** Scrolls to the event's timeline entry and focuses it; false when it is not on the page. */
export function focusEvent(eventId: string, doc: Document = document): boolean {
  const el = doc.getElementById(eventAnchorId(eventId))
  if (!el) return false
  const still = doc.defaultView?.matchMedia?.('(prefers-reduced-motion: reduce)').matches === true
  // jsdom has no scrollIntoView; a real browser always does.
  el.scrollIntoView?.({ block: 'center', behavior: still ? 'auto' : 'smooth' })
  el.focus({ preventScroll: true })
  return true
}
