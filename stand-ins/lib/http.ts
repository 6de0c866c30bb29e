/**
 * Small HTTP helpers shared by the stand-ins: replies as values (so faults can mangle the real body),
 * body reading with a cap, and the header subset a request record keeps.
 */
import { randomUUID } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'

/** What a route handler answers. `json` is serialised; `raw` is sent as-is. */
export interface Reply {
  status: number
  headers?: Record<string, string>
  json?: unknown
  raw?: string | Buffer
}

export interface RequestContext {
  req: IncomingMessage
  url: URL
  method: string
  /** The x-request-id sent, or a fresh one; echoed on the reply. */
  requestId: string
  /** The whole request body (read once, capped). */
  body(): Promise<Buffer>
}

export type Handler = (ctx: RequestContext) => Reply | Promise<Reply>

export interface RouteMatch {
  route: string
  handle: Handler
}

/** Maps a request to a route id and its handler; unknown paths still get an id ('notFound'). */
export type Router = (method: string, url: URL) => RouteMatch

/** Bodies larger than this are refused before parsing; stand-ins never need more. */
export const MAX_BODY_BYTES = 8 * 1024 * 1024

export class BodyTooLargeError extends Error {}

export function json(status: number, body: unknown, headers?: Record<string, string>): Reply {
  return headers ? { status, json: body, headers } : { status, json: body }
}

/** Serialises a reply to bytes and headers; shared by the normal path and the body-mangling faults. */
export function encodeReply(reply: Reply): { body: Buffer; headers: Record<string, string> } {
  const headers: Record<string, string> = { ...(reply.headers ?? {}) }
  let body: Buffer
  if (reply.raw !== undefined) {
    body = typeof reply.raw === 'string' ? Buffer.from(reply.raw) : reply.raw
  } else if (reply.json !== undefined) {
    body = Buffer.from(JSON.stringify(reply.json))
    headers['content-type'] ??= 'application/json;charset=UTF-8'
  } else {
    body = Buffer.alloc(0)
  }
  headers['content-length'] = String(body.length)
  return { body, headers }
}

export function sendReply(res: ServerResponse, reply: Reply, requestId: string): void {
  const { body, headers } = encodeReply(reply)
  res.writeHead(reply.status, { ...headers, 'x-request-id': requestId })
  res.end(body)
}

export function readBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > limit) {
        req.removeAllListeners('data')
        req.resume()
        reject(new BodyTooLargeError(`body larger than ${limit} bytes`))
        return
      }
      chunks.push(chunk)
    })
    req.on('end', () => resolve(Buffer.concat(chunks)))
    req.on('error', reject)
  })
}

export function requestIdOf(req: IncomingMessage): string {
  const sent = req.headers['x-request-id']
  return typeof sent === 'string' && sent !== '' ? sent : randomUUID()
}

/** Headers worth recording; the authorization value is reduced to its scheme so no token is kept. */
export function recordedHeaders(req: IncomingMessage, names: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {}
  for (const name of names) {
    const v = req.headers[name]
    if (typeof v === 'string') out[name] = v
  }
  const auth = req.headers.authorization
  if (typeof auth === 'string') out.authorization = auth.split(' ')[0] ?? ''
  return out
}

export function header(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name.toLowerCase()]
  if (Array.isArray(v)) return v[0]
  return v === undefined || v === '' ? undefined : v
}
