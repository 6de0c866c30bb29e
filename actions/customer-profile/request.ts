import type { ActionContext } from '../lib/http'

/** `Cache-Control: no-cache` (or no-store) or `refresh=true` skip the cache for fresh data. */
export function wantsBypass(ctx: Pick<ActionContext, 'headers' | 'fields'>): boolean {
  const cc = ctx.headers['cache-control'] ?? ''
  return /\bno-(cache|store)\b/i.test(cc) || ctx.fields.refresh === 'true' || ctx.fields.refresh === true
}
