/**
 * POST customer-reveal { namespace, id[, sandbox] }: audit that personal data was revealed to the agent. See docs/api.md.
 */
import { webAction } from '../lib/http'
import { serveCustomerReveal } from './handler'

export const main = webAction({
  name: 'customer-reveal',
  methods: ['POST'],
  audit: 'personal-data-reveal',
  handle: serveCustomerReveal
})
