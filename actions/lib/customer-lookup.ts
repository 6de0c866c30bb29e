/**
 * The customer-profile request from start to end: check the caller, validate the query, look the
 * customer up through the cache, and write the audit line whatever the outcome.
 */
import { withAudit } from './audit'
import { authorizeCaller } from './caller-auth'
import { cachedLookup } from './cached-lookup'
import { ok, type ActionResponse } from './http'
import { parseLookupRequest } from './lookup-request'
import { projectCustomer } from './customer-view'
import { getServices } from './services'
import type { ActionContext } from './web-action'

/** `Cache-Control: no-cache` (or no-store) or `refresh=true` skip the cache for fresh data. */
export function wantsBypass(ctx: ActionContext): boolean {
  const cc = ctx.headers['cache-control'] ?? ''
  return /\bno-(cache|store)\b/i.test(cc) || ctx.fields.refresh === 'true' || ctx.fields.refresh === true
}

export function serveCustomerLookup(ctx: ActionContext): Promise<ActionResponse> {
  return withAudit(ctx, 'customer-lookup', async (notes) => {
    const { config, logger, requestId, fields } = ctx
    const services = getServices(config)
    notes.caller = (await authorizeCaller(ctx.callerToken, ctx.headers['x-gw-ims-org-id'], config.ims.orgId, services.ims)).id
    const request = parseLookupRequest(fields, config)
    const view = await cachedLookup(request, { ...services, config, logger }, wantsBypass(ctx))
    view.meta.requestId = requestId
    notes.cache = view.meta.cache?.status ?? null
    notes.outcome = 'found'
    // A cached full view may hold events the caller did not ask for: meta must not describe them.
    const meta = request.sections.has('events') ? view.meta : { ...view.meta, events: { status: 'unavailable' as const, reason: 'NOT_REQUESTED', nextCursor: null } }
    return ok({ customer: projectCustomer(view.customer, request.sections), meta }, requestId)
  })
}
