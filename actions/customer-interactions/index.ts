/**
 * POST customer-interactions { namespace, id, topic, outcome, sentiment?, note?, followUpDate?,
 * interactionId?[, sandbox] }: the agent's wrap-up of a call, sent to AEP as an ExperienceEvent.
 * See docs/api.md.
 */
import { webAction } from '../lib/http'
import { serveCustomerInteractions } from './handler'

export const main = webAction({
  name: 'customer-interactions',
  methods: ['POST'],
  audit: 'customer-interaction',
  handle: serveCustomerInteractions
})
