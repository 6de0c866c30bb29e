/**
 * The params an action's `main` receives for one web request, as each platform builds them. Tests
 * and the benchmark call actions through this, so they see what a deployed action sees.
 *
 * - `raw` — I/O Runtime, raw web action (what we deploy; the `require-adobe-auth` sequence keeps
 *   `web: raw`, see `rewriteActionsWithAdobeAuthAnnotation` in @adobe/aio-lib-runtime). OpenWhisk's
 *   docs/webactions.md, "Raw HTTP handling": the bound inputs plus `__ow_method`, `__ow_headers`,
 *   `__ow_path`, `__ow_query` (the query string, unparsed) and `__ow_body` (a JSON body base64-encoded,
 *   "treated as a binary value"; text types as plain text). Nothing of the request is merged.
 * - `non-raw` — I/O Runtime, ordinary web action under `require-adobe-auth`. Adobe's App Builder
 *   security guide, "Known issue 1": `final` has no effect there, so query fields and then top-level
 *   JSON body fields are merged OVER the inputs. Kept to show what raw protects against.
 * - `aio-dev` — `aio app dev` with a raw action (aio-cli-plugin-app-dev `createActionParametersFromRequest`):
 *   `{ __ow_headers, __ow_query: <express's parsed query object>, __ow_method, ...query, ...inputs }`,
 *   and a JSON body base64-encoded in `__ow_body`. Inputs win over query fields there.
 */
export type WebSemantics = 'raw' | 'non-raw' | 'aio-dev'

export interface WebRequestSpec {
  method: string
  /** Query fields; a list is a repeated field. */
  query?: Record<string, unknown>
  headers?: Record<string, string>
  /** A JSON body (any JSON value), or raw text with its own content type. */
  body?: unknown
  rawBody?: { text: string; contentType: string }
}

function queryString(query: Record<string, unknown>): string {
  const q = new URLSearchParams()
  for (const [k, v] of Object.entries(query)) {
    for (const one of Array.isArray(v) ? v : [v])
      if (one !== undefined) q.append(k, typeof one === 'string' ? one : JSON.stringify(one))
  }
  return q.toString()
}

/**
 * Query fields as a server's parser hands them to the action. Express gives text, lists for
 * repeated fields and objects for `a[b]=c`; values are passed as given (undefined dropped), so a
 * test can also hand in what no query string can carry and see the action refuse it.
 */
function parsedQuery(query: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(query).filter(([, v]) => v !== undefined))
}

export function webActionParams(
  inputs: Record<string, unknown>,
  req: WebRequestSpec,
  semantics: WebSemantics = 'raw'
): Record<string, unknown> {
  const method = req.method.toLowerCase()
  const headers: Record<string, string> = { ...req.headers }
  const query = parsedQuery(req.query ?? {})
  let bodyText: string | undefined
  if (req.rawBody) {
    bodyText = req.rawBody.text
    headers['content-type'] = req.rawBody.contentType
  } else if (req.body !== undefined) {
    bodyText = JSON.stringify(req.body)
    headers['content-type'] ??= 'application/json'
  }
  const isJson = /json/i.test(headers['content-type'] ?? '')
  const encoded = bodyText === undefined ? undefined : isJson ? Buffer.from(bodyText).toString('base64') : bodyText
  const ow = { __ow_method: method, __ow_headers: headers, __ow_path: '' }
  if (semantics === 'raw') {
    return {
      ...inputs,
      ...ow,
      __ow_query: queryString(req.query ?? {}),
      ...(encoded !== undefined && method !== 'get' ? { __ow_body: encoded } : {})
    }
  }
  if (semantics === 'aio-dev') {
    return {
      __ow_headers: headers,
      __ow_query: query,
      __ow_method: method,
      ...query,
      ...inputs,
      __ow_path: '',
      ...(encoded !== undefined && method !== 'get' ? { __ow_body: encoded } : {})
    }
  }
  const body = isJson && bodyText !== undefined ? (JSON.parse(bodyText) as unknown) : undefined
  const merged = typeof body === 'object' && body !== null && !Array.isArray(body) ? body : {}
  return {
    ...inputs,
    ...query,
    ...merged,
    ...ow,
    ...(!isJson && bodyText !== undefined ? { __ow_body: bodyText } : {})
  }
}
