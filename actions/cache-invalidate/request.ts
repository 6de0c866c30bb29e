import type { Config } from '../lib/config'
import { ValidationError } from '../lib/errors'
import { type FieldErrors, type NormalisedIdentity, normaliseIdentity, parseSandbox } from '../lib/input'

export interface InvalidateRequest {
  identity: NormalisedIdentity
  sandbox: string
}

export function parseInvalidateRequest(fields: Record<string, unknown>, config: Config): InvalidateRequest {
  const errors: FieldErrors = {}
  const identity = normaliseIdentity(fields.namespace, fields.id, config.phoneDefaultCountryCode)
  const sandbox = parseSandbox(fields.sandbox, config, errors)
  if (!identity.ok) errors[identity.field] = identity.message
  if (!identity.ok || Object.keys(errors).length > 0)
    throw new ValidationError(identity.ok ? 'INVALID_PARAMETER' : 'INVALID_IDENTITY', errors)
  return { identity: identity.identity, sandbox }
}
