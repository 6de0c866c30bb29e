/**
 * One HTTP exchange with an Adobe service, with a timeout, bounded retries for transient failures
 * (honouring AEP's retry hint) and every failure turned into an UpstreamError. Node's fetch keeps
 * connections alive, so a warm container reuses its TLS connections to AEP.
 */
import { UpstreamError, type UpstreamService } from '../errors'

export interface HttpRequest {
  method: 'GET' | 'POST'
  url: string
  headers: Record<string, string>
  body?: string
}

export interface HttpAnswer {
  status: number
  headers: Headers
  text: string
}

export interface RetryPolicy {
  /** Attempts in all (1 = no retry). */
  attempts: number
  /** First backoff; doubles each retry. */
  baseDelayMs: number
  /** A retry hint longer than this is not waited for: the error goes back to the caller. */
  maxDelayMs: number
}

export const DEFAULT_RETRY: RetryPolicy = { attempts: 2, baseDelayMs: 150, maxDelayMs: 1500 }

export type FetchLike = (url: string, init: RequestInit) => Promise<Response>

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))

/** Sends the request once; network failures and timeouts become UpstreamErrors, HTTP statuses do not. */
export async function exchange(
  service: UpstreamService,
  req: HttpRequest,
  timeoutMs: number,
  fetchImpl: FetchLike = fetch
): Promise<HttpAnswer> {
  const signal = AbortSignal.timeout(Math.max(1, timeoutMs))
  try {
    const res = await fetchImpl(req.url, { method: req.method, headers: req.headers, body: req.body, signal })
    const text = await res.text()
    return { status: res.status, headers: res.headers, text }
  } catch (e) {
    // Not `instanceof Error`: fetch rejects with a DOMException, which comes from another realm in some hosts.
    const name = typeof e === 'object' && e !== null && 'name' in e ? String(e.name) : ''
    if (name === 'TimeoutError' || name === 'AbortError') {
      throw new UpstreamError(
        'UPSTREAM_TIMEOUT',
        service,
        `${service} did not answer within ${timeoutMs} ms.`,
        undefined,
        undefined,
        { cause: e }
      )
    }
    throw new UpstreamError('UPSTREAM_UNAVAILABLE', service, `${service} could not be reached.`, undefined, undefined, {
      cause: e
    })
  }
}

export function parseJson(service: UpstreamService, answer: HttpAnswer): unknown {
  try {
    return JSON.parse(answer.text)
  } catch (e) {
    throw new UpstreamError(
      'UPSTREAM_BAD_RESPONSE',
      service,
      `${service} sent a response that is not valid JSON.`,
      answer.status,
      undefined,
      { cause: e }
    )
  }
}

/**
 * Runs `attempt` until it succeeds, fails permanently, or the policy or the deadline is exhausted.
 * Only transient UpstreamErrors are retried; the wait honours `retryAfterMs` when AEP gives one.
 */
export async function withRetry<T>(
  attempt: () => Promise<T>,
  policy: RetryPolicy,
  deadline: number,
  service: UpstreamService = 'AEP'
): Promise<T> {
  for (let n = 1; ; n++) {
    try {
      return await attempt()
    } catch (e) {
      // Only the service being called is retried here: a failed token fetch was already bounded by IMS's own budget.
      if (!(e instanceof UpstreamError) || !e.transient || e.service !== service || n >= policy.attempts) throw e
      const wait = e.retryAfterMs ?? policy.baseDelayMs * 2 ** (n - 1)
      // Never wait past the budget: the caller (or a stale cache entry) is better served now.
      if (wait > policy.maxDelayMs || Date.now() + wait + 50 >= deadline) throw e
      await sleep(wait)
    }
  }
}
