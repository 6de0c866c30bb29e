/**
 * GET customer-events?namespace=&id=[&cursor=&limit=&sandbox=&mergePolicyId=]
 * A page of the customer's experience events ("load more"). See docs/api.md.
 */
import { serveCustomerEvents } from '../lib/customer-events'
import { webAction } from '../lib/web-action'

export const main = webAction('customer-events', ['GET'], serveCustomerEvents)
