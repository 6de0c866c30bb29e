/**
 * A record's identities, as AEP's identity graph sees them: the fields the schema's identity
 * descriptors mark (identities.json) plus every `identityMap` entry. A number in an identity field
 * (Luma's loyaltyId) is the identity written as a string.
 */
import type { IdentityMapEntry } from '../seed/types'
import type { Problems } from './errors'
import { isObj, type Obj, type SourceRecord } from './read'

/** XDM field names joined by dots, at most 16 steps (as the mapping's paths). */
export const DOT_PATH = /^[A-Za-z_@][A-Za-z0-9_@-]*(\.[A-Za-z_@][A-Za-z0-9_@-]*){0,15}$/
/** An Identity Service namespace code (`Email`, `ECID`, `lumaLoyaltyId`). */
export const NAMESPACE_CODE = /^[A-Za-z][A-Za-z0-9_.-]{0,63}$/

export type RecordKind = 'profile' | 'event'

/** identities.json: for each record kind, the identity fields as [dot path, namespace code]. */
export type Descriptors = Record<RecordKind, Array<[path: string, namespace: string]>>

export interface FoundIdentity {
  /** Namespace code as the record spells it. */
  namespace: string
  id: string
  /** primary / authenticatedState of an identityMap entry. */
  flags?: Omit<IdentityMapEntry, 'id'>
}

const FILE = 'identities.json'
const AUTH_STATES = ['ambiguous', 'authenticated', 'loggedOut']

export function parseDescriptors(input: Obj | undefined, problems: Problems): Descriptors {
  const out: Descriptors = { profile: [], event: [] }
  if (input === undefined) return out
  for (const [key, value] of Object.entries(input)) {
    if (key !== 'profile' && key !== 'event') {
      problems.add(FILE, undefined, key, 'is not a known key (profile, event)')
      continue
    }
    if (!isObj(value)) {
      problems.add(FILE, undefined, key, 'must be an object of "dot.path": "NamespaceCode"')
      continue
    }
    for (const [path, ns] of Object.entries(value)) {
      const at = `${key}.${path}`
      if (!DOT_PATH.test(path)) problems.add(FILE, undefined, at, 'must be a dot path such as personalEmail.address')
      else if (typeof ns !== 'string' || !NAMESPACE_CODE.test(ns))
        problems.add(FILE, undefined, at, 'must name an identity namespace code such as Email or lumaLoyaltyId')
      else out[key].push([path, ns])
    }
  }
  return out
}

/** Every identity of one record; problems are reported under the record's file and place. */
export function recordIdentities(
  file: string,
  rec: SourceRecord,
  paths: Descriptors[RecordKind],
  problems: Problems
): FoundIdentity[] {
  const found: FoundIdentity[] = []
  for (const [path, namespace] of paths) {
    const value = readPath(rec.value, path)
    if (value === undefined || value === null || value === '') continue
    const id = identityValue(value)
    if (typeof id === 'string') found.push({ namespace, id })
    else problems.add(file, rec.where, path, id.error)
  }
  if (rec.value.identityMap !== undefined) found.push(...identityMapEntries(file, rec, problems))
  return found
}

function identityMapEntries(file: string, rec: SourceRecord, problems: Problems): FoundIdentity[] {
  const map = rec.value.identityMap
  if (!isObj(map)) {
    problems.add(file, rec.where, 'identityMap', 'must be an object of namespace code → [{ "id": … }]')
    return []
  }
  const found: FoundIdentity[] = []
  for (const [namespace, entries] of Object.entries(map)) {
    const at = `identityMap.${namespace}`
    if (!NAMESPACE_CODE.test(namespace)) {
      problems.add(file, rec.where, at, 'is not an identity namespace code')
      continue
    }
    if (!Array.isArray(entries)) {
      problems.add(file, rec.where, at, 'must be a list of { "id": … } entries')
      continue
    }
    for (const [k, entry] of (entries as unknown[]).entries()) {
      const e = isObj(entry) ? entry : {}
      const id = e.id === undefined ? { error: 'is required' } : identityValue(e.id)
      if (typeof id !== 'string') {
        problems.add(file, rec.where, `${at}[${k}].id`, id.error)
        continue
      }
      const flags: Omit<IdentityMapEntry, 'id'> = {}
      if (e.primary !== undefined) {
        if (typeof e.primary === 'boolean') flags.primary = e.primary
        else problems.add(file, rec.where, `${at}[${k}].primary`, 'must be true or false')
      }
      if (e.authenticatedState !== undefined) {
        if (AUTH_STATES.includes(e.authenticatedState as string))
          flags.authenticatedState = e.authenticatedState as IdentityMapEntry['authenticatedState']
        else problems.add(file, rec.where, `${at}[${k}].authenticatedState`, `must be one of ${AUTH_STATES.join(', ')}`)
      }
      found.push(Object.keys(flags).length > 0 ? { namespace, id, flags } : { namespace, id })
    }
  }
  return found
}

/** The identity as a string; numbers become their decimal text (when exact). */
function identityValue(v: unknown): string | { error: string } {
  if (typeof v === 'string') return v.trim() === '' ? { error: 'must be a non-empty string' } : v
  if (typeof v === 'number' && Number.isFinite(v)) {
    if (Number.isInteger(v) && !Number.isSafeInteger(v))
      return { error: 'is a number too large to be exact in JSON; write the identity as a string' }
    return String(v)
  }
  return { error: 'must be a string or a number (an identity value)' }
}

/** Reads a dot path through objects; undefined when a step is missing or not an object. */
export function readPath(source: unknown, path: string): unknown {
  let at: unknown = source
  for (const step of path.split('.')) {
    if (!isObj(at)) return undefined
    at = at[step]
  }
  return at
}
