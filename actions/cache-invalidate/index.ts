/**
 * POST cache-invalidate { namespace, id[, sandbox] }: forget a customer's cached views. See docs/api.md.
 */
import { webAction } from '../lib/http'
import { serveCacheInvalidate } from './handler'

export const main = webAction({
  name: 'cache-invalidate',
  methods: ['POST'],
  audit: 'cache-invalidate',
  handle: serveCacheInvalidate
})
