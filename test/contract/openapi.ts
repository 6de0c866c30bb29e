/**
 * Contract checks of action responses against docs/openapi.yaml: the status must be documented for
 * the operation, the headers and the JSON body must match its response, and an error's `code` must
 * be one the document lists for that status. Validators are compiled once per response and reused,
 * so checking every response of every suite costs microseconds.
 */
import type { ErrorObject, ValidateFunction } from 'ajv'
import { deref, isJson, type Json, loadContract, toAjvSchema } from './openapi-document'

export interface ResponseLike {
  statusCode: number
  headers: Record<string, string>
  body: unknown
}

interface HeaderCheck {
  name: string
  required: boolean
  numeric: boolean
  validate: ValidateFunction
}

interface CompiledResponse {
  where: string
  contentTypes: string[]
  body: ValidateFunction | null
  /** The error codes the document allows for this status; null for non-error bodies. */
  errorCodes: string[] | null
  headers: HeaderCheck[]
}

const compiled = new Map<string, CompiledResponse | string>()

const isString = (v: unknown): v is string => typeof v === 'string'

function compileSchema(schema: unknown): ValidateFunction {
  return loadContract().ajv.compile(isJson(schema) ? (toAjvSchema(schema) as Json) : {})
}

/** The codes `error.code` may take under `schema`: its own enum intersected with those of its allOf parts. */
function errorCodesOf(doc: Json, schema: unknown): string[] | null {
  const s = deref(doc, schema)
  if (!s) return null
  const sets: string[][] = []
  const error = deref(doc, isJson(s.properties) ? s.properties.error : undefined)
  const code = deref(doc, error && isJson(error.properties) ? error.properties.code : undefined)
  if (code && Array.isArray(code.enum)) sets.push(code.enum.filter(isString))
  for (const part of Array.isArray(s.allOf) ? s.allOf : []) {
    const codes = errorCodesOf(doc, part)
    if (codes) sets.push(codes)
  }
  return sets.length === 0 ? null : sets.reduce((a, b) => a.filter((c) => b.includes(c)))
}

function operationOf(doc: Json, path: string, method: string): Json | undefined {
  const item = deref(doc, isJson(doc.paths) ? doc.paths[path] : undefined)
  return item ? deref(doc, item[method]) : undefined
}

/** The response object for the status; a method the path does not document may only answer its 405. */
function responseOf(doc: Json, action: string, method: string, status: number): Json | string {
  const path = `/${action}`
  const item = isJson(doc.paths) ? deref(doc, doc.paths[path]) : undefined
  if (!item) return `${path} is not a path of docs/openapi.yaml`
  const op = operationOf(doc, path, method)
  const where = `${method.toUpperCase()} ${path}`
  if (!op) {
    const fallback =
      status === 405
        ? Object.keys(item)
            .map((m) => operationOf(doc, path, m))
            .find((o) => o && isJson(o.responses) && o.responses['405'])
        : undefined
    if (!fallback || !isJson(fallback.responses))
      return `${where} is not documented (and only a 405 may answer an undocumented method)`
    return deref(doc, fallback.responses['405']) ?? `${where}: the 405 response does not resolve`
  }
  const responses = isJson(op.responses) ? op.responses : {}
  const response = deref(doc, responses[String(status)])
  return (
    response ??
    `${where} answered ${status}, which docs/openapi.yaml does not document (documented: ${Object.keys(responses).join(', ')})`
  )
}

function compile(action: string, method: string, status: number): CompiledResponse | string {
  const key = `${method} /${action} ${status}`
  const hit = compiled.get(key)
  if (hit) return hit
  const { doc } = loadContract()
  const response = responseOf(doc, action, method, status)
  if (typeof response === 'string') {
    compiled.set(key, response)
    return response
  }
  const content = isJson(response.content) ? response.content : {}
  const json = deref(doc, content['application/json'])
  const headers = Object.entries(isJson(response.headers) ? response.headers : {}).map(([name, h]): HeaderCheck => {
    const header = deref(doc, h) ?? {}
    const schema = deref(doc, header.schema) ?? {}
    return {
      name,
      required: header.required === true,
      numeric: schema.type === 'integer' || schema.type === 'number',
      validate: compileSchema(header.schema)
    }
  })
  const result: CompiledResponse = {
    where: `${method.toUpperCase()} /${action} → ${status}`,
    contentTypes: Object.keys(content),
    body: json && json.schema !== undefined ? compileSchema(json.schema) : null,
    errorCodes: json ? errorCodesOf(doc, json.schema) : null,
    headers
  }
  compiled.set(key, result)
  return result
}

function describe(e: ErrorObject): string {
  const at = `body${e.instancePath}`
  if (e.keyword === 'additionalProperties')
    return `${at} has a property the document does not allow: "${String(e.params.additionalProperty)}"`
  const got = ['enum', 'const', 'type', 'format', 'pattern', 'minimum', 'maximum'].includes(e.keyword)
    ? ` (got ${JSON.stringify(e.data)?.slice(0, 80)})`
    : ''
  const allowed =
    e.keyword === 'enum' && Array.isArray(e.params.allowedValues) ? `: ${e.params.allowedValues.join(', ')}` : ''
  return `${at} ${e.message ?? e.keyword}${allowed}${got}`
}

/** What the caller receives on the wire: JSON text of the body (undefined fields vanish). */
function onTheWire(body: unknown): { value: unknown } | { problem: string } {
  if (body === undefined) return { value: undefined }
  try {
    return {
      value: typeof body === 'string' ? (JSON.parse(body) as unknown) : (JSON.parse(JSON.stringify(body)) as unknown)
    }
  } catch {
    return { problem: 'body is not JSON' }
  }
}

/**
 * Every way `res` (as an action's `main` returned it) breaks docs/openapi.yaml for `method /action`;
 * empty when it matches. `action` is the path without its slash (`customer-profile`).
 */
export function validateResponse(action: string, method: string, res: ResponseLike): string[] {
  const c = compile(action, method.toLowerCase(), res.statusCode)
  if (typeof c === 'string') return [c]
  const problems: string[] = []
  const headers = new Map(Object.entries(res.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]))
  const contentType = headers.get('content-type')?.split(';')[0]?.trim().toLowerCase()
  if (c.contentTypes.length > 0 && (!contentType || !c.contentTypes.includes(contentType))) {
    problems.push(`Content-Type ${contentType ?? '(none)'} is not ${c.contentTypes.join(' or ')}`)
  }
  for (const h of c.headers) {
    const raw = headers.get(h.name.toLowerCase())
    if (raw === undefined) {
      if (h.required) problems.push(`header ${h.name} is missing`)
      continue
    }
    const value = h.numeric && /^-?\d+(\.\d+)?$/.test(raw) ? Number(raw) : raw
    if (!h.validate(value))
      problems.push(`header ${h.name}: ${JSON.stringify(raw)} ${h.validate.errors?.[0]?.message ?? 'is invalid'}`)
  }
  if (c.body) {
    const wire = onTheWire(res.body)
    if ('problem' in wire) problems.push(wire.problem)
    else {
      const error = isJson(wire.value) && isJson(wire.value.error) ? wire.value.error : undefined
      const code = error?.code
      const badCode = c.errorCodes !== null && typeof code === 'string' && !c.errorCodes.includes(code)
      if (badCode)
        problems.push(`error code ${code} is not documented for this status (documented: ${c.errorCodes?.join(', ')})`)
      if (!c.body(wire.value)) {
        const messages = (c.body.errors ?? [])
          .filter((e) => !(badCode && e.instancePath === '/error/code'))
          .map(describe)
        problems.push(...new Set(messages))
      }
    }
  }
  return problems.map((p) => `${c.where}: ${p}`)
}

/** Throws, listing every contract violation and the body, when `res` breaks docs/openapi.yaml. */
export function assertValidResponse(action: string, method: string, res: ResponseLike): void {
  const problems = validateResponse(action, method, res)
  if (problems.length === 0) return
  const body = JSON.stringify(res.body)?.slice(0, 1500) ?? String(res.body)
  throw new Error(
    `Response breaks the API contract in docs/openapi.yaml:\n  - ${problems.join('\n  - ')}\nbody: ${body}`
  )
}

/** Problems of a JSON request body against the operation's documented request schema. */
export function validateRequestBody(action: string, method: string, body: unknown): string[] {
  const { doc } = loadContract()
  const op = operationOf(doc, `/${action}`, method.toLowerCase())
  const requestBody = op ? deref(doc, op.requestBody) : undefined
  const content =
    requestBody && isJson(requestBody.content) ? deref(doc, requestBody.content['application/json']) : undefined
  if (!content) return [`${method.toUpperCase()} /${action} documents no JSON request body`]
  const validate = compileSchema(content.schema)
  return validate(body) ? [] : (validate.errors ?? []).map((e) => describe(e).replace(/^body/, 'request'))
}

/** The error codes docs/openapi.yaml allows for this status of the operation ([] for a non-error response). */
export function documentedErrorCodes(action: string, method: string, status: number): string[] {
  const c = compile(action, method.toLowerCase(), status)
  return typeof c === 'string' ? [] : (c.errorCodes ?? [])
}
