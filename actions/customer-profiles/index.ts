/**
 * POST customer-profiles { identities: [{ namespace, id }, …], include?, sandbox?, mergePolicyId?, eventsLimit? }
 * Up to 100 customers at once, each with its own status. See docs/api.md.
 */
import { webAction } from '../lib/http'
import { serveCustomerProfiles } from './handler'

export const main = webAction({
  name: 'customer-profiles',
  methods: ['POST'],
  audit: 'customer-batch',
  handle: serveCustomerProfiles
})
