/**
 * customer-reveal: records that the agent unmasked a customer's contact details, addresses and
 * identities on screen. The UI already holds the view; this endpoint reads nothing from AEP and
 * changes nothing. Its whole effect is the audit line the shell writes (hashed identity, caller,
 * outcome `revealed`), so the UI reveals only after this answers 200.
 */
import { type ActionResponse, type EndpointContext, ok } from '../lib/http'
import { parseRevealRequest } from './request'

export async function serveCustomerReveal(ctx: EndpointContext): Promise<ActionResponse> {
  const { config, requestId, notes } = ctx
  // Validated so the audit line always names a real, normalised identity; the values are not used further.
  parseRevealRequest(ctx.fields, config)
  notes.outcome = 'revealed'
  return ok({ revealed: true, requestId }, requestId)
}
