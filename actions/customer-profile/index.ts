/**
 * GET customer-profile?namespace=&id=[&sandbox=&mergePolicyId=&fields=&eventsLimit=]
 * One customer's view from AEP Real-Time Customer Profile. See docs/api.md.
 */
import { ok } from '../lib/http'
import { parseLookupRequest } from '../lib/lookup-request'
import { lookupCustomer } from '../lib/profile-service'
import { getServices } from '../lib/services'
import { webAction } from '../lib/web-action'

export const main = webAction('customer-profile', ['GET'], async ({ params, config, logger, requestId }) => {
  const request = parseLookupRequest(params, config)
  const services = getServices(config)
  const view = await lookupCustomer(request, { aep: services.aep, audiences: services.audiences, config, logger })
  view.meta.requestId = requestId
  return ok(view, requestId)
})
