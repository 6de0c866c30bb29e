/**
 * What AEP computes about a customer, read without configuration: AEP computed attributes (the
 * `SystemComputedAttributes` field group under the tenant, `_<tenant>.SystemComputedAttributes.<name>`)
 * and Customer AI output (score 0–100, percentile 1–100, propensity type, score date and
 * influential factors with code, value and importance).
 */

/** One Customer AI influential factor. */
export interface ScoreFactor {
  /** The profile or behavioural attribute as Customer AI names it. */
  name: string
  /** Its value as text, when given. */
  value: string | null
  /** Customer AI's weight: low, medium or high, when given. */
  importance: 'low' | 'medium' | 'high' | null
}

export interface ComputedAttribute {
  /** The attribute's name as the profile stores it. */
  name: string
  value: string | number | boolean
  /** ISO timestamp of the last evaluation, when AEP recorded it. */
  evaluatedAt: string | null
}

export interface CustomerAiScore {
  /** The key of the model's output object on the profile. */
  model: string
  /** A readable model name. */
  name: string
  /** 0–100. */
  score: number
  percentile?: number
  propensityType?: 'churn' | 'conversion'
  scoredAt?: string
  factors: ScoreFactor[]
}

import { labelText, numeric } from './event-values'

type Obj = Record<string, unknown>
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v)
const MAX = 20

function tenants(entity: unknown): Obj[] {
  if (!isObj(entity)) return []
  return Object.entries(entity)
    .filter(([k, v]) => k.startsWith('_') && isObj(v))
    .map(([, v]) => v as Obj)
}

/** Dates beyond ±8.64e15 ms are invalid in JavaScript: toISOString() would throw on them. */
const MAX_TIME_MS = 8.64e15

function isoTime(v: unknown): string | null {
  if (typeof v !== 'string' && typeof v !== 'number') return null
  const ms = typeof v === 'number' ? v : Date.parse(v)
  return Number.isFinite(ms) && Math.abs(ms) <= MAX_TIME_MS ? new Date(ms).toISOString() : null
}

/** Bounded plain text of a string, number or boolean; null when nothing is left. */
function short(v: unknown, max = 120): string | null {
  return typeof v === 'boolean' ? String(v) : (labelText(v, max) ?? null)
}

const NAME = /^[A-Za-z0-9_][A-Za-z0-9_ .-]{0,79}$/

export function readComputedAttributes(entity: unknown): ComputedAttribute[] {
  const out: ComputedAttribute[] = []
  for (const t of tenants(entity)) {
    const group = t.SystemComputedAttributes
    if (!isObj(group)) continue
    for (const [name, node] of Object.entries(group)) {
      if (!NAME.test(name) || out.length >= MAX) continue
      const raw = isObj(node) ? node.value : node
      const value =
        typeof raw === 'number' ? (Number.isFinite(raw) ? raw : null) : typeof raw === 'boolean' ? raw : short(raw)
      if (value === null || value === undefined) continue
      const evaluatedAt = isObj(node)
        ? (isoTime(node.lastEvaluatedTime) ?? isoTime(node.evaluatedAt) ?? isoTime(node.timestamp))
        : null
      out.push({ name, value, evaluatedAt })
    }
  }
  return out
}

const IMPORTANCE = new Set(['low', 'medium', 'high'])

function factorsOf(v: unknown): ScoreFactor[] {
  if (!Array.isArray(v)) return []
  const out: ScoreFactor[] = []
  for (const f of v.slice(0, 50)) {
    if (out.length >= 5) break
    if (!isObj(f)) continue
    const name = short(f.code ?? f.name, 80)
    if (!name) continue
    const importance = typeof f.importance === 'string' ? f.importance.toLowerCase() : ''
    out.push({
      name,
      value: short(f.value, 80),
      importance: IMPORTANCE.has(importance) ? (importance as ScoreFactor['importance']) : null
    })
  }
  return out
}

/** `churn90Days` → `Churn 90 days`: the model key as a readable name. */
function humanise(key: string): string {
  const words = key
    .replace(/[_-]+/g, ' ')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/([A-Za-z]{2,})([0-9])/g, '$1 $2')
    .replace(/([0-9])([A-Za-z]{2,})/g, '$1 $2')
    .trim()
    .toLowerCase()
  return words.charAt(0).toUpperCase() + words.slice(1)
}

/** Customer AI output objects: `_<tenant>.CustomerAI.<model>` (the output field group Customer AI adds). */
export function readCustomerAi(entity: unknown): CustomerAiScore[] {
  const out: CustomerAiScore[] = []
  for (const t of tenants(entity)) {
    const group = t.CustomerAI ?? t.customerAI
    if (!isObj(group)) continue
    for (const [model, node] of Object.entries(group)) {
      if (!isObj(node) || !NAME.test(model) || out.length >= MAX) continue
      const score = numeric(node.score)
      if (score === undefined || score < 0 || score > 100) continue
      const s: CustomerAiScore = { model, name: humanise(model), score, factors: factorsOf(node.influentialFactors) }
      const percentile = numeric(node.percentileScore ?? node.percentile)
      if (percentile !== undefined && percentile >= 0 && percentile <= 100) s.percentile = percentile
      const type = typeof node.propensityType === 'string' ? node.propensityType.toLowerCase() : ''
      if (type === 'churn' || type === 'conversion') s.propensityType = type
      const scoredAt = isoTime(node.scoreDate ?? node.scoringDate)
      if (scoredAt) s.scoredAt = scoredAt
      out.push(s)
    }
  }
  return out
}
