/**
 * The admin's attribute cards (CUSTOMER_VIEW_MAPPING.attributes): each rule reads one profile field
 * and types it by its format. A field that is missing, or does not fit its format, is left out
 * rather than shown wrong; the UI renders the list in the mapping's order.
 */
import type { AttributeRule, ViewMapping } from '../mapping'
import { numeric, readPath } from '../xdm'
import { printable } from './text'
import type { AttributeValue, MappedAttribute } from './view-types'

const CURRENCY = /^[A-Z]{3}$/

function toBoolean(v: unknown): boolean | undefined {
  if (typeof v === 'boolean') return v
  if (v === 'true' || v === 'y' || v === 'yes' || v === 1) return true
  if (v === 'false' || v === 'n' || v === 'no' || v === 0) return false
  return undefined
}

function typedValue(entity: unknown, rule: AttributeRule, defaultCurrency: string): AttributeValue | undefined {
  const v = readPath(entity, rule.path)
  switch (rule.format) {
    case 'number': {
      const n = numeric(v)
      return n === undefined ? undefined : { format: 'number', value: n }
    }
    case 'money': {
      const n = numeric(v)
      if (n === undefined) return undefined
      const stored = rule.currencyPath ? readPath(entity, rule.currencyPath) : undefined
      const currency = typeof stored === 'string' && CURRENCY.test(stored) ? stored : (rule.currency ?? defaultCurrency)
      return { format: 'money', value: { value: n, currency } }
    }
    case 'date': {
      const ms = typeof v === 'number' ? v : typeof v === 'string' ? Date.parse(v) : NaN
      // Beyond ±8.64e15 ms a Date is invalid (toISOString throws).
      if (!Number.isFinite(ms) || Math.abs(ms) > 8.64e15) return undefined
      const iso = new Date(ms).toISOString()
      // A date-only value stays a date (if it is a real one: 2024-02-30 is not); a timestamp keeps its time.
      if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v))
        return iso.startsWith(v) ? { format: 'date', value: v } : undefined
      return { format: 'date', value: iso }
    }
    case 'boolean': {
      const b = toBoolean(v)
      return b === undefined ? undefined : { format: 'boolean', value: b }
    }
    case 'enum': {
      const raw = typeof v === 'number' || typeof v === 'boolean' ? String(v) : printable(v, 120)
      if (!raw) return undefined
      const labels = rule.enumLabels
      return {
        format: 'enum',
        value: raw,
        valueLabel: labels && Object.hasOwn(labels, raw) ? (labels[raw] ?? null) : null
      }
    }
    default: {
      const text = typeof v === 'number' || typeof v === 'boolean' ? String(v) : printable(v, 200)
      return text ? { format: 'text', value: text } : undefined
    }
  }
}

export function mappedAttributesOf(entity: unknown, mapping: ViewMapping): MappedAttribute[] {
  const out: MappedAttribute[] = []
  for (const rule of mapping.attributes) {
    const value = typedValue(entity, rule, mapping.defaultCurrency)
    if (value) out.push({ id: rule.id, path: rule.path, label: rule.label, ...value })
  }
  return out
}
