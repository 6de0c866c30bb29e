/**
 * The request pipeline every stand-in shares: control route → record → latency → fault → handler.
 * Faults and latency apply before the handler (and so before any auth check), as an overloaded
 * upstream or a broken network would.
 */

import { setMaxListeners } from 'node:events'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Control } from './control'
import { CONTROL_PATH, handleControl } from './control-http'
import { type FaultReplies, mangles, replacementReply, sendMalformed, sendTrickle, sleep } from './faults'
import {
  BodyTooLargeError,
  json,
  type Reply,
  type RequestContext,
  type Router,
  readBody,
  recordedHeaders,
  requestIdOf,
  sendReply
} from './http'
import type { StandInHandle } from './types'

export interface ServerSpec<C extends Control> {
  control: C
  router: Router
  faultReplies: FaultReplies
  /** Lower-case header names kept in request records (authorization is always reduced to its scheme). */
  recordHeaders: readonly string[]
  port: number
  host: string
}

export async function startServer<C extends Control>(spec: ServerSpec<C>): Promise<StandInHandle<C>> {
  const closing = new AbortController()
  setMaxListeners(0, closing.signal)
  const open = new Set<ServerResponse>()
  const server = createServer((req, res) => {
    open.add(res)
    res.on('close', () => open.delete(res))
    handle(spec, closing.signal, req, res).catch((e: unknown) => {
      // A stand-in bug must be loud in the console but still answer, or the caller just hangs.
      console.error(`[stand-in ${spec.control.server}]`, e)
      if (!res.headersSent && !res.destroyed)
        sendReply(res, json(500, { message: 'stand-in internal error' }), 'internal')
    })
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(spec.port, spec.host, () => {
      server.off('error', reject)
      resolve()
    })
  })
  const { port } = server.address() as AddressInfo
  const host = spec.host.includes(':') ? `[${spec.host}]` : spec.host
  return {
    url: `http://${host}:${port}`,
    port,
    control: spec.control,
    close: async () => {
      closing.abort()
      // Waiting for every open response's 'close' lets records and in-flight counts settle first.
      const settled = [...open].map((res) => new Promise<void>((resolve) => res.once('close', () => resolve())))
      const stopped = new Promise<void>((resolve) => server.close(() => resolve()))
      // Hanging requests and idle keep-alive sockets would otherwise hold close() open.
      server.closeAllConnections()
      await Promise.all([stopped, ...settled])
    }
  }
}

async function handle<C extends Control>(
  spec: ServerSpec<C>,
  signal: AbortSignal,
  req: IncomingMessage,
  res: ServerResponse
): Promise<void> {
  const method = (req.method ?? 'GET').toUpperCase()
  const url = new URL(req.url ?? '/', 'http://stand-in')
  const requestId = requestIdOf(req)
  let bodyPromise: Promise<Buffer> | undefined
  const ctx: RequestContext = { req, url, method, requestId, body: () => (bodyPromise ??= readBody(req)) }

  if (url.pathname === CONTROL_PATH) {
    sendReply(res, await handleControl(spec.control, ctx), requestId)
    return
  }

  const match = spec.router(method, url)
  const record = spec.control.begin(match.route, method, req.url ?? '/', recordedHeaders(req, spec.recordHeaders))
  res.on('close', () => spec.control.end(record, res.headersSent ? res.statusCode : undefined))

  if (!(await sleep(spec.control.latencyFor(match.route), signal))) return
  const fault = spec.control.takeFault(match.route)
  if (fault) record.fault = fault.type

  if (fault?.type === 'hang') return // answered never; close() ends the socket
  if (fault?.type === 'reset') {
    req.socket.destroy()
    return
  }
  const replacement = fault ? replacementReply(fault, spec.faultReplies, match.route) : undefined
  if (replacement) {
    sendReply(res, replacement, requestId)
    return
  }

  const real = await runHandler(match.handle, ctx)
  if (fault && mangles(fault)) {
    if (fault.type === 'malformed') sendMalformed(res, real, requestId)
    else await sendTrickle(res, real, requestId, fault, signal)
    return
  }
  sendReply(res, real, requestId)
}

async function runHandler(
  handler: (ctx: RequestContext) => Reply | Promise<Reply>,
  ctx: RequestContext
): Promise<Reply> {
  try {
    return await handler(ctx)
  } catch (e) {
    if (e instanceof BodyTooLargeError) return json(413, { message: e.message })
    throw e
  }
}
