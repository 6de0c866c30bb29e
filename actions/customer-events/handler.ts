/**
 * customer-events: one page of a customer's experience events, newest first, paging with AEP's
 * own cursor. The shell has checked the caller and writes the audit line.
 */
import { cursorToHref, hrefToCursor } from '../lib/aep'
import { type ActionResponse, type EndpointContext, ok } from '../lib/http'
import { MAX_EVENTS_LIMIT } from '../lib/input'
import { asInputError, LOOKUP_BUDGET_MS, toEvents } from '../lib/lookup'
import { parseEventsRequest } from './request'

export async function serveCustomerEvents(ctx: EndpointContext): Promise<ActionResponse> {
  const { config, requestId, services, notes } = ctx
  const req = parseEventsRequest(ctx.fields, config)
  const call = { sandbox: req.sandbox, deadline: Date.now() + LOOKUP_BUDGET_MS }
  const page = await (req.cursor
    ? services.aep.getEventsPage(
        cursorToHref(req.cursor, req.identity, req.eventsLimit, config.identitySalt, req.mergePolicyId),
        call
      )
    : services.aep.getEvents(req.identity, { ...call, mergePolicyId: req.mergePolicyId, limit: req.eventsLimit })
  ).catch((e: unknown) => {
    throw asInputError(e, req.cursor ? 'cursor' : 'namespace')
  })
  notes.outcome = 'found'
  const events = toEvents(page, config.mapping.events).slice(0, MAX_EVENTS_LIMIT)
  return ok(
    {
      events,
      nextCursor: hrefToCursor(page.next, req.identity, config.identitySalt),
      meta: { sandbox: req.sandbox, requestId }
    },
    requestId
  )
}
