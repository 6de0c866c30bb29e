/**
 * Our client of AEP's Streaming Ingestion HTTP API: one XDM message POSTed to an authenticated
 * HTTP API connection, `{collection host}/collection/{inletId}`
 * (help/ingestion/tutorials/streaming-time-series-data.md). AEP answers 200 with a receipt
 * (`inletId`, `xactionId`, `receivedTimeMs`) once it has the message; the event reaches the
 * profile seconds to minutes later. 429 and 5xx are retried within the caller's deadline, honouring
 * `Retry-After` (seconds); a 401 fetches a fresh service token once. The message is never logged:
 * it carries the agent's note.
 */
import { type UpstreamCode, UpstreamError } from '../errors'
import type { AepClientOptions, CallOptions } from './aep-client'
import { retryAfterMs } from './aep-types'
import { exchange, type HttpAnswer, type RetryPolicy, withRetry } from './upstream-http'

export interface StreamingClientOptions extends AepClientOptions {
  /** `https://dcs.adobedc.net`, or the stand-in. */
  baseUrl: string
  connectionId: string
  /** Sent as `x-adobe-flow-id` when the connection belongs to an HTTP API source dataflow. */
  flowId: string | null
}

/** What AEP answered for an accepted message. */
export interface StreamingReceipt {
  xactionId: string | null
  receivedTimeMs: number | null
}

/**
 * Adobe asks clients to retry a 503 "at least three times using an exponential back-off strategy";
 * the waits stay inside the caller's deadline.
 */
export const STREAMING_RETRY: RetryPolicy = { attempts: 4, baseDelayMs: 200, maxDelayMs: 2000 }

export class StreamingClient {
  private readonly retry: RetryPolicy
  constructor(private readonly opts: StreamingClientOptions) {
    this.retry = opts.retry ?? STREAMING_RETRY
  }

  /** Sends one message; resolves with AEP's receipt, rejects with an UpstreamError. */
  async send(message: unknown, o: CallOptions): Promise<StreamingReceipt> {
    const body = JSON.stringify(message)
    const answer = await withRetry(() => this.attempt(body, o), this.retry, o.deadline)
    if (answer.status < 200 || answer.status >= 300) throw streamingFailure(answer)
    return receipt(answer)
  }

  private async attempt(body: string, o: CallOptions): Promise<HttpAnswer> {
    let token = await this.opts.tokens.get()
    let answer = await this.once(body, o, token)
    if (answer.status === 401) {
      token = await this.opts.tokens.refresh(token)
      answer = await this.once(body, o, token)
    }
    if (answer.status === 429 || answer.status >= 500) throw streamingFailure(answer)
    return answer
  }

  private once(body: string, o: CallOptions, token: string): Promise<HttpAnswer> {
    const { baseUrl, connectionId, flowId, apiKey, orgId, timeoutMs } = this.opts
    return exchange(
      'AEP',
      {
        method: 'POST',
        url: `${baseUrl}/collection/${encodeURIComponent(connectionId)}?syncValidation=false`,
        headers: {
          Authorization: `Bearer ${token}`,
          'Content-Type': 'application/json',
          Accept: 'application/json',
          'x-api-key': apiKey,
          'x-gw-ims-org-id': orgId,
          'x-sandbox-name': o.sandbox,
          ...(flowId ? { 'x-adobe-flow-id': flowId } : {})
        },
        body
      },
      Math.min(timeoutMs, Math.max(1, o.deadline - Date.now())),
      this.opts.fetch
    )
  }
}

function receipt(answer: HttpAnswer): StreamingReceipt {
  try {
    const body: unknown = JSON.parse(answer.text)
    const o = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {}
    return {
      xactionId: typeof o.xactionId === 'string' ? o.xactionId.slice(0, 100) : null,
      receivedTimeMs: typeof o.receivedTimeMs === 'number' ? o.receivedTimeMs : null
    }
  } catch {
    // AEP has the message (2xx); a receipt we cannot read does not undo that.
    return { xactionId: null, receivedTimeMs: null }
  }
}

type Failure = [matches: (status: number) => boolean, code: UpstreamCode, message: string]

const FAILURES: Failure[] = [
  [
    (s) => s === 429,
    'UPSTREAM_RATE_LIMITED',
    'Experience Platform is rate limiting ingestion. Try saving again shortly.'
  ],
  [
    (s) => s === 401 || s === 403,
    'UPSTREAM_AUTH_FAILED',
    "Experience Platform refused the app's credentials for the streaming connection. An administrator must check that the connection is authenticated and that the OAuth credential may write to it."
  ],
  [
    (s) => s === 400 || s === 404 || s === 413,
    'UPSTREAM_REJECTED',
    'Experience Platform refused the interaction event. An administrator must check AEP_STREAMING_CONNECTION_ID, AEP_INTERACTIONS_DATASET_ID and CUSTOMER_VIEW_MAPPING.interactions against the schema (npm run doctor).'
  ],
  [(s) => s >= 500, 'UPSTREAM_UNAVAILABLE', 'Experience Platform ingestion is unavailable. Try saving again shortly.']
]

/** Maps a non-2xx Streaming Ingestion answer to the UpstreamError a caller understands. */
export function streamingFailure(answer: HttpAnswer): UpstreamError {
  const s = answer.status
  const [, code, message] = FAILURES.find(([matches]) => matches(s)) ?? [
    () => true,
    'UPSTREAM_REJECTED' as const,
    `Experience Platform refused the interaction event (HTTP ${s}).`
  ]
  const retryable = code === 'UPSTREAM_RATE_LIMITED' || code === 'UPSTREAM_UNAVAILABLE'
  return new UpstreamError(code, 'AEP', message, s, retryable ? retryAfterMs(answer) : undefined)
}
