/**
 * POST customer-profiles  { "identities": [{ "namespace": "email", "id": "…" }, …] (≤ 100), "include"?: [...] }
 * Batch lookup for other systems: each identity with its own status. See docs/api.md.
 */
import { serveCustomerBatch } from '../lib/customer-batch'
import { webAction } from '../lib/web-action'

export const main = webAction('customer-profiles', ['POST'], serveCustomerBatch)
