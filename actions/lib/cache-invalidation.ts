/**
 * Removes a customer's cached views (every merge policy, every identity of the profile) so the
 * next lookup reads AEP. For admins and for systems that know a profile just changed.
 */
import { withAudit } from './audit'
import { authorizeCaller } from './caller-auth'
import { CacheUnavailableError, ValidationError } from './errors'
import { parseSandbox } from './lookup-request'
import { ok, type ActionResponse } from './http'
import { normaliseIdentity } from './identity'
import { getServices } from './services'
import type { ActionContext } from './web-action'

export function serveCacheInvalidation(ctx: ActionContext): Promise<ActionResponse> {
  return withAudit(ctx, 'cache-invalidate', async (notes) => {
    const { config, fields: input, requestId } = ctx
    const services = getServices(config)
    notes.caller = (await authorizeCaller(ctx.callerToken, ctx.headers['x-gw-ims-org-id'], config.ims.orgId, services.ims)).id
    const identity = normaliseIdentity(input.namespace, input.id, config.phoneDefaultCountryCode)
    const fields: Record<string, string> = {}
    const sandbox = parseSandbox(input, config, fields)
    if (!identity.ok) fields[identity.field] = identity.message
    if (!identity.ok || Object.keys(fields).length > 0) throw new ValidationError(identity.ok ? 'INVALID_PARAMETER' : 'INVALID_IDENTITY', fields)
    const identitiesCleared = await services.cache.invalidate(sandbox, identity.identity)
    // Saying "invalidated" when nothing was deleted would leave a system trusting stale data.
    if (identitiesCleared === null) throw new CacheUnavailableError()
    notes.outcome = 'invalidated'
    return ok({ invalidated: true, sandbox, identitiesCleared, requestId }, requestId)
  })
}
