/** Small pieces of English the hints and explanations share: time ago, counts, names. */
import type { CustomerEvent } from '../view'

export const HOUR_MS = 3_600_000
export const DAY_MS = 24 * HOUR_MS
/** Events stamped a little after `now` (clock skew between systems) still count as recent. */
const SKEW_MS = 5 * 60_000

const utcDay = (ms: number): number => Math.floor(ms / DAY_MS)

/** Whole UTC calendar days between the event and `now` (0: today, 1: yesterday). */
export const daysAgo = (t: number, now: number): number => Math.max(0, utcDay(now) - utcDay(t))

export const sameUtcDay = (t: number, now: number): boolean => utcDay(t) === utcDay(now)

export function agoText(days: number): string {
  return days === 0 ? 'today' : days === 1 ? 'yesterday' : `${days} days ago`
}

/** Events of the given kinds no older than `windowMs` (and not from the future), newest first. */
export function recentOf(
  events: readonly CustomerEvent[],
  kinds: readonly string[],
  now: number,
  windowMs: number
): Array<{ event: CustomerEvent; t: number }> {
  return events
    .map((event) => ({ event, t: Date.parse(event.timestamp) }))
    .filter(({ event, t }) => kinds.includes(event.type) && Number.isFinite(t))
    .filter(({ t }) => t <= now + SKEW_MS && now - t <= windowMs)
    .sort((a, b) => b.t - a.t)
}

const SMALL = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten']

/** "one support contact", "two purchases", "12 purchases". */
export function countText(n: number, one: string, many: string): string {
  return `${SMALL[n] ?? String(n)} ${n === 1 ? one : many}`
}

/** "A", "A and B", "A, B and C". */
export function listText(list: readonly string[]): string {
  if (list.length <= 1) return list[0] ?? ''
  return `${list.slice(0, -1).join(', ')} and ${list[list.length - 1]}`
}

/** Customer AI names factors by code (`supportCalls30Days`): as words (`support calls 30 days`). */
export function humanise(code: string): string {
  return code
    .replace(/([a-z])([A-Z0-9])/g, '$1 $2')
    .replace(/([0-9])([A-Za-z])/g, '$1 $2')
    .replace(/_/g, ' ')
    .toLowerCase()
    .trim()
}

/** Where a percentile puts the customer, in words ("top 10 % of customers"). */
export function percentileText(p: number): string {
  const share = Math.max(1, Math.round(100 - p))
  return p >= 50 ? `top ${share} % of customers` : `lower than ${share} % of customers`
}
