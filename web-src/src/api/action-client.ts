/**
 * The one typed client for the app's actions. Every call carries the caller's IMS token and org;
 * failures reject with an ApiError whose `code` is the action's stable error code.
 */

import type { ActionName, ActionUrls } from './action-urls'
import { ApiError, toApiError } from './api-error'
import { isCustomerView, isEventsPage, isInteractionAnswer, isMetadata, isRevealAnswer } from './guards'
import type {
  Credentials,
  CustomerQuery,
  CustomerView,
  EventsPage,
  EventsQuery,
  InteractionAnswer,
  InteractionBody,
  Metadata,
  RevealAnswer,
  RevealQuery
} from './types'
import { withViewDefaults } from './view-defaults'

export type FetchLike = (input: string, init: RequestInit) => Promise<Response>

export interface ActionClientOptions {
  fetch: FetchLike
  urls: ActionUrls
  /** Read at every call, so a token the shell refreshes is used at once. */
  credentials: () => Credentials | null
  /** Called once on a 401; resolves true when fresh credentials are in place and the call may be retried. */
  renewCredentials?: () => Promise<boolean>
}

export interface ActionClient {
  getCustomer(query: CustomerQuery, signal?: AbortSignal): Promise<CustomerView>
  getEvents(query: EventsQuery, signal?: AbortSignal): Promise<EventsPage>
  getMetadata(sandbox: string | undefined, signal?: AbortSignal): Promise<Metadata>
  /** Asks `customer-reveal` to audit that the agent unmasked this customer; resolves only on `revealed: true`. */
  reveal(query: RevealQuery, signal?: AbortSignal): Promise<RevealAnswer>
  /**
   * Sends the agent's wrap-up to `customer-interactions`; resolves only on its 202 `accepted: true`.
   * Sending the same `interactionId` again (a retry) records the interaction once.
   */
  recordInteraction(body: InteractionBody, signal?: AbortSignal): Promise<InteractionAnswer>
}

type Params = Record<string, string | number | boolean | undefined>

/** A GET sends its params in the query; a POST sends them as its JSON body. */
interface Request {
  method: 'GET' | 'POST'
  params: Params
}

/** The body as JSON: fields left out stay out (no `"note": null`). */
function interactionParams(b: InteractionBody): Params {
  const { namespace, id, sandbox, topic, outcome, sentiment, note, followUpDate, interactionId } = b
  return { namespace, id, sandbox, topic, outcome, sentiment, note, followUpDate, interactionId }
}

/** Fills what an action a little older or newer than this console may leave out of its 202. */
function withAnswerDefaults(a: InteractionAnswer): InteractionAnswer {
  return { ...a, noteRedacted: a.noteRedacted === true, cacheInvalidated: a.cacheInvalidated === true }
}

function withQuery(base: string, params: Params): string {
  const query = Object.entries(params)
    .filter((e): e is [string, string | number | boolean] => e[1] !== undefined && e[1] !== '')
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
    .join('&')
  if (!query) return base
  return `${base}${base.includes('?') ? '&' : '?'}${query}`
}

async function readJson(res: Response): Promise<unknown> {
  const text = await res.text()
  if (text === '') return null
  try {
    return JSON.parse(text) as unknown
  } catch {
    return undefined
  }
}

export function createActionClient(options: ActionClientOptions): ActionClient {
  async function call<T>(
    action: ActionName,
    request: Request,
    guard: (v: unknown) => v is T,
    signal?: AbortSignal,
    retried = false
  ): Promise<T> {
    const creds = options.credentials()
    if (!creds) throw new ApiError('NOT_SIGNED_IN', 0, 'No IMS credentials yet')
    const headers: Record<string, string> = {
      authorization: `Bearer ${creds.token}`,
      'x-gw-ims-org-id': creds.org,
      accept: 'application/json'
    }
    const post = request.method === 'POST'
    if (post) headers['content-type'] = 'application/json'
    let res: Response
    try {
      res = await options.fetch(post ? options.urls(action) : withQuery(options.urls(action), request.params), {
        method: request.method,
        headers,
        ...(post ? { body: JSON.stringify(request.params) } : {}),
        signal
      })
    } catch (err) {
      if (signal?.aborted) throw err
      throw new ApiError('NETWORK_ERROR', 0, 'The action could not be reached')
    }
    const body = await readJson(res)
    if (res.status === 401 && !retried && options.renewCredentials && (await options.renewCredentials())) {
      return call(action, request, guard, signal, true)
    }
    if (!res.ok) throw toApiError(res.status, body, res.headers.get('retry-after'))
    if (!guard(body))
      throw new ApiError('BAD_RESPONSE', res.status, `The ${action} action answered something unexpected`)
    return body
  }

  const get = (params: Params): Request => ({ method: 'GET', params })

  return {
    getCustomer: (q, signal) =>
      call(
        'customer-profile',
        get({ namespace: q.namespace, id: q.id, sandbox: q.sandbox, refresh: q.refresh ? 'true' : undefined }),
        isCustomerView,
        signal
      ).then(withViewDefaults),
    getEvents: (q, signal) =>
      call(
        'customer-events',
        get({ namespace: q.namespace, id: q.id, sandbox: q.sandbox, cursor: q.cursor, limit: q.limit }),
        isEventsPage,
        signal
      ),
    getMetadata: (sandbox, signal) => call('metadata', get({ sandbox }), isMetadata, signal),
    reveal: (q, signal) =>
      call(
        'customer-reveal',
        { method: 'POST', params: { namespace: q.namespace, id: q.id, sandbox: q.sandbox } },
        isRevealAnswer,
        signal
      ),
    recordInteraction: (body, signal) =>
      call(
        'customer-interactions',
        { method: 'POST', params: interactionParams(body) },
        isInteractionAnswer,
        signal
      ).then(withAnswerDefaults)
  }
}
