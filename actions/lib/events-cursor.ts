/**
 * The "load more" cursor: AEP's own `_links.next.href`, handed to the caller base64url-encoded —
 * without the customer's identity (it would otherwise travel, readable, in URLs and gateway logs),
 * but with a salted hash of it, so a cursor only works for the customer it was made for.
 * A cursor comes back from outside, so it is decoded, checked, and rebuilt from allowed
 * parameters only — never forwarded as a raw string.
 */
import { ValidationError } from './errors'
import { identityHash } from './hashing'
import type { NormalisedIdentity } from './identity'

const ALLOWED = new Set(['start', 'orderby', 'schema.name', 'relatedSchema.name', 'limit', 'fields', 'mergePolicyId', 'startTime', 'endTime', 'for'])
const IDENTITY_PARAMS = ['relatedEntityId', 'relatedEntityIdNS']

function binding(identity: NormalisedIdentity, salt: string): string {
  return identityHash(salt, identity.namespace, identity.id).slice(0, 16)
}

/** The cursor for AEP's next-page link, or null on the last page. */
export function hrefToCursor(href: string | null, identity: NormalisedIdentity, salt: string): string | null {
  if (!href) return null
  const at = href.indexOf('?')
  const params = new URLSearchParams(at >= 0 ? href.slice(at + 1) : '')
  for (const p of IDENTITY_PARAMS) params.delete(p)
  params.set('for', binding(identity, salt))
  return Buffer.from(`/entities?${params}`, 'utf8').toString('base64url')
}
const SAFE_VALUE = /^[^\u0000-\u001f\u007f]{1,512}$/

function invalid(): ValidationError {
  return new ValidationError('INVALID_PARAMETER', { cursor: 'is not a cursor this customer\'s events returned' })
}

/** The AEP path (relative to /data/core/ups/access) of the page the cursor points at, with `limit` applied. */
export function cursorToHref(cursor: string, identity: NormalisedIdentity, limit: number, salt: string): string {
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
  if (out.get('for') !== binding(identity, salt)) throw invalid()
  out.delete('for')
  out.set('relatedEntityId', identity.id)
  out.set('relatedEntityIdNS', identity.aepNamespace)
  out.set('limit', String(limit))
  return `/entities?${out}`
}
