/**
 * customer-interactions: records the outcome of a call in the customer's profile. The wrap-up is
 * validated against the deployment's interaction shape, becomes one XDM ExperienceEvent (stable
 * `_id`, the looked-up identity, the agent hashed by default) and goes to AEP through the
 * authenticated Streaming Ingestion connection. AEP's 200 means it has the event; Profile shows it
 * seconds to minutes later, so the answer is 202 with the event id and the timeline entry the UI
 * shows as pending (the same line the view will show once the event is stored). The
 * customer's cached views are dropped so the next lookup asks AEP again.
 */
import { InteractionsNotConfiguredError } from '../lib/errors'
import { type ActionResponse, accepted, type EndpointContext } from '../lib/http'
import { interactionMessage } from '../lib/interactions'
import { toCustomerEvent } from '../lib/view'
import { parseInteractionRequest } from './request'

/** The whole write, retries included, ends within this (the action's timeout is 30 s). */
export const WRITE_BUDGET_MS = 10_000

export async function serveCustomerInteractions(ctx: EndpointContext): Promise<ActionResponse> {
  const { config, requestId, services, notes, logger } = ctx
  const shape = config.mapping.interactions
  const target = config.interactions
  if (!shape || !target || !services.streaming) throw new InteractionsNotConfiguredError()
  const wrapUp = parseInteractionRequest(ctx.fields, config, shape)
  const now = Date.now()
  const eventContext = {
    config,
    shape,
    datasetId: target.datasetId,
    flowId: target.flowId,
    agentId: ctx.caller.id,
    now
  }
  const { eventId, message } = interactionMessage(wrapUp, eventContext)
  // The timeline entry the view will hold once Profile has the event, read through the same rules;
  // built without the note, so the UI can keep it while pending without keeping what the agent wrote.
  const noteless = interactionMessage({ ...wrapUp, note: null }, eventContext).message.body.xdmEntity
  const event = toCustomerEvent({ entityId: eventId, timestamp: now, entity: noteless }, config.mapping.events)
  const receipt = await services.streaming.send(message, { sandbox: wrapUp.sandbox, deadline: now + WRITE_BUDGET_MS })
  notes.outcome = 'accepted'
  // The event is in AEP's hands whatever happens next: a cache that cannot be cleared is reported, not fatal.
  let cacheInvalidated = false
  try {
    cacheInvalidated = (await services.cache.invalidate(wrapUp.sandbox, wrapUp.identity)) !== null
  } catch (e) {
    logger.warn('cached views not cleared after an interaction', { error: e })
  }
  logger.info('interaction accepted', {
    eventId,
    xactionId: receipt.xactionId,
    noteRedacted: wrapUp.noteRedacted,
    cacheInvalidated
  })
  return accepted(
    {
      accepted: true,
      eventId,
      interactionId: wrapUp.interactionId,
      sandbox: wrapUp.sandbox,
      timestamp: new Date(now).toISOString(),
      noteRedacted: wrapUp.noteRedacted,
      cacheInvalidated,
      event,
      requestId
    },
    requestId
  )
}
