/**
 * Parses the body of a batch lookup. A malformed body is refused whole (INVALID_BODY); a bad
 * identity inside a good body is only that item's problem, reported in its own result.
 */
import type { Config } from '../lib/config'
import { ValidationError } from '../lib/errors'
import type { BatchItem, BatchRequest } from '../lib/input'
import {
  type FieldErrors,
  normaliseIdentity,
  parseEventsLimit,
  parseMergePolicy,
  parseSandbox,
  parseSections
} from '../lib/input'
import { SECTIONS, type Section } from '../lib/view'

/** Most identities one batch may carry (one AEP multi-entity POST). */
export const MAX_BATCH_IDENTITIES = 100
/** Every section but the costly ones: events (an AEP call per customer) and the whole profile. */
const DEFAULT_INCLUDE: Section[] = SECTIONS.filter((s) => s !== 'events' && s !== 'allAttributes')

export function parseBatchRequest(fields: Record<string, unknown>, config: Config): BatchRequest {
  const errors: FieldErrors = {}
  const list = fields.identities
  if (!Array.isArray(list) || list.length === 0 || list.length > MAX_BATCH_IDENTITIES) {
    errors.identities = `must be an array of 1 to ${MAX_BATCH_IDENTITIES} { "namespace", "id" } objects`
  }
  const json = { json: true }
  const sections = parseSections(fields.include, errors, 'include', DEFAULT_INCLUDE, json)
  const sandbox = parseSandbox(fields.sandbox, config, errors, json)
  const mergePolicyId = parseMergePolicy(fields.mergePolicyId, config, errors, json)
  const eventsLimit = parseEventsLimit(fields.eventsLimit, errors, 'eventsLimit', json)
  if (Object.keys(errors).length > 0) throw new ValidationError('INVALID_BODY', errors)

  const items = (list as unknown[]).map((raw, index): BatchItem => {
    const o = typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {}
    return {
      index,
      namespace: typeof o.namespace === 'string' ? o.namespace.slice(0, 64) : null,
      identity: normaliseIdentity(o.namespace, o.id, config.phoneDefaultCountryCode)
    }
  })
  return { items, sections, sandbox, mergePolicyId, eventsLimit }
}
