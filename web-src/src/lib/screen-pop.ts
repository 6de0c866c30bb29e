/**
 * The screen-pop deep link a telephony system opens when the phone rings:
 *   index.html#/customer?ns=phone&id=%2B14155550123
 * Values are percent-decoded with decodeURIComponent (a literal "+" stays a "+", unlike
 * URLSearchParams, which would turn it into a space and break E.164 phone numbers).
 */

import type { Lookup } from '../api/types'
import { type IdentityProblem, identityProblem } from './identity-input'

export type ScreenPop =
  | { kind: 'none' }
  | { kind: 'lookup'; lookup: Lookup }
  | { kind: 'invalid'; problem: IdentityProblem | 'format' }

const ROUTE = /^#?\/customer(?:\?(.*))?$/
const MAX_HASH_LENGTH = 1024

/** Parses a location hash; anything that is not the customer route is `none` (the search page). */
export function parseScreenPop(hash: string): ScreenPop {
  if (hash.length > MAX_HASH_LENGTH) return { kind: 'invalid', problem: 'format' }
  const match = ROUTE.exec(hash)
  if (!match) return { kind: 'none' }
  const params = new Map<string, string>()
  for (const part of (match[1] ?? '').split('&')) {
    if (part === '') continue
    const eq = part.indexOf('=')
    const key = eq < 0 ? part : part.slice(0, eq)
    if (key !== 'ns' && key !== 'id') continue
    if (params.has(key)) return { kind: 'invalid', problem: 'format' }
    try {
      params.set(key, decodeURIComponent(eq < 0 ? '' : part.slice(eq + 1)))
    } catch {
      return { kind: 'invalid', problem: 'format' }
    }
  }
  const ns = params.get('ns')
  const id = params.get('id')
  if (ns === undefined || id === undefined) return { kind: 'invalid', problem: 'format' }
  const namespace = ns.trim().toLowerCase()
  const problem = identityProblem(namespace, id)
  if (problem) return { kind: 'invalid', problem }
  return { kind: 'lookup', lookup: { namespace, id: id.trim() } }
}

/** Builds the screen-pop hash for a lookup (what a telephony integration should open). */
export function screenPopHash(lookup: Lookup): string {
  return `#/customer?ns=${encodeURIComponent(lookup.namespace)}&id=${encodeURIComponent(lookup.id)}`
}
