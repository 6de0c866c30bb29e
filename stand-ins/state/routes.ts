/**
 * The HTTP protocol @adobe/aio-lib-state 5.x speaks to `AIO_STATE_ENDPOINT`:
 *   GET|PUT|DELETE /containers/{ns}/data/{key}   (PUT: ?ttl=seconds, octet-stream body)
 *   GET /containers/{ns}/data?match=&cursor=      (list: { keys, cursor }, cursor 0 = done)
 *   HEAD /containers/{ns}  (any)   GET /containers/{ns}  (stats)   DELETE /containers/{ns}?matchData=  (deleteAll)
 * Auth is `Basic base64(apikey)` where apikey is the configured key of the namespace in the path.
 */
import { timingSafeEqual } from 'node:crypto'
import { type Handler, header, json, type Reply, type RequestContext, type Router } from '../lib/http'
import { globToRegExp, type StateStore } from './store'

export const KEY_PATTERN = /^[a-zA-Z0-9-_.]{1,1024}$/
export const MATCH_PATTERN = /^[a-zA-Z0-9-_.*]{1,1024}$/
export const MAX_TTL_SECONDS = 31_536_000
export const DEFAULT_TTL_SECONDS = 86_400
export const MAX_VALUE_BYTES = 1024 * 1024
/** Keys scanned per list call, like the real service ("every call scans 1000 keys"). */
export const LIST_SCAN_SIZE = 1000

export interface StateSettings {
  /** namespace → api key (the decoded Basic credential, i.e. `__OW_API_KEY`). */
  credentials: Record<string, string>
  maxValueBytes: number
  onChange(): void
}

const fail = (status: number, message: string): Reply => json(status, { message })

export function stateRouter(store: StateStore, s: StateSettings): Router {
  /** Wraps a handler with the namespace's Basic-auth check. */
  const authed =
    (ns: string, handler: (ctx: RequestContext) => Reply | Promise<Reply>): Handler =>
    (ctx) => {
      const auth = header(ctx.req, 'authorization')
      const m = auth === undefined ? null : /^Basic\s+(\S+)$/i.exec(auth)
      if (!m?.[1]) return fail(401, 'missing Basic authorization')
      const expected = s.credentials[ns]
      const given = Buffer.from(m[1], 'base64').toString('utf8')
      if (expected === undefined || !same(given, expected)) return fail(403, `bad credentials for namespace ${ns}`)
      return handler(ctx)
    }

  const get = (ns: string, key: string): Handler =>
    authed(ns, () => {
      const entry = store.get(ns, key)
      if (!entry) return fail(404, 'key not found')
      return {
        status: 200,
        headers: { 'content-type': 'application/octet-stream', 'x-key-expires-ms': String(entry.expiresAt) },
        raw: entry.value
      }
    })

  const put = (ns: string, key: string): Handler =>
    authed(ns, async (ctx) => {
      const ttlParam = ctx.url.searchParams.get('ttl')
      let ttl = DEFAULT_TTL_SECONDS
      if (ttlParam !== null) {
        if (!/^\d+$/.test(ttlParam) || Number(ttlParam) > MAX_TTL_SECONDS)
          return fail(400, `ttl must be a whole number from 0 to ${MAX_TTL_SECONDS}`)
        // The service treats 0 like "not set": the 24 h default.
        ttl = Number(ttlParam) === 0 ? DEFAULT_TTL_SECONDS : Number(ttlParam)
      }
      const value = await ctx.body()
      if (value.length > s.maxValueBytes) return fail(413, `value larger than ${s.maxValueBytes} bytes`)
      store.put(ns, key, value, ttl)
      s.onChange()
      return { status: 200 }
    })

  const del = (ns: string, key: string): Handler =>
    authed(ns, () => {
      const existed = store.delete(ns, key)
      if (existed) s.onChange()
      return existed ? { status: 200 } : fail(404, 'key not found')
    })

  const list = (ns: string): Handler =>
    authed(ns, (ctx) => {
      const match = ctx.url.searchParams.get('match')
      if (match !== null && !MATCH_PATTERN.test(match)) return fail(400, 'match must match ^[a-zA-Z0-9-_.*]{1,1024}$')
      const cursorParam = ctx.url.searchParams.get('cursor') ?? '0'
      if (!/^\d+$/.test(cursorParam)) return fail(400, 'cursor must be a whole number')
      const keys = store.keys(ns)
      if (keys.length === 0) return fail(404, 'container is empty')
      const from = Number(cursorParam)
      const scanned = keys.slice(from, from + LIST_SCAN_SIZE)
      const re = match === null ? undefined : globToRegExp(match)
      const next = from + LIST_SCAN_SIZE < keys.length ? from + LIST_SCAN_SIZE : 0
      return json(200, { keys: re ? scanned.filter((k) => re.test(k)) : scanned, cursor: next })
    })

  const any = (ns: string): Handler => authed(ns, () => (store.keys(ns).length > 0 ? { status: 200 } : { status: 404 }))

  const stats = (ns: string): Handler =>
    authed(ns, () => {
      const st = store.stats(ns)
      return st.keys > 0 ? json(200, st) : fail(404, 'container is empty')
    })

  const deleteAll = (ns: string): Handler =>
    authed(ns, (ctx) => {
      const match = ctx.url.searchParams.get('matchData') ?? undefined
      if (match !== undefined && !MATCH_PATTERN.test(match))
        return fail(400, 'matchData must match ^[a-zA-Z0-9-_.*]{1,1024}$')
      const n = store.deleteMatching(ns, match)
      if (n > 0) s.onChange()
      return json(200, { keys: n })
    })

  const notFound =
    (status: number): Handler =>
    (ctx) =>
      fail(status, `no State route for ${ctx.method} ${ctx.url.pathname}`)

  return (method, url) => {
    const parts = url.pathname.split('/').slice(1).map(safeDecode)
    const [root, ns, data, key, ...rest] = parts
    if (root !== 'containers' || ns === undefined || ns === '' || rest.length > 0)
      return { route: 'notFound', handle: notFound(404) }
    if (data === undefined) {
      if (method === 'HEAD') return { route: 'state.any', handle: any(ns) }
      if (method === 'GET') return { route: 'state.stats', handle: stats(ns) }
      if (method === 'DELETE') return { route: 'state.deleteAll', handle: deleteAll(ns) }
      return { route: 'notFound', handle: notFound(405) }
    }
    if (data !== 'data') return { route: 'notFound', handle: notFound(404) }
    if (key === undefined || key === '') {
      return method === 'GET' ? { route: 'state.list', handle: list(ns) } : { route: 'notFound', handle: notFound(405) }
    }
    const invalid = !KEY_PATTERN.test(key)
    const checked = (route: string, h: Handler): { route: string; handle: Handler } => ({
      route,
      handle: invalid ? authed(ns, () => fail(400, 'key must match ^[a-zA-Z0-9-_.]{1,1024}$')) : h
    })
    if (method === 'GET') return checked('state.get', get(ns, key))
    if (method === 'PUT') return checked('state.put', put(ns, key))
    if (method === 'DELETE') return checked('state.delete', del(ns, key))
    return { route: 'notFound', handle: notFound(405) }
  }
}

function same(a: string, b: string): boolean {
  const x = Buffer.from(a)
  const y = Buffer.from(b)
  return x.length === y.length && timingSafeEqual(x, y)
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment)
  } catch {
    return segment
  }
}
