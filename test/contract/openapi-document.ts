/**
 * docs/openapi.yaml, loaded once per module registry, and one Ajv instance that knows every schema
 * of its `components`. OpenAPI 3.1 schemas are JSON Schema 2020-12, so they are compiled as they are;
 * only `#/components/schemas/…` references are pointed at where Ajv holds them.
 */
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import Ajv2020 from 'ajv/dist/2020'
import addFormats from 'ajv-formats'
import { parse } from 'yaml'

export type Json = Record<string, unknown>

export const OPENAPI_PATH = resolve(__dirname, '../../docs/openapi.yaml')
const ROOT_ID = 'https://customer-activity-hub.local/openapi.json'
const COMPONENT_REF = '#/components/schemas/'

export function isJson(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

/** The value at a local JSON pointer (`#/a/b`), or undefined. */
export function atPointer(doc: Json, ref: string): unknown {
  if (!ref.startsWith('#/')) return undefined
  let at: unknown = doc
  for (const raw of ref.slice(2).split('/')) {
    const step = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~')
    if (Array.isArray(at)) at = /^\d+$/.test(step) ? at[Number(step)] : undefined
    else if (isJson(at)) at = at[step]
    else return undefined
  }
  return at
}

/** Follows `$ref`s (of responses, headers, parameters, schemas) until a concrete object. */
export function deref(doc: Json, v: unknown): Json | undefined {
  let at = v
  for (let hops = 0; isJson(at) && typeof at.$ref === 'string'; hops++) {
    if (hops > 20) return undefined
    at = atPointer(doc, at.$ref)
  }
  return isJson(at) ? at : undefined
}

// Keywords whose value is a map of schemas, a list of schemas, or one schema (JSON Schema 2020-12).
const SCHEMA_MAPS = new Set(['properties', 'patternProperties', '$defs', 'dependentSchemas'])
const SCHEMA_LISTS = new Set(['allOf', 'anyOf', 'oneOf', 'prefixItems'])
const SCHEMA_ONE = new Set([
  'items',
  'additionalProperties',
  'not',
  'if',
  'then',
  'else',
  'contains',
  'propertyNames',
  'unevaluatedItems',
  'unevaluatedProperties'
])

/** A schema of the document as Ajv holds it: component refs made absolute, `x-` extensions dropped. */
export function toAjvSchema(schema: unknown): unknown {
  if (!isJson(schema)) return schema
  const out: Json = {}
  for (const [k, v] of Object.entries(schema)) {
    if (k.startsWith('x-')) continue
    if (k === '$ref' && typeof v === 'string')
      out[k] = v.startsWith(COMPONENT_REF) ? `${ROOT_ID}#/$defs/${v.slice(COMPONENT_REF.length)}` : v
    else if (SCHEMA_MAPS.has(k) && isJson(v))
      out[k] = Object.fromEntries(Object.entries(v).map(([name, s]) => [name, toAjvSchema(s)]))
    else if (SCHEMA_LISTS.has(k) && Array.isArray(v)) out[k] = v.map(toAjvSchema)
    else if (SCHEMA_ONE.has(k)) out[k] = toAjvSchema(v)
    else out[k] = v
  }
  return out
}

export interface LoadedContract {
  doc: Json
  ajv: Ajv2020
}

let loaded: LoadedContract | undefined

/** The parsed document and an Ajv that has its component schemas; built on first use. */
export function loadContract(): LoadedContract {
  if (loaded) return loaded
  const doc: unknown = parse(readFileSync(OPENAPI_PATH, 'utf8'))
  if (!isJson(doc) || !isJson(doc.paths)) throw new Error(`${OPENAPI_PATH} is not an OpenAPI document`)
  const components = isJson(doc.components) ? doc.components : {}
  const schemas = isJson(components.schemas) ? components.schemas : {}
  // strict: a misspelt keyword in the document fails loudly instead of validating nothing.
  const ajv = new Ajv2020({
    strict: true,
    strictRequired: false,
    allErrors: true,
    allowUnionTypes: true,
    verbose: true
  })
  addFormats(ajv)
  // The OpenAPI 3.1 base dialect's own keywords: documentation only, never validated.
  ajv.addVocabulary(['discriminator', 'xml', 'externalDocs', 'example'])
  ajv.addSchema({
    $id: ROOT_ID,
    $defs: Object.fromEntries(Object.entries(schemas).map(([name, s]) => [name, toAjvSchema(s)]))
  })
  loaded = { doc, ajv }
  return loaded
}
