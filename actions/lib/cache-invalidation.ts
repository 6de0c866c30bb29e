/**
 * Removes a customer's cached views (every merge policy, every identity of the profile) so the
 * next lookup reads AEP. For admins and for systems that know a profile just changed.
 */
import { withAudit } from './audit'
import { authorizeCaller } from './caller-auth'
import { ValidationError } from './errors'
import { ok, type ActionResponse } from './http'
import { normaliseIdentity } from './identity'
import { getServices } from './services'
import type { ActionContext } from './web-action'

export function serveCacheInvalidation(ctx: ActionContext): Promise<ActionResponse> {
  return withAudit(ctx, 'cache-invalidate', async (notes) => {
    const { config, params, requestId } = ctx
    const services = getServices(config)
    notes.caller = (await authorizeCaller(ctx.callerToken, ctx.headers['x-gw-ims-org-id'], config.ims.orgId, services.ims)).id
    const identity = normaliseIdentity(params.namespace, params.id, config.phoneDefaultCountryCode)
    const sandbox = typeof params.sandbox === 'string' && params.sandbox.trim() !== '' ? params.sandbox.trim() : config.aep.sandbox
    const fields: Record<string, string> = {}
    if (!identity.ok) fields[identity.field] = identity.message
    if (!config.aep.allowedSandboxes.includes(sandbox)) fields.sandbox = `must be one of: ${config.aep.allowedSandboxes.join(', ')}`
    if (!identity.ok || Object.keys(fields).length > 0) throw new ValidationError(identity.ok ? 'INVALID_PARAMETER' : 'INVALID_IDENTITY', fields)
    const identitiesCleared = await services.cache.invalidate(sandbox, identity.identity)
    notes.outcome = 'invalidated'
    return ok({ invalidated: true, sandbox, identitiesCleared, requestId }, requestId)
  })
}
