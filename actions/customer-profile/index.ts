/**
 * GET customer-profile?namespace=&id=[&sandbox=&mergePolicyId=&fields=&eventsLimit=&refresh=]
 * One customer's view from AEP Real-Time Customer Profile. See docs/api.md.
 */
import { webAction } from '../lib/http'
import { serveCustomerProfile } from './handler'

export const main = webAction({
  name: 'customer-profile',
  methods: ['GET'],
  audit: 'customer-lookup',
  handle: serveCustomerProfile
})
