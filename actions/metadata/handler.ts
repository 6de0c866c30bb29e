/**
 * metadata: the identity namespaces and merge policies of a sandbox, and the sandboxes this app
 * may use. The shell has checked the caller.
 */
import { ValidationError } from '../lib/errors'
import { type ActionResponse, type EndpointContext, ok } from '../lib/http'
import { type FieldErrors, parseSandbox } from '../lib/input'
import { loadMetadata } from './catalogue'

export async function serveMetadata(ctx: EndpointContext): Promise<ActionResponse> {
  const { config, requestId, services } = ctx
  const errors: FieldErrors = {}
  const sandbox = parseSandbox(ctx.fields.sandbox, config, errors)
  if (errors.sandbox) throw new ValidationError('INVALID_PARAMETER', errors)
  return ok({ ...(await loadMetadata(sandbox, config, services)), requestId }, requestId)
}
