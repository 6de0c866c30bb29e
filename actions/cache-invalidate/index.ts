/**
 * POST cache-invalidate  { "namespace": "email", "id": "…", "sandbox"?: "prod" }
 * Drops the customer's cached views so the next lookup reads AEP. See docs/api.md.
 */
import { serveCacheInvalidation } from '../lib/cache-invalidation'
import { webAction } from '../lib/web-action'

export const main = webAction('cache-invalidate', ['POST'], serveCacheInvalidation)
