/**
 * GET customer-events: one page of a customer's experience events, newest first, paging with
 * AEP's own cursor. Same caller check, validation and audit as the profile lookup.
 */
import { withAudit } from './audit'
import { authorizeCaller } from './caller-auth'
import { ValidationError } from './errors'
import { cursorToHref, hrefToCursor } from './events-cursor'
import { ok, type ActionResponse } from './http'
import { parseLookupRequest, MAX_EVENTS_LIMIT } from './lookup-request'
import { asInputError, LOOKUP_BUDGET_MS, toEvents } from './profile-service'
import { getServices } from './services'
import type { ActionContext } from './web-action'

export function serveCustomerEvents(ctx: ActionContext): Promise<ActionResponse> {
  return withAudit(ctx, 'customer-events', async (notes) => {
    const { config, fields, requestId } = ctx
    const services = getServices(config)
    notes.caller = (await authorizeCaller(ctx.callerToken, ctx.headers['x-gw-ims-org-id'], config.ims.orgId, services.ims)).id
    const req = parseLookupRequest({ ...fields, fields: 'events' }, config, 'limit')
    const cursor = fields.cursor
    if (cursor !== undefined && typeof cursor !== 'string') throw new ValidationError('INVALID_PARAMETER', { cursor: 'must be given once, as text' })
    const call = { sandbox: req.sandbox, deadline: Date.now() + LOOKUP_BUDGET_MS }
    const page = await (cursor
      ? services.aep.getEventsPage(cursorToHref(cursor, req.identity, req.eventsLimit, config.identitySalt, req.mergePolicyId), call)
      : services.aep.getEvents(req.identity, { ...call, mergePolicyId: req.mergePolicyId, limit: req.eventsLimit })
    ).catch((e: unknown) => { throw asInputError(e, cursor ? 'cursor' : 'namespace') })
    notes.outcome = 'found'
    return ok({ events: toEvents(page).slice(0, MAX_EVENTS_LIMIT), nextCursor: hrefToCursor(page.next, req.identity, config.identitySalt), meta: { sandbox: req.sandbox, requestId } }, requestId)
  })
}
