/**
 * Reading untrusted ExperienceEvent JSON: own properties only (a `__proto__` or `constructor` key
 * never reaches a prototype), bounded plain text and finite numbers. Anything of the wrong type
 * reads as undefined, never as an error.
 */

import { readPath } from './paths'

export type XdmObject = Record<string, unknown>

export interface XdmMoney {
  value: number
  /** ISO 4217 code. */
  currency: string
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what is stripped
const CONTROL = /[\u0000-\u001f\u007f]+/g
const CURRENCY = /^[A-Z]{3}$/

export function isXdmObject(v: unknown): v is XdmObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

/** The value at a dot path, reading own properties only; undefined when any step is missing. */
export const valueAt = readPath

/** One printable line of at most `max` characters, or undefined when nothing is left. */
export function plainText(v: unknown, max = 80): string | undefined {
  if (typeof v !== 'string') return undefined
  const clean = v.replace(CONTROL, ' ').trim().slice(0, max).trim()
  return clean === '' ? undefined : clean
}

/** Plain text of a string, or of a finite number (SKUs and codes are sometimes numbers). */
export function labelText(v: unknown, max = 80): string | undefined {
  return typeof v === 'number' && Number.isFinite(v) ? String(v).slice(0, max) : plainText(v, max)
}

export function finite(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined
}

/** A finite number, or numeric text (`" 99.5 "`, as some orgs store scores); else undefined. */
export function numeric(v: unknown): number | undefined {
  return finite(typeof v === 'string' && v.trim() !== '' ? Number(v) : v)
}

export const objectAt = (e: unknown, path: string): XdmObject | undefined => {
  const v = valueAt(e, path)
  return isXdmObject(v) ? v : undefined
}

export const textAt = (e: unknown, path: string, max = 80): string | undefined => plainText(valueAt(e, path), max)

/** The first path that holds text. */
export function firstText(e: unknown, paths: readonly string[], max = 80): string | undefined {
  for (const p of paths) {
    const t = labelText(valueAt(e, p), max)
    if (t) return t
  }
  return undefined
}

/** The objects of an array field, at most `limit` of them (hostile arrays can be huge). */
export function objectsAt(e: unknown, path: string, limit = 1000): XdmObject[] {
  const v = valueAt(e, path)
  return Array.isArray(v) ? v.slice(0, limit).filter(isXdmObject) : []
}

/** A money amount rounded to cents; undefined when it would not survive JSON (NaN, Infinity). */
export function money(value: number | undefined, currency: unknown, fallback = 'USD'): XdmMoney | undefined {
  if (value === undefined) return undefined
  const cents = Math.round(value * 100) / 100
  if (!Number.isFinite(cents)) return undefined
  return { value: cents, currency: typeof currency === 'string' && CURRENCY.test(currency) ? currency : fallback }
}

/**
 * Whether a field group records the event: an XDM measure (`{ value: 1 }`) counts when its value
 * is positive or true, any other object when it has fields, text when it is not empty.
 */
export function recorded(e: unknown, path: string): boolean {
  const v = valueAt(e, path)
  if (isXdmObject(v)) {
    if (!Object.hasOwn(v, 'value')) return Object.keys(v).length > 0
    return v.value === true || (typeof v.value === 'number' && v.value > 0)
  }
  if (typeof v === 'string') return v.trim() !== ''
  return v === true || (typeof v === 'number' && v > 0)
}
