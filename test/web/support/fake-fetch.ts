/**
 * A fake `fetch` for the console: routes by URL path to handlers, records every call, and answers
 * with minimal Response objects (jsdom has no fetch of its own).
 */
import type { FetchLike } from '../../../web-src/src/api/action-client'
import type { ActionUrls } from '../../../web-src/src/api/action-urls'

export interface Reply {
  status?: number
  body?: unknown
  headers?: Record<string, string>
}

export type Handler = (url: URL, init: RequestInit) => Reply | Promise<Reply>

export interface Call {
  url: URL
  init: RequestInit
  headers: Record<string, string>
}

export const ACTION_BASE = 'https://actions.test/api/v1/web/customer-activity-hub/'
export const TEST_URLS: ActionUrls = (action) => `${ACTION_BASE}${action}`
export const DEMO_TOKEN_URL = 'http://127.0.0.1:9102/__dev/agent-token'
export const DEMO = { tokenUrl: DEMO_TOKEN_URL, org: 'DEMO0000000000000000000A@AdobeOrg' }

export function response(reply: Reply): Response {
  const status = reply.status ?? 200
  const text = reply.body === undefined ? '' : typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body)
  const headers = new Map(Object.entries(reply.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]))
  const fake = {
    ok: status >= 200 && status < 300,
    status,
    headers: { get: (name: string) => headers.get(name.toLowerCase()) ?? null },
    text: async () => text,
    json: async (): Promise<unknown> => JSON.parse(text)
  }
  return fake as unknown as Response
}

function headerRecord(init: RequestInit): Record<string, string> {
  const h = init.headers
  if (!h || typeof h !== 'object' || Array.isArray(h)) return {}
  return { ...(h as Record<string, string>) }
}

export interface FakeFetch {
  fn: FetchLike
  calls: Call[]
  /** Calls to one action (by the last path segment). */
  callsTo(action: string): Call[]
}

/** Routes: last path segment → handler; the demo token route answers a token unless overridden. */
export function fakeFetch(routes: Record<string, Handler>): FakeFetch {
  const calls: Call[] = []
  const all: Record<string, Handler> = {
    'agent-token': () => ({
      body: { access_token: 'demo-agent-token', token_type: 'bearer', expires_in: 86399, org: DEMO.org }
    }),
    ...routes
  }
  const fn: FetchLike = async (input, init) => {
    const url = new URL(input)
    calls.push({ url, init, headers: headerRecord(init) })
    const name = url.pathname.split('/').pop() ?? ''
    const handler = all[name]
    if (init.signal?.aborted) throw Object.assign(new Error('aborted'), { name: 'AbortError' })
    if (!handler) return response({ status: 404, body: { error: { code: 'NO_ROUTE', message: name } } })
    return response(await handler(url, init))
  }
  return { fn, calls, callsTo: (action) => calls.filter((c) => c.url.pathname.endsWith(`/${action}`)) }
}
