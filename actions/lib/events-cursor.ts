/**
 * The "load more" cursor: AEP's own `_links.next.href`, handed to the caller base64url-encoded.
 * A cursor comes back from outside, so it is decoded, checked against the customer the caller
 * names, and rebuilt from allowed parameters only — never forwarded as a raw string.
 */
import { ValidationError } from './errors'
import type { NormalisedIdentity } from './identity'

const ALLOWED = new Set(['start', 'orderby', 'schema.name', 'relatedSchema.name', 'relatedEntityId', 'relatedEntityIdNS', 'limit', 'fields', 'mergePolicyId', 'startTime', 'endTime'])
const SAFE_VALUE = /^[^\u0000-\u001f\u007f]{1,512}$/

function invalid(): ValidationError {
  return new ValidationError('INVALID_PARAMETER', { cursor: 'is not a cursor this customer\'s events returned' })
}

/** The AEP path (relative to /data/core/ups/access) of the page the cursor points at, with `limit` applied. */
export function cursorToHref(cursor: string, identity: NormalisedIdentity, limit: number): string {
  if (!/^[A-Za-z0-9_-]{1,4096}$/.test(cursor)) throw invalid()
  const href = Buffer.from(cursor, 'base64url').toString('utf8')
  const q = href.startsWith('/entities?') ? href.slice('/entities?'.length) : null
  if (q === null) throw invalid()
  const params = new URLSearchParams(q)
  const out = new URLSearchParams()
  for (const [k, v] of params) {
    if (!ALLOWED.has(k) || !SAFE_VALUE.test(v) || out.has(k)) throw invalid()
    out.set(k, v)
  }
  if (out.get('schema.name') !== '_xdm.context.experienceevent' || !out.get('start')) throw invalid()
  // The cursor must be for the customer named in the request (the audit line names that one).
  if (out.get('relatedEntityId') !== identity.id || out.get('relatedEntityIdNS')?.toLowerCase() !== identity.aepNamespace.toLowerCase()) throw invalid()
  out.set('limit', String(limit))
  return `/entities?${out}`
}
