/**
 * Locale-aware formatting of what AEP returns. Every function takes the Intl locale explicitly
 * and never throws on odd input (an unknown currency code or a broken date falls back to text).
 */
import type { Money } from '../../../actions/lib/view/view-types'

export function formatMoney(m: Money, locale: string): string {
  try {
    return new Intl.NumberFormat(locale, { style: 'currency', currency: m.currency }).format(m.value)
  } catch {
    return `${new Intl.NumberFormat(locale).format(m.value)} ${m.currency}`
  }
}

export function formatNumber(n: number, locale: string): string {
  return new Intl.NumberFormat(locale).format(n)
}

export function formatPercent(score: number, locale: string): string {
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(score)
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/

/** A calendar date ("2019-03-14") or a timestamp, as a medium date in the locale. */
export function formatDate(value: string, locale: string): string {
  // A date-only value is a calendar day, not an instant: format it in UTC so no timezone shifts it.
  const dateOnly = DATE_ONLY.test(value)
  const ms = Date.parse(dateOnly ? `${value}T00:00:00Z` : value)
  if (!Number.isFinite(ms)) return value
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', ...(dateOnly ? { timeZone: 'UTC' } : {}) }).format(ms)
}

export function formatDateTime(value: string, locale: string): string {
  const ms = Date.parse(value)
  if (!Number.isFinite(ms)) return value
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(ms)
}

const UNITS: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60]
]

/** How long ago (or ahead) a moment is, in the largest whole unit: "3 hours ago", "3 小時前". */
export function formatRelativeSeconds(deltaSeconds: number, locale: string): string {
  const rtf = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' })
  const abs = Math.abs(deltaSeconds)
  for (const [unit, size] of UNITS) {
    if (abs >= size) return rtf.format(Math.round(deltaSeconds / size), unit)
  }
  return rtf.format(Math.abs(deltaSeconds) < 45 ? 0 : Math.round(deltaSeconds), 'second')
}

export function formatRelativeTime(iso: string, now: number, locale: string): string {
  const ms = Date.parse(iso)
  if (!Number.isFinite(ms)) return iso
  return formatRelativeSeconds(Math.round((ms - now) / 1000), locale)
}
