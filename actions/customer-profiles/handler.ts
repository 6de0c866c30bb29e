/**
 * customer-profiles: the batch lookup, with one audit line per identity (the same rules as the
 * single lookup) besides the shell's line for the request as a whole.
 */
import { upstreamStatusOf } from '../lib/errors'
import { type ActionResponse, type EndpointContext, ok } from '../lib/http'
import { wantsFresh } from '../lib/input'
import { type BatchResult, batchLookup } from '../lib/lookup'
import { audit, identityHash } from '../lib/observability'
import { parseBatchRequest } from './request'

const STATUS: Record<BatchResult['status'], number> = { found: 200, not_found: 404, invalid: 400, error: 500 }

/** The status an item's audit line records: an error item's own (429, 504, …), not a blanket one. */
function auditStatus(r: BatchResult): number {
  return r.status === 'error' ? (upstreamStatusOf(r.error?.code ?? '') ?? STATUS.error) : STATUS[r.status]
}

export async function serveCustomerProfiles(ctx: EndpointContext): Promise<ActionResponse> {
  const { config, logger, requestId, services, notes } = ctx
  const started = performance.now()
  const request = parseBatchRequest(ctx.fields, config)
  const answer = await batchLookup(request, { ...services, config, logger }, wantsFresh(ctx.headers, ctx.fields))
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
      outcome: r.status === 'error' ? (r.error?.code ?? 'error') : r.status,
      status: auditStatus(r),
      cache: r.cache?.status ?? null,
      durationMs
    })
  }
  notes.outcome = `batch:${answer.results.length}`
  return ok({ ...answer, meta: { ...answer.meta, requestId } }, requestId)
}
