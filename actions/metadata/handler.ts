/**
 * metadata: the identity namespaces and merge policies of a sandbox, the sandboxes this app may
 * use, and the deployment's UI settings (whether personal data starts masked, what the wrap-up
 * form offers). The shell has
 * checked the caller.
 */
import type { Config } from '../lib/config'
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
  return ok(
    {
      ...catalogue,
      ui: { maskPersonalData: config.ui.maskPersonalData },
      interactions: interactionChoices(config),
      requestId
    },
    requestId
  )
}

/** What the wrap-up form offers: from the settings, like `ui`, so a redeploy shows at once. */
function interactionChoices(config: Config) {
  const shape = config.mapping.interactions
  if (!shape || !config.interactions)
    return { enabled: false, topics: [], outcomes: [], sentiments: [], noteMaxLength: 0, fields: [] }
  const { topics, outcomes, noteMaxLength } = shape
  const optional = (['sentiment', 'note', 'followUpDate'] as const).filter((f) => shape.fields[f] !== undefined)
  return {
    enabled: true,
    topics,
    outcomes,
    sentiments: shape.fields.sentiment ? shape.sentiments : [],
    noteMaxLength: shape.fields.note ? noteMaxLength : 0,
    fields: optional
  }
}
