/**
 * The figures behind the 12-month chart, from the events the console holds: spend per calendar
 * month (purchase amounts, in the currency most purchases use) and contacts per channel (support
 * calls and messages). Months are UTC calendar months, so no time zone moves a purchase.
 */
import type { CustomerEvent, Money } from '../../../actions/lib/view/view-types'

export interface MonthSpend {
  /** `YYYY-MM`. */
  month: string
  /** Sum of the month's purchases in `currency`. */
  value: number
}

export interface ActivitySummary {
  /** Twelve months, oldest first, ending with the current month. */
  months: MonthSpend[]
  /** Null when no purchase in the window has an amount. */
  currency: string | null
  total: Money | null
  /** Channel code as the events carry it (`phone`, `email`, …; `other` when none), most contacts first. */
  contacts: Array<{ channel: string; count: number }>
  /** Start of the first month (ISO), to tell whether the events reach back that far. */
  from: string
}

const MONTHS = 12

const monthKey = (d: Date): string => `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`

/** Start (ISO, UTC) of the first of the twelve months that end with `now`'s month. */
export function windowStart(now: number): string {
  const d = new Date(now)
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - (MONTHS - 1), 1)).toISOString()
}

/** True when the chart needs an older page: the oldest event is inside the window and AEP has more. */
export function needsOlderEvents(events: CustomerEvent[], nextCursor: string | null, now: number): boolean {
  if (!nextCursor) return false
  const from = Date.parse(windowStart(now))
  return !events.some((e) => Date.parse(e.timestamp) <= from)
}

function isContact(e: CustomerEvent): boolean {
  return e.type === 'support-call' || e.type.startsWith('message-')
}

function purchaseAmount(e: CustomerEvent): Money | null {
  const a = e.type === 'purchase' ? e.details?.amount : undefined
  return a && Number.isFinite(a.value) && typeof a.currency === 'string' && a.currency !== '' ? a : null
}

function mainCurrency(amounts: Money[]): string | null {
  const counts = new Map<string, number>()
  for (const a of amounts) counts.set(a.currency, (counts.get(a.currency) ?? 0) + 1)
  let best: string | null = null
  for (const [currency, n] of counts) if (best === null || n > (counts.get(best) ?? 0)) best = currency
  return best
}

/** Twelve months of spend and the contacts per channel, from `events` (duplicates by id count once). */
export function summariseActivity(events: CustomerEvent[], now: number): ActivitySummary {
  const from = windowStart(now)
  const start = Date.parse(from)
  const first = new Date(start)
  const months: MonthSpend[] = Array.from({ length: MONTHS }, (_, i) => ({
    month: monthKey(new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + i, 1))),
    value: 0
  }))
  const seen = new Set<string>()
  const inWindow = events.filter((e) => {
    const t = Date.parse(e.timestamp)
    if (seen.has(e.id) || !Number.isFinite(t) || t < start || t > now) return false
    seen.add(e.id)
    return true
  })
  const amounts = inWindow.map((e) => ({ e, a: purchaseAmount(e) }))
  const currency = mainCurrency(amounts.flatMap(({ a }) => (a ? [a] : [])))
  for (const { e, a } of amounts) {
    if (!a || a.currency !== currency) continue
    const slot = months.find((m) => m.month === monthKey(new Date(e.timestamp)))
    if (slot) slot.value += a.value
  }
  const byChannel = new Map<string, number>()
  for (const e of inWindow.filter(isContact)) {
    const channel = e.channel?.trim() || e.details?.messageChannel?.trim() || 'other'
    byChannel.set(channel, (byChannel.get(channel) ?? 0) + 1)
  }
  const contacts = [...byChannel].map(([channel, count]) => ({ channel, count })).sort((a, b) => b.count - a.count)
  // Cents are summed as floats; round so $0.1 + $0.2 reads $0.30.
  for (const m of months) m.value = Math.round(m.value * 100) / 100
  const sum = Math.round(months.reduce((s, m) => s + m.value, 0) * 100) / 100
  return { months, currency, total: currency ? { value: sum, currency } : null, contacts, from }
}
