/**
 * What a caller sent, read from a raw web action's `__ow_*` fields — and nothing else.
 *
 * Every action is deployed with `web: 'raw'`. Adobe documents ("App Builder security guide, Known
 * issue 1") that `final` has no effect under `require-adobe-auth`: `aio app deploy` turns the action
 * into a sequence (Adobe's validator, then `__secured_<action>`) that carries no `final`, so for an
 * ordinary web action Runtime merges query fields and top-level JSON body fields over the bound
 * inputs. The sequence keeps `raw` (`rewriteActionsWithAdobeAuthAnnotation` in
 * @adobe/aio-lib-runtime), and for a raw web action OpenWhisk passes the request only as
 * `__ow_query` (the unparsed query string) and `__ow_body` (base64 for JSON, which it treats as
 * binary; plain text for text types) — see OpenWhisk's docs/webactions.md, "Raw HTTP handling".
 *
 * DO NOT merge these fields into the params, and never read a setting from them: settings come
 * only from the deployment's inputs (config.ts). Request parameters are data, never configuration.
 */

import type { Params } from '../config'
import { ValidationError } from '../errors'

export interface WebRequest {
  method: string
  /** Lower-cased request headers. */
  headers: Record<string, string>
  /**
   * The request's fields: the query's, then the JSON body's top-level fields over them (the
   * precedence Runtime's non-raw merge had, so callers see no difference). A value is text, a
   * list of texts for a repeated query field, or any JSON value from the body.
   */
  fields: Record<string, unknown>
}

/**
 * Names that belong to the deployment, never to a request: every upper-case setting name
 * (every manifest input is of this form; a test keeps it so) and Runtime's own `__` fields.
 */
export function isSettingName(name: string): boolean {
  return /^__/.test(name) || /^[A-Z][A-Z0-9]*(_[A-Z0-9]+)+$/.test(name)
}

/** The HTTP method, upper case (Runtime sends it lower case). */
export function methodOf(params: Params): string {
  return typeof params.__ow_method === 'string' ? params.__ow_method.toUpperCase() : 'GET'
}

function headersOf(params: Params): Record<string, string> {
  const raw = params.__ow_headers
  const out: Record<string, string> = {}
  if (typeof raw === 'object' && raw !== null) {
    for (const [k, v] of Object.entries(raw)) if (typeof v === 'string') out[k.toLowerCase()] = v
  }
  return out
}

/**
 * Runtime gives the unparsed query string; `aio app dev` gives express's parsed object. A field
 * given twice becomes a list, and a nested value (`a[b]=c` in express) is kept as it is: the
 * parameter validators refuse anything that is not given once, as text.
 */
function queryOf(raw: unknown): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  if (typeof raw === 'string') {
    for (const [k, v] of new URLSearchParams(raw)) {
      const prev = out[k]
      out[k] = prev === undefined ? v : Array.isArray(prev) ? [...(prev as string[]), v] : [prev, v]
    }
  } else if (typeof raw === 'object' && raw !== null && !Array.isArray(raw)) {
    for (const [k, v] of Object.entries(raw)) out[k] = v
  }
  return out
}

function decodeJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    // Runtime (and aio app dev) hand a JSON body to a raw action base64-encoded.
    const decoded = Buffer.from(text, 'base64').toString('utf8')
    return JSON.parse(decoded)
  }
}

/** A JSON body's top-level fields; other content types carry no fields, as before. */
function bodyFieldsOf(raw: unknown, contentType: string): Record<string, unknown> {
  if (typeof raw !== 'string' || raw.trim() === '' || !/^application\/([a-z.+-]*\+)?json\b/i.test(contentType.trim()))
    return {}
  let body: unknown
  try {
    body = decodeJson(raw.trim())
  } catch {
    throw new ValidationError('INVALID_BODY', { body: 'must be a JSON object' })
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    throw new ValidationError('INVALID_BODY', { body: 'must be a JSON object' })
  return body as Record<string, unknown>
}

/**
 * The request of a raw web-action invocation. Throws ValidationError when the body is not JSON
 * or when a field names a setting: settings are never taken from a request, and saying so beats
 * silently ignoring a caller who tries.
 */
export function readWebRequest(params: Params): WebRequest {
  const headers = headersOf(params)
  const method = methodOf(params)
  const query = queryOf(params.__ow_query)
  const body =
    method === 'GET' || method === 'HEAD' ? {} : bodyFieldsOf(params.__ow_body, headers['content-type'] ?? '')
  const named = [...Object.keys(query), ...Object.keys(body)].filter(isSettingName)
  if (named.length > 0) {
    const fields = Object.fromEntries(
      named.map((n) => [n.slice(0, 64), 'is a setting of the app and cannot be sent with a request'])
    )
    throw new ValidationError('INVALID_PARAMETER', fields)
  }
  return { method, headers, fields: { ...query, ...body } }
}
