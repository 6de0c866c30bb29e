/**
 * Parses a single-customer lookup (customer-profile, customer-events) into a validated request.
 * Nothing a caller sends reaches AEP before it has passed through here.
 */
import type { Config } from '../config'
import { ValidationError } from '../errors'
import { type NormalisedIdentity, normaliseIdentity } from './identity'
import { type FieldErrors, parseEventsLimit, parseMergePolicy, parseSandbox, parseSections, single } from './params'
import type { LookupRequest } from './requests'

/** `limitField` names the events-limit parameter as the endpoint calls it (`eventsLimit`, or `limit` for customer-events). */
export function parseLookupRequest(
  fields: Record<string, unknown>,
  config: Config,
  limitField = 'eventsLimit'
): LookupRequest {
  const errors: FieldErrors = {}
  const identity = normaliseIdentity(
    single(fields.namespace, 'namespace', errors),
    single(fields.id, 'id', errors),
    config.phoneDefaultCountryCode
  )
  if (!identity.ok) errors[identity.field] ??= identity.message
  const sandbox = parseSandbox(fields.sandbox, config, errors)
  const mergePolicyId = parseMergePolicy(fields.mergePolicyId, config, errors)
  const sections = parseSections(fields.fields, errors, 'fields')
  const eventsLimit = parseEventsLimit(fields[limitField], errors, limitField)
  if (Object.keys(errors).length > 0 || !identity.ok) {
    throw new ValidationError(errors.namespace || errors.id ? 'INVALID_IDENTITY' : 'INVALID_PARAMETER', errors)
  }
  return { identity: identity.identity, sandbox, mergePolicyId, sections, eventsLimit }
}

/** One customer in one sandbox, as the POST endpoints that act on a customer take it. */
export interface CustomerInSandbox {
  identity: NormalisedIdentity
  sandbox: string
}

/** `{ namespace, id, sandbox? }` of a JSON body (cache-invalidate, customer-reveal); a 400 names each bad field. */
export function parseCustomerInSandbox(fields: Record<string, unknown>, config: Config): CustomerInSandbox {
  const errors: FieldErrors = {}
  const identity = normaliseIdentity(fields.namespace, fields.id, config.phoneDefaultCountryCode)
  const sandbox = parseSandbox(fields.sandbox, config, errors)
  if (!identity.ok) errors[identity.field] = identity.message
  if (!identity.ok || Object.keys(errors).length > 0)
    throw new ValidationError(identity.ok ? 'INVALID_PARAMETER' : 'INVALID_IDENTITY', errors)
  return { identity: identity.identity, sandbox }
}
