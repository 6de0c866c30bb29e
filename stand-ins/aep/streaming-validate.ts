/**
 * The entity of one XDM message validated against the dataset's schema, reported as Adobe's
 * Streaming Validation Service reports it
 * (help/ingestion/quality/streaming-validation.md): JSON-schema violations with `schemaLocation`,
 * `pointerToViolation`, `keyword` and `message`, at most five per message.
 */

import { isObj, type Obj } from '../lib/json'
import type { EventShape } from './streaming-config'

export interface Violation {
  schemaLocation: string
  pointerToViolation: string
  causingExceptions: Violation[]
  keyword: string
  message: string
}

/** Adobe's validation service stops after five errors. */
export const MAX_VIOLATIONS = 5
const AUTH_STATES = ['ambiguous', 'authenticated', 'loggedOut']
const DATE_TIME_EXPECTED =
  "[yyyy-MM-dd'T'HH:mm:ssZ, yyyy-MM-dd'T'HH:mm:ss.[0-9]{1-9}Z, yyyy-MM-dd'T'HH:mm:ss[+-]HH:mm, yyyy-MM-dd'T'HH:mm:ss.[0-9]{1,9}[+-]HH:mm]"

type SchemaNode =
  | { kind: 'string' | 'date' | 'date-time' | 'identityMap' }
  | { kind: 'object'; children: Map<string, SchemaNode> }
type ObjectNode = Extract<SchemaNode, { kind: 'object' }>

/** The schema violations of `xdmEntity` (empty = valid), the first five at most. */
export function validateEntity(
  entity: unknown,
  shape: EventShape,
  knowsNamespace: (code: string) => boolean
): Violation[] {
  const out: Violation[] = []
  if (entity === undefined) out.push(violation('#', '#', 'required', 'Payload body is missing xdmEntity'))
  else if (!isObj(entity)) out.push(typeViolation('#', '#', 'JSONObject', entity))
  else {
    for (const key of ['_id', 'timestamp', 'identityMap'])
      if (!(key in entity)) out.push(violation('#', '#', 'required', `required key [${key}] not found`))
    walkObject(entity, schemaOf(shape), '#', '#', out, knowsNamespace)
  }
  return out.slice(0, MAX_VIOLATIONS)
}

/** A summary node of several violations carries no keyword. */
export type ReportedViolation = Omit<Violation, 'keyword'> & { keyword?: string }

/** `report.cause` of a sync-validation 400: one violation as is, several under a summary. */
export function validationCause(violations: Violation[]): { _streamingValidation: ReportedViolation[] } {
  if (violations.length === 1) return { _streamingValidation: violations }
  const message = `${violations.length} schema violations found`
  return {
    _streamingValidation: [{ schemaLocation: '#', pointerToViolation: '#', causingExceptions: violations, message }]
  }
}

function schemaOf(shape: EventShape): ObjectNode {
  const root: ObjectNode = { kind: 'object', children: new Map() }
  for (const f of shape.fields) {
    const steps = f.path.split('.')
    let node = root
    steps.forEach((step, k) => {
      if (k === steps.length - 1) {
        node.children.set(step, { kind: f.format })
        return
      }
      const next = node.children.get(step)
      const obj: ObjectNode = next?.kind === 'object' ? next : { kind: 'object', children: new Map() }
      node.children.set(step, obj)
      node = obj
    })
  }
  root.children.set('_id', { kind: 'string' })
  root.children.set('timestamp', { kind: 'date-time' })
  root.children.set('eventType', { kind: 'string' })
  root.children.set('identityMap', { kind: 'identityMap' })
  return root
}

function walkObject(
  value: Obj,
  node: ObjectNode,
  loc: string,
  ptr: string,
  out: Violation[],
  knows: (code: string) => boolean
): void {
  for (const [key, v] of Object.entries(value)) {
    const child = node.children.get(key)
    const at = `${ptr}/${pointerStep(key)}`
    const schemaAt = `${loc}/properties/${pointerStep(key)}`
    if (!child) out.push(violation(loc, ptr, 'additionalProperties', `extraneous key [${key}] is not permitted`))
    else if (child.kind === 'object') {
      if (isObj(v)) walkObject(v, child, schemaAt, at, out, knows)
      else out.push(typeViolation(schemaAt, at, 'JSONObject', v))
    } else if (child.kind === 'identityMap') checkIdentityMap(v, schemaAt, at, out, knows)
    else checkLeaf(v, child.kind, schemaAt, at, out)
  }
}

function checkLeaf(
  v: unknown,
  kind: 'string' | 'date' | 'date-time',
  loc: string,
  ptr: string,
  out: Violation[]
): void {
  if (typeof v !== 'string') out.push(typeViolation(loc, ptr, 'String', v))
  else if (kind === 'date-time' && !isDateTime(v))
    out.push(violation(loc, ptr, 'format', `[${v}] is not a valid date-time. Expected ${DATE_TIME_EXPECTED}`))
  else if (kind === 'date' && !isDate(v))
    out.push(violation(loc, ptr, 'format', `[${v}] is not a valid date. Expected [yyyy-MM-dd]`))
}

/** identityMap: namespace code → non-empty array of `{ id, primary?, authenticatedState? }` (XDM Identity Map). */
function checkIdentityMap(
  v: unknown,
  loc: string,
  ptr: string,
  out: Violation[],
  knows: (code: string) => boolean
): void {
  if (!isObj(v)) {
    out.push(typeViolation(loc, ptr, 'JSONObject', v))
    return
  }
  const entries = Object.entries(v)
  if (entries.length === 0) out.push(violation(loc, ptr, 'minProperties', 'minimum size: [1], found: [0]'))
  const items = `${loc}/additionalProperties/items`
  for (const [code, list] of entries) {
    const at = `${ptr}/${pointerStep(code)}`
    // Not a JSON-schema rule: Identity Service cannot place an identity of a namespace the sandbox lacks.
    if (!knows(code))
      out.push(violation(loc, at, 'identityNamespace', `identity namespace [${code}] is not defined in this sandbox`))
    if (!Array.isArray(list)) {
      out.push(typeViolation(`${loc}/additionalProperties`, at, 'JSONArray', list))
      continue
    }
    if (list.length === 0)
      out.push(violation(`${loc}/additionalProperties`, at, 'minItems', 'expected minimum item count: 1, found: 0'))
    for (const [k, item] of list.entries()) checkIdentity(item, items, `${at}/${k}`, out)
  }
}

function checkIdentity(item: unknown, loc: string, ptr: string, out: Violation[]): void {
  if (!isObj(item)) {
    out.push(typeViolation(loc, ptr, 'JSONObject', item))
    return
  }
  if (!('id' in item)) out.push(violation(loc, ptr, 'required', 'required key [id] not found'))
  for (const [key, v] of Object.entries(item)) {
    const at = `${ptr}/${pointerStep(key)}`
    const schemaAt = `${loc}/properties/${pointerStep(key)}`
    if (key === 'id') {
      if (typeof v !== 'string') out.push(typeViolation(schemaAt, at, 'String', v))
      else if (v === '') out.push(violation(schemaAt, at, 'minLength', 'expected minLength: 1, actual: 0'))
    } else if (key === 'primary') {
      if (typeof v !== 'boolean') out.push(typeViolation(schemaAt, at, 'Boolean', v))
    } else if (key === 'authenticatedState') {
      if (typeof v !== 'string' || !AUTH_STATES.includes(v))
        out.push(violation(schemaAt, at, 'enum', `${JSON.stringify(v)} is not a valid enum value`))
    } else out.push(violation(loc, ptr, 'additionalProperties', `extraneous key [${key}] is not permitted`))
  }
}

function isDateTime(v: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?(Z|[+-](\d{2}):(\d{2}))$/.exec(v)
  if (!m) return false
  const [h, min, s] = [Number(m[4]), Number(m[5]), Number(m[6])]
  const offsetOk = m[9] === undefined || (Number(m[9]) < 24 && Number(m[10]) < 60)
  return isCalendarDate(m[1], m[2], m[3]) && h < 24 && min < 60 && s < 60 && offsetOk
}

function isDate(v: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v)
  return m !== null && isCalendarDate(m[1], m[2], m[3])
}

function isCalendarDate(y?: string, m?: string, d?: string): boolean {
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)))
  return date.getUTCFullYear() === Number(y) && date.getUTCMonth() === Number(m) - 1 && date.getUTCDate() === Number(d)
}

/** Java type names, as Adobe's (Everit) validator prints them: "expected type: String, found: Long". */
function javaType(v: unknown): string {
  if (v === null) return 'Null'
  if (Array.isArray(v)) return 'JSONArray'
  if (typeof v === 'number') return Number.isInteger(v) ? (Math.abs(v) < 2 ** 31 ? 'Integer' : 'Long') : 'BigDecimal'
  if (typeof v === 'boolean') return 'Boolean'
  if (typeof v === 'string') return 'String'
  return 'JSONObject'
}

function typeViolation(loc: string, ptr: string, expected: string, v: unknown): Violation {
  return violation(loc, ptr, 'type', `expected type: ${expected}, found: ${javaType(v)}`)
}

function violation(schemaLocation: string, pointerToViolation: string, keyword: string, message: string): Violation {
  return { schemaLocation, pointerToViolation, causingExceptions: [], keyword, message }
}

/** JSON Pointer escaping (RFC 6901). */
function pointerStep(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1')
}
