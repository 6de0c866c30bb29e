/**
 * customer-profile: validate the query, look the customer up through the cache, and project the
 * sections asked for. The shell has checked the caller and writes the audit line.
 */
import { type ActionResponse, type EndpointContext, ok } from '../lib/http'
import { parseLookupRequest, wantsFresh } from '../lib/input'
import { cachedLookup } from '../lib/lookup'
import { projectCustomer } from '../lib/view'

export async function serveCustomerProfile(ctx: EndpointContext): Promise<ActionResponse> {
  const { config, logger, requestId, services, notes } = ctx
  const request = parseLookupRequest(ctx.fields, config)
  const view = await cachedLookup(request, { ...services, config, logger }, wantsFresh(ctx.headers, ctx.fields))
  view.meta.requestId = requestId
  notes.cache = view.meta.cache?.status ?? null
  notes.outcome = 'found'
  // A cached full view may hold events the caller did not ask for: meta must not describe them.
  const meta = request.sections.has('events')
    ? view.meta
    : { ...view.meta, events: { status: 'unavailable' as const, reason: 'NOT_REQUESTED', nextCursor: null } }
  return ok({ customer: projectCustomer(view.customer, request.sections), meta }, requestId)
}
