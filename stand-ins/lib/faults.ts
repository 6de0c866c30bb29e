/**
 * How each fault type reaches the wire. 429/5xx replace the answer with the server's own error
 * body; 'malformed' and 'trickle' mangle the real answer, so the handler runs first for them.
 */
import type { ServerResponse } from 'node:http'
import { encodeReply, type Reply, sendReply } from './http'
import type { Fault } from './types'

/**
 * Each server says what its 429 and 5xx answers look like (AEP: an array body, IMS: OAuth errors).
 * `route` is the matched route id, for a server whose routes play different services (AEP's
 * streaming endpoint is not Profile).
 */
export interface FaultReplies {
  tooManyRequests(retryAfterMs: number, route: string): Reply
  serverError(status: 500 | 502 | 503, route: string, retryAfterMs?: number): Reply
}

export const DEFAULT_RETRY_AFTER_MS = 500

/** True for faults that need the real answer first. */
export function mangles(fault: Fault): boolean {
  return fault.type === 'malformed' || fault.type === 'trickle'
}

/** The replacement reply for 429/500/502/503, or undefined for the other fault types. */
export function replacementReply(fault: Fault, replies: FaultReplies, route: string): Reply | undefined {
  switch (fault.type) {
    case '429': {
      const wait = fault.retryAfterMs ?? DEFAULT_RETRY_AFTER_MS
      const reply = replies.tooManyRequests(wait, route)
      // Retry-After is whole seconds; clients that honour it (aio-lib-state) must not spin.
      return {
        ...reply,
        headers: { 'retry-after': String(Math.max(1, Math.ceil(wait / 1000))), ...(reply.headers ?? {}) }
      }
    }
    case '500':
    case '502':
    case '503':
      return replies.serverError(Number(fault.type) as 500 | 502 | 503, route, fault.retryAfterMs)
    default:
      return undefined
  }
}

/** Sends the first half of the real body with 200: a JSON parser must fail on it. */
export function sendMalformed(res: ServerResponse, real: Reply, requestId: string): void {
  const { body } = encodeReply(real)
  const cut = body.length > 1 ? body.subarray(0, Math.floor(body.length / 2)) : Buffer.from('{"')
  sendReply(res, { status: 200, headers: { 'content-type': 'application/json;charset=UTF-8' }, raw: cut }, requestId)
}

/** Sends the real answer a few bytes at a time; stops quietly when the server closes. */
export async function sendTrickle(
  res: ServerResponse,
  real: Reply,
  requestId: string,
  fault: Fault,
  signal: AbortSignal
): Promise<void> {
  const { body, headers } = encodeReply(real)
  const step = fault.chunkBytes ?? 8
  const pause = fault.intervalMs ?? 50
  res.writeHead(real.status, { ...headers, 'x-request-id': requestId })
  for (let i = 0; i < body.length; i += step) {
    if (i > 0 && !(await sleep(pause, signal))) return
    if (res.destroyed) return
    res.write(body.subarray(i, i + step))
  }
  res.end()
}

/** Resolves true after `ms`, or false as soon as the signal aborts (server closing). */
export function sleep(ms: number, signal: AbortSignal): Promise<boolean> {
  if (signal.aborted) return Promise.resolve(false)
  if (ms <= 0) return Promise.resolve(true)
  return new Promise((resolve) => {
    const onAbort = (): void => {
      clearTimeout(timer)
      resolve(false)
    }
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort)
      resolve(true)
    }, ms)
    signal.addEventListener('abort', onAbort, { once: true })
  })
}
