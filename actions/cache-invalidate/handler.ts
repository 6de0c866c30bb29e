/**
 * cache-invalidate: removes a customer's cached views (every merge policy, every identity of the
 * profile) so the next lookup reads AEP. For admins and for systems that know a profile changed.
 */
import { CacheUnavailableError } from '../lib/errors'
import { type ActionResponse, type EndpointContext, ok } from '../lib/http'
import { parseInvalidateRequest } from './request'

export async function serveCacheInvalidate(ctx: EndpointContext): Promise<ActionResponse> {
  const { config, requestId, services, notes } = ctx
  const { identity, sandbox } = parseInvalidateRequest(ctx.fields, config)
  const identitiesCleared = await services.cache.invalidate(sandbox, identity)
  // Saying "invalidated" when nothing was deleted would leave a system trusting stale data.
  if (identitiesCleared === null) throw new CacheUnavailableError()
  notes.outcome = 'invalidated'
  return ok({ invalidated: true, sandbox, identitiesCleared, requestId }, requestId)
}
