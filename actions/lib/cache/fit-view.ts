/** A customer view made to fit one State value (aio-lib-state refuses values over 1 MB). */
import type { CustomerView } from '../view'
import { MAX_VALUE_BYTES } from './state-store'

/** As long as a viewShape(), for measuring an entry before it has one. */
const SHAPE_WIDTH = 'x'.repeat(12)

/**
 * The view as stored: whole when it fits, else with its events halved until it does, then without
 * its all-attributes list; null if nothing fits.
 */
export function fit(view: CustomerView): CustomerView | null {
  let current = view
  for (;;) {
    if (Buffer.byteLength(JSON.stringify({ v: 1, storedAt: 0, shape: SHAPE_WIDTH, view: current })) <= MAX_VALUE_BYTES)
      return current
    const events = current.customer.events
    if (events.length === 0) {
      if (current.customer.allAttributes.length === 0) return null
      current = {
        customer: { ...current.customer, allAttributes: [] },
        meta: { ...current.meta, allAttributesTrimmed: true }
      }
      continue
    }
    current = {
      customer: { ...current.customer, events: events.slice(0, Math.floor(events.length / 2)) },
      meta: { ...current.meta, events: { ...current.meta.events, trimmed: true } }
    }
  }
}
