/**
 * Model scores and lifetime value live under each org's own tenant path (`_<tenant>.…`), so the
 * action reads them through a mapping configured in INSIGHT_FIELD_MAP rather than fixed paths.
 */
import type { Band, Insights, Money, Score } from './view-types'

export interface InsightFieldMap {
  lifetimeValue: string
  lifetimeValueCurrency: string
  churnPropensity: string
  engagementPropensity: string
  /** Score thresholds: below `medium` is low, from `high` up is high. */
  bands: { medium: number; high: number }
  /** Currency used when the mapped currency field is empty. */
  defaultCurrency: string
}

export const DEFAULT_INSIGHT_MAP: InsightFieldMap = {
  lifetimeValue: '_demotenant.clv.value',
  lifetimeValueCurrency: '_demotenant.clv.currency',
  churnPropensity: '_demotenant.scores.churnPropensity',
  engagementPropensity: '_demotenant.scores.engagementPropensity',
  bands: { medium: 0.34, high: 0.67 },
  defaultCurrency: 'USD'
}

const PATH = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*){0,15}$/
const PATH_KEYS = ['lifetimeValue', 'lifetimeValueCurrency', 'churnPropensity', 'engagementPropensity'] as const

/** Parses INSIGHT_FIELD_MAP (JSON, any subset of the keys); throws an Error naming what is wrong. */
export function parseInsightMap(json: string | undefined): InsightFieldMap {
  if (json === undefined) return DEFAULT_INSIGHT_MAP
  let input: unknown
  try {
    input = JSON.parse(json)
  } catch {
    throw new Error('must be a JSON object')
  }
  if (typeof input !== 'object' || input === null || Array.isArray(input)) throw new Error('must be a JSON object')
  const o = input as Record<string, unknown>
  const map: InsightFieldMap = { ...DEFAULT_INSIGHT_MAP, bands: { ...DEFAULT_INSIGHT_MAP.bands } }
  for (const key of PATH_KEYS) {
    const v = o[key]
    if (v === undefined) continue
    if (typeof v !== 'string' || !PATH.test(v)) throw new Error(`${key} must be a dot path such as _tenant.scores.churn`)
    map[key] = v
  }
  if (o.bands !== undefined) {
    const b = o.bands as Record<string, unknown>
    const medium = b?.medium ?? map.bands.medium
    const high = b?.high ?? map.bands.high
    if (typeof medium !== 'number' || typeof high !== 'number' || !(medium > 0 && medium < high && high < 1)) {
      throw new Error('bands must be {"medium": m, "high": h} with 0 < m < h < 1')
    }
    map.bands = { medium, high }
  }
  if (o.defaultCurrency !== undefined) {
    if (typeof o.defaultCurrency !== 'string' || !/^[A-Z]{3}$/.test(o.defaultCurrency)) throw new Error('defaultCurrency must be an ISO 4217 code')
    map.defaultCurrency = o.defaultCurrency
  }
  return map
}

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
  const lifetimeValue: Money | null = value === undefined
    ? null
    : { value, currency: typeof currency === 'string' && /^[A-Z]{3}$/.test(currency) ? currency : map.defaultCurrency }
  return {
    lifetimeValue,
    churnPropensity: score(entity, map.churnPropensity, map.bands),
    engagementPropensity: score(entity, map.engagementPropensity, map.bands)
  }
}

/** The XDM paths the mapping reads, so the profile lookup can ask AEP for just those fields. */
export function insightPaths(map: InsightFieldMap): string[] {
  return PATH_KEYS.map((k) => map[k])
}
