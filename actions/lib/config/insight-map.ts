/**
 * INSIGHT_FIELD_MAP: where the org keeps lifetime value and model scores. They live under each
 * org's own tenant path (`_<tenant>.…`), so the view reads them through this mapping.
 */

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
    if (typeof v !== 'string' || !PATH.test(v))
      throw new Error(`${key} must be a dot path such as _tenant.scores.churn`)
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
    if (typeof o.defaultCurrency !== 'string' || !/^[A-Z]{3}$/.test(o.defaultCurrency))
      throw new Error('defaultCurrency must be an ISO 4217 code')
    map.defaultCurrency = o.defaultCurrency
  }
  return map
}
