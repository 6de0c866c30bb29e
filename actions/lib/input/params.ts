/**
 * One validator per request parameter, shared by every endpoint and by GET (query text) and POST
 * (JSON values) alike, so a parameter is refused with the same message wherever it is sent. Each
 * records its problem in `errors` under the parameter's name and returns a usable default.
 * `json` says the value came from a JSON body, where types are exact: a number must be a number,
 * a list an array, and text a non-empty string.
 */
import type { Config } from '../config'
import { SECTIONS, type Section } from '../view'

export type FieldErrors = Record<string, string>

export const MAX_EVENTS_LIMIT = 100
export const DEFAULT_EVENTS_LIMIT = 10
const MERGE_POLICY_ID = /^[A-Za-z0-9][A-Za-z0-9-]{0,63}$/

/** `Cache-Control: no-cache` (or no-store) or `refresh=true` ask for fresh data, past the cache. */
export function wantsFresh(headers: Record<string, string>, fields: Record<string, unknown>): boolean {
  return (
    /\bno-(cache|store)\b/i.test(headers['cache-control'] ?? '') || fields.refresh === 'true' || fields.refresh === true
  )
}

/** A parameter given once, as text (a JSON number counts); a list or an object is an error. */
export function single(value: unknown, name: string, errors: FieldErrors): string | undefined {
  if (value === undefined || value === null) return undefined
  if (typeof value === 'number') return String(value)
  if (typeof value !== 'string') {
    errors[name] = 'must be given once, as text'
    return undefined
  }
  return value
}

export interface Source {
  /** The value came from a JSON body. */
  json?: boolean
}

function text(value: unknown, name: string, errors: FieldErrors, { json }: Source): string | undefined {
  if (json && value !== undefined && typeof value !== 'string') {
    errors[name] = 'must be text'
    return undefined
  }
  return single(value, name, errors)
}

/** The sandbox a request names (default AEP_SANDBOX); it must be one the deployment allows. */
export function parseSandbox(value: unknown, config: Config, errors: FieldErrors, source: Source = {}): string {
  const sandbox = text(value, 'sandbox', errors, source)?.trim() || config.aep.sandbox
  if (!errors.sandbox && !config.aep.allowedSandboxes.includes(sandbox))
    errors.sandbox = `must be one of: ${config.aep.allowedSandboxes.join(', ')}`
  return sandbox
}

/** The merge policy a request names, else the configured default (null: the sandbox's default policy). */
export function parseMergePolicy(
  value: unknown,
  config: Config,
  errors: FieldErrors,
  source: Source = {}
): string | null {
  const id = text(value, 'mergePolicyId', errors, source)?.trim()
  if (id === undefined || (id === '' && !source.json)) return config.aep.mergePolicyId
  if (!MERGE_POLICY_ID.test(id)) errors.mergePolicyId = 'must be a merge policy id'
  return id
}

/** How many events to return, 1 to MAX_EVENTS_LIMIT; `name` is the parameter as the endpoint calls it. */
export function parseEventsLimit(
  value: unknown,
  errors: FieldErrors,
  name = 'eventsLimit',
  { json }: Source = {}
): number {
  if (value === undefined) return DEFAULT_EVENTS_LIMIT
  const raw = json ? (typeof value === 'number' ? String(value) : '') : single(value, name, errors)
  if (raw === undefined) return DEFAULT_EVENTS_LIMIT
  const n = Number(raw)
  if (!/^\d+$/.test(raw.trim()) || n < 1 || n > MAX_EVENTS_LIMIT) {
    errors[name] = `must be a whole number from 1 to ${MAX_EVENTS_LIMIT}`
    return DEFAULT_EVENTS_LIMIT
  }
  return n
}

/** Which sections to return: comma-separated text or a JSON array of section names; absent = `fallback`. */
export function parseSections(
  value: unknown,
  errors: FieldErrors,
  name: string,
  fallback: readonly Section[] = SECTIONS,
  { json }: Source = {}
): Set<Section> {
  if (value === undefined || (!json && typeof value === 'string' && value.trim() === '')) return new Set(fallback)
  const parts = json
    ? value
    : single(value, name, errors)
        ?.split(',')
        .map((s) => s.trim())
        .filter(Boolean)
  if (errors[name]) return new Set(fallback)
  const known = (s: unknown): s is Section => typeof s === 'string' && (SECTIONS as readonly string[]).includes(s)
  if (!Array.isArray(parts) || parts.length === 0 || parts.length > SECTIONS.length || !parts.every(known)) {
    errors[name] = `must list sections from: ${SECTIONS.join(', ')}`
    return new Set(fallback)
  }
  return new Set(parts)
}
