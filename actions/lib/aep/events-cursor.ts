/**
 * The "load more" cursor. It carries only AEP's page position (`start` from `_links.next`) and a
 * salted hash binding it to the customer — never the identity itself, which would otherwise travel,
 * readable, in URLs and gateway logs. A cursor comes back from outside, so everything else of the
 * next-page request is rebuilt from the validated request; nothing a caller puts in a cursor but a
 * well-formed position reaches AEP.
 */
import { ValidationError } from '../errors'
import { identityHash } from '../observability'
import { eventsPath } from './aep-client'
import type { NormalisedIdentity } from './aep-types'

/** AEP's page positions are opaque ids (UUIDs, base64 tokens). */
const START = /^[A-Za-z0-9_.=+/-]{1,512}$/

function binding(identity: NormalisedIdentity, salt: string): string {
  return identityHash(salt, identity.namespace, identity.id).slice(0, 16)
}

function encode(start: string, forHash: string): string {
  return Buffer.from(JSON.stringify({ s: start, f: forHash }), 'utf8').toString('base64url')
}

function invalid(): ValidationError {
  return new ValidationError('INVALID_PARAMETER', { cursor: "is not a cursor this customer's events returned" })
}

/** The cursor for AEP's next-page link, or null on the last page (or a link without a position). */
export function hrefToCursor(href: string | null, identity: NormalisedIdentity, salt: string): string | null {
  if (!href) return null
  const at = href.indexOf('?')
  const start = new URLSearchParams(at >= 0 ? href.slice(at + 1) : '').get('start')
  return start && START.test(start) ? encode(start, binding(identity, salt)) : null
}

/** The same position, bound to another identity of the same customer (a cache hit by phone of a view read by e-mail). */
export function rebindCursor(cursor: string | null, identity: NormalisedIdentity, salt: string): string | null {
  const decoded = cursor ? decode(cursor) : null
  return decoded ? encode(decoded.s, binding(identity, salt)) : null
}

function decode(cursor: string): { s: string; f: string } | null {
  if (!/^[A-Za-z0-9_-]{1,2048}$/.test(cursor)) return null
  try {
    const v: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'))
    const o = v as { s?: unknown; f?: unknown }
    return typeof v === 'object' && v !== null && typeof o.s === 'string' && START.test(o.s) && typeof o.f === 'string'
      ? { s: o.s, f: o.f }
      : null
  } catch {
    return null
  }
}

/** The next-page request (relative to /data/core/ups/access) for a cursor of this customer. */
export function cursorToHref(
  cursor: string,
  identity: NormalisedIdentity,
  limit: number,
  salt: string,
  mergePolicyId: string | null
): string {
  const decoded = decode(cursor)
  // The cursor must be for the customer named in the request (the audit line names that one).
  if (!decoded || decoded.f !== binding(identity, salt)) throw invalid()
  return eventsPath(identity, limit, mergePolicyId, decoded.s)
}
