/**
 * GET customer-profile?namespace=&id=[&sandbox=&mergePolicyId=&fields=&eventsLimit=&refresh=]
 * One customer's view from AEP Real-Time Customer Profile. See docs/api.md.
 */
import { serveCustomerLookup } from '../lib/customer-lookup'
import { webAction } from '../lib/web-action'

export const main = webAction('customer-profile', ['GET'], serveCustomerLookup)
