/**
 * Reads request parameters the way IMS accepts them: query string plus a urlencoded body
 * (curl, our own client) or multipart/form-data (aio-lib-ims posts a `form-data` object), or JSON.
 */
import type { RequestContext } from '../lib/http'

/** Query and body parameters merged; the body wins. First value of a repeated name. */
export async function readParams(ctx: RequestContext): Promise<Map<string, string>> {
  const params = new Map<string, string>()
  for (const [k, v] of ctx.url.searchParams) if (!params.has(k)) params.set(k, v)
  if (ctx.method === 'GET' || ctx.method === 'HEAD') return params
  const body = await ctx.body()
  if (body.length === 0) return params
  const type = (ctx.req.headers['content-type'] ?? '').toLowerCase()
  const fromBody = type.startsWith('multipart/form-data')
    ? parseMultipart(body, boundaryOf(ctx.req.headers['content-type'] ?? ''))
    : type.startsWith('application/json')
      ? parseJsonObject(body)
      : new Map(new URLSearchParams(body.toString('utf8')))
  for (const [k, v] of fromBody) params.set(k, v)
  return params
}

function boundaryOf(contentType: string): string {
  const m = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType)
  return m?.[1] ?? m?.[2]?.trim() ?? ''
}

function parseMultipart(body: Buffer, boundary: string): Map<string, string> {
  const out = new Map<string, string>()
  if (boundary === '') return out
  for (const part of body.toString('utf8').split(`--${boundary}`)) {
    const split = part.indexOf('\r\n\r\n')
    if (split < 0) continue
    const head = part.slice(0, split)
    const name = /name="([^"]*)"/i.exec(head)?.[1]
    if (name === undefined || out.has(name)) continue
    out.set(name, part.slice(split + 4).replace(/\r\n$/, ''))
  }
  return out
}

function parseJsonObject(body: Buffer): Map<string, string> {
  const out = new Map<string, string>()
  try {
    const value: unknown = JSON.parse(body.toString('utf8'))
    if (typeof value === 'object' && value !== null) {
      for (const [k, v] of Object.entries(value)) {
        if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') out.set(k, String(v))
      }
    }
  } catch {
    // An unparsable JSON body carries no parameters; the route reports what is missing.
  }
  return out
}
