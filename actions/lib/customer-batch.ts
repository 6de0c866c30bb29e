/**
 * POST customer-profiles: the batch lookup request from start to end, with one audit line per
 * identity (the same audit rules as the single lookup) plus one for a refused request.
 */
import { audit, withAudit } from './audit'
import { batchLookup } from './batch-lookup'
import { parseBatchRequest } from './batch-request'
import { authorizeCaller } from './caller-auth'
import { wantsBypass } from './customer-lookup'
import { identityHash } from './hashing'
import { ok, type ActionResponse } from './http'
import { getServices } from './services'
import type { ActionContext } from './web-action'

export function serveCustomerBatch(ctx: ActionContext): Promise<ActionResponse> {
  return withAudit(ctx, 'customer-batch', async (notes) => {
    const { config, logger, requestId, fields } = ctx
    const started = performance.now()
    const services = getServices(config)
    notes.caller = (await authorizeCaller(ctx.callerToken, ctx.headers['x-gw-ims-org-id'], config.ims.orgId, services.ims)).id
    const request = parseBatchRequest(fields, config)
    const answer = await batchLookup(request, { ...services, config, logger }, wantsBypass(ctx))
    const durationMs = Math.round(performance.now() - started)
    for (const r of answer.results) {
      const item = request.items[r.index]
      const identity = item?.identity.ok ? item.identity.identity : null
      audit(logger, {
        operation: 'customer-lookup',
        caller: notes.caller,
        org: config.ims.orgId,
        sandbox: request.sandbox,
        namespace: identity?.namespace ?? null,
        identityHash: identity ? identityHash(config.identitySalt, identity.namespace, identity.id) : null,
        outcome: r.status === 'error' ? r.error?.code ?? 'error' : r.status,
        status: r.status === 'found' ? 200 : r.status === 'not_found' ? 404 : r.status === 'invalid' ? 400 : 502,
        cache: r.cache?.status ?? null,
        durationMs
      })
    }
    notes.outcome = `batch:${answer.results.length}`
    return ok({ ...answer, meta: { ...answer.meta, requestId } }, requestId)
  })
}
