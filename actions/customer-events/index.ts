/**
 * GET customer-events?namespace=&id=[&cursor=&limit=&sandbox=&mergePolicyId=]
 * One page of a customer's experience events, newest first. See docs/api.md.
 */
import { webAction } from '../lib/http'
import { serveCustomerEvents } from './handler'

export const main = webAction({
  name: 'customer-events',
  methods: ['GET'],
  audit: 'customer-events',
  handle: serveCustomerEvents
})
