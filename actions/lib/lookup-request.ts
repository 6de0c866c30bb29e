/**
 * Parses the query of a customer lookup into a validated request. Nothing a caller sends reaches
 * AEP before it has passed through here.
 */
import { ValidationError } from './errors'
import { normaliseIdentity, type NormalisedIdentity } from './identity'
import type { Config } from './config'

export const SECTIONS = ['identities', 'name', 'contact', 'attributes', 'insights', 'audiences', 'events'] as const
export type Section = (typeof SECTIONS)[number]

export interface LookupRequest {
  identity: NormalisedIdentity
  sandbox: string
  /** null = the configured default (or the sandbox's default merge policy). */
  mergePolicyId: string | null
  sections: ReadonlySet<Section>
  eventsLimit: number
}

export const MAX_EVENTS_LIMIT = 100
const MERGE_POLICY = /^[A-Za-z0-9][A-Za-z0-9-]{0,63}$/

/** A query parameter given twice arrives as an array in some gateways: take it as an error. */
function single(params: Record<string, unknown>, name: string, fields: Record<string, string>): string | undefined {
  const v = params[name]
  if (v === undefined || v === null) return undefined
  if (typeof v === 'number') return String(v)
  if (typeof v !== 'string') {
    fields[name] = 'must be given once, as text'
    return undefined
  }
  return v
}

/** The sandbox a request names (default AEP_SANDBOX); records a field error unless it is allowed. */
export function parseSandbox(params: Record<string, unknown>, config: Config, fields: Record<string, string>): string {
  const sandbox = single(params, 'sandbox', fields)?.trim() || config.aep.sandbox
  if (!fields.sandbox && !config.aep.allowedSandboxes.includes(sandbox)) fields.sandbox = `must be one of: ${config.aep.allowedSandboxes.join(', ')}`
  return sandbox
}

export function parseSections(value: string | undefined, fields: Record<string, string>, name = 'fields'): Set<Section> {
  if (value === undefined || value.trim() === '') return new Set(SECTIONS)
  const parts = value.split(',').map((s) => s.trim()).filter(Boolean)
  const unknown = parts.filter((p) => !(SECTIONS as readonly string[]).includes(p))
  if (unknown.length > 0 || parts.length === 0) {
    fields[name] = `must be a comma-separated list of: ${SECTIONS.join(', ')}`
    return new Set(SECTIONS)
  }
  return new Set(parts as Section[])
}

/** `limitField` names the events-limit parameter as the caller sent it (`eventsLimit`, or `limit` for customer-events). */
export function parseLookupRequest(params: Record<string, unknown>, config: Config, limitField = 'eventsLimit'): LookupRequest {
  const fields: Record<string, string> = {}
  const identity = normaliseIdentity(single(params, 'namespace', fields), single(params, 'id', fields), config.phoneDefaultCountryCode)
  if (!identity.ok) fields[identity.field] ??= identity.message

  const sandbox = parseSandbox(params, config, fields)

  const mp = single(params, 'mergePolicyId', fields)?.trim()
  if (mp !== undefined && mp !== '' && !MERGE_POLICY.test(mp)) fields.mergePolicyId = 'must be a merge policy id'

  const sections = parseSections(single(params, 'fields', fields), fields)

  const limitRaw = single(params, limitField, fields)
  let eventsLimit = 10
  if (limitRaw !== undefined) {
    const n = Number(limitRaw)
    if (!/^\d+$/.test(limitRaw.trim()) || n < 1 || n > MAX_EVENTS_LIMIT) fields[limitField] = `must be a whole number from 1 to ${MAX_EVENTS_LIMIT}`
    else eventsLimit = n
  }

  if (Object.keys(fields).length > 0 || !identity.ok) {
    const code = fields.namespace || fields.id ? 'INVALID_IDENTITY' : 'INVALID_PARAMETER'
    throw new ValidationError(code, fields)
  }
  return { identity: identity.identity, sandbox, mergePolicyId: mp || config.aep.mergePolicyId, sections, eventsLimit }
}
