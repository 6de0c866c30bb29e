/**
 * Parses the body of a batch lookup. A malformed body is refused whole (INVALID_BODY); a bad
 * identity inside a good body is only that item's problem, reported in its own result.
 */
import type { Config } from './config'
import { ValidationError } from './errors'
import { normaliseIdentity, type IdentityResult } from './identity'
import { MAX_EVENTS_LIMIT, SECTIONS, type Section } from './lookup-request'

/** Most identities one batch may carry (one AEP multi-entity POST). */
export const MAX_BATCH_IDENTITIES = 100
const MERGE_POLICY = /^[A-Za-z0-9][A-Za-z0-9-]{0,63}$/
const DEFAULT_INCLUDE: Section[] = ['identities', 'name', 'contact', 'attributes', 'insights', 'audiences']

export interface BatchItem {
  index: number
  /** The namespace as the caller wrote it (echoed back), or null when it was not text. */
  namespace: string | null
  identity: IdentityResult
}

export interface BatchRequest {
  items: BatchItem[]
  sections: ReadonlySet<Section>
  sandbox: string
  mergePolicyId: string | null
  eventsLimit: number
}

export function parseBatchRequest(params: Record<string, unknown>, config: Config): BatchRequest {
  const fields: Record<string, string> = {}
  const list = params.identities
  if (!Array.isArray(list) || list.length === 0 || list.length > MAX_BATCH_IDENTITIES) {
    fields.identities = `must be an array of 1 to ${MAX_BATCH_IDENTITIES} { "namespace", "id" } objects`
  }
  let sections = new Set<Section>(DEFAULT_INCLUDE)
  if (params.include !== undefined) {
    const inc = params.include
    if (!Array.isArray(inc) || inc.length === 0 || inc.length > SECTIONS.length || !inc.every((s) => typeof s === 'string' && (SECTIONS as readonly string[]).includes(s))) {
      fields.include = `must be an array of: ${SECTIONS.join(', ')}`
    } else sections = new Set(inc as Section[])
  }
  const sandbox = typeof params.sandbox === 'string' && params.sandbox.trim() !== '' ? params.sandbox.trim() : config.aep.sandbox
  if (params.sandbox !== undefined && typeof params.sandbox !== 'string') fields.sandbox = 'must be text'
  else if (!config.aep.allowedSandboxes.includes(sandbox)) fields.sandbox = `must be one of: ${config.aep.allowedSandboxes.join(', ')}`
  const mp = params.mergePolicyId
  if (mp !== undefined && (typeof mp !== 'string' || !MERGE_POLICY.test(mp))) fields.mergePolicyId = 'must be a merge policy id'
  let eventsLimit = 10
  if (params.eventsLimit !== undefined) {
    const n = params.eventsLimit
    if (typeof n !== 'number' || !Number.isInteger(n) || n < 1 || n > MAX_EVENTS_LIMIT) fields.eventsLimit = `must be a whole number from 1 to ${MAX_EVENTS_LIMIT}`
    else eventsLimit = n
  }
  if (Object.keys(fields).length > 0) throw new ValidationError('INVALID_BODY', fields)

  const items = (list as unknown[]).map((raw, index): BatchItem => {
    const o = typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {}
    return {
      index,
      namespace: typeof o.namespace === 'string' ? o.namespace.slice(0, 64) : null,
      identity: normaliseIdentity(o.namespace, o.id, config.phoneDefaultCountryCode)
    }
  })
  return { items, sections, sandbox, mergePolicyId: typeof mp === 'string' ? mp : config.aep.mergePolicyId, eventsLimit }
}
