/**
 * Lifetime value and model scores, read through the org's INSIGHT_FIELD_MAP, with score bands.
 */
import type { InsightFieldMap } from '../config'
import type { Band, Insights, Money, Score } from './view-types'

/** Reads a dot path from parsed JSON; undefined when any step is missing. */
export function readPath(source: unknown, path: string): unknown {
  let at: unknown = source
  for (const step of path.split('.')) {
    if (typeof at !== 'object' || at === null || Array.isArray(at)) return undefined
    at = (at as Record<string, unknown>)[step]
  }
  return at
}

function toNumber(v: unknown): number | undefined {
  const n = typeof v === 'string' && v.trim() !== '' ? Number(v) : v
  return typeof n === 'number' && Number.isFinite(n) ? n : undefined
}

export function bandOf(score: number, bands: InsightFieldMap['bands']): Band {
  return score >= bands.high ? 'high' : score >= bands.medium ? 'medium' : 'low'
}

function score(entity: unknown, path: string, bands: InsightFieldMap['bands']): Score | null {
  const n = toNumber(readPath(entity, path))
  if (n === undefined || n < 0 || n > 1) return null
  return { score: n, band: bandOf(n, bands) }
}

export function readInsights(entity: unknown, map: InsightFieldMap): Insights {
  const value = toNumber(readPath(entity, map.lifetimeValue))
  const currency = readPath(entity, map.lifetimeValueCurrency)
  const lifetimeValue: Money | null =
    value === undefined
      ? null
      : {
          value,
          currency: typeof currency === 'string' && /^[A-Z]{3}$/.test(currency) ? currency : map.defaultCurrency
        }
  return {
    lifetimeValue,
    churnPropensity: score(entity, map.churnPropensity, map.bands),
    engagementPropensity: score(entity, map.engagementPropensity, map.bands)
  }
}
