/**
 * metadata: the identity namespaces and merge policies of a sandbox, the sandboxes this app may
 * use, and the deployment's UI settings (whether personal data starts masked). The shell has
 * checked the caller.
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
  const catalogue = await loadMetadata(sandbox, config, services)
  // From the settings, not the cached catalogue: a redeploy with MASK_PERSONAL_DATA changed shows at once.
  return ok({ ...catalogue, ui: { maskPersonalData: config.ui.maskPersonalData }, requestId }, requestId)
}
