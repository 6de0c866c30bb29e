/**
 * Our typed client of AEP's Real-Time Customer Profile APIs. It sends the four headers AEP's
 * gateway requires, maps every failure to a stable UpstreamError, and on a 401 asks the token
 * source for a fresh token and retries once (a token can be revoked before it expires).
 */
import { type UpstreamCode, UpstreamError } from '../errors'
import type { AepEventsPage, AepMergePolicy, AepNamespace, AepProfileEntity, NormalisedIdentity } from './aep-types'
import {
  asEventsPage,
  asMergePolicies,
  asNamespaces,
  asProfileItems,
  asProfileMap,
  audienceName,
  retryAfterMs
} from './aep-types'
import {
  DEFAULT_RETRY,
  exchange,
  type FetchLike,
  type HttpAnswer,
  parseJson,
  type RetryPolicy,
  withRetry
} from './upstream-http'

/** Where the service token comes from; `refresh` is called after AEP rejected `stale`. */
export interface TokenSource {
  get(): Promise<string>
  refresh(stale: string): Promise<string>
}

export interface AepClientOptions {
  baseUrl: string
  apiKey: string
  orgId: string
  timeoutMs: number
  tokens: TokenSource
  retry?: RetryPolicy
  fetch?: FetchLike
}

export interface CallOptions {
  sandbox: string
  /** Epoch ms after which no retry is started (the action's time budget). */
  deadline: number
}

const PROFILE = '_xdm.context.profile'
const EVENT = '_xdm.context.experienceevent'
const ACCESS = '/data/core/ups/access'
/** Identities per multi-entity POST (AEP's documented batch size). */
export const MAX_IDENTITIES_PER_POST = 100

export class AepClient {
  private readonly retry: RetryPolicy
  constructor(private readonly opts: AepClientOptions) {
    this.retry = opts.retry ?? DEFAULT_RETRY
  }

  /** The merged profile for an identity, or null when AEP knows no such customer. */
  async getProfile(
    identity: NormalisedIdentity,
    o: CallOptions & { mergePolicyId: string | null }
  ): Promise<AepProfileEntity | null> {
    const q = new URLSearchParams({ 'schema.name': PROFILE, entityId: identity.id, entityIdNS: identity.aepNamespace })
    if (o.mergePolicyId) q.set('mergePolicyId', o.mergePolicyId)
    const body = await this.json(`${ACCESS}/entities?${q}`, o, true)
    if (body === null) return null
    const entities = asProfileMap(body)
    return entities[0] ?? null
  }

  /** The most recent experience events of the identity's profile, newest first. */
  async getEvents(
    identity: NormalisedIdentity,
    o: CallOptions & { mergePolicyId: string | null; limit: number }
  ): Promise<AepEventsPage> {
    const body = await this.json(`${ACCESS}${eventsPath(identity, o.limit, o.mergePolicyId)}`, o, true)
    return body === null ? { events: [], next: null } : asEventsPage(body)
  }

  /** Follows AEP's own `_links.next.href` (relative to the access API) for the next page of events. */
  async getEventsPage(nextHref: string, o: CallOptions): Promise<AepEventsPage> {
    const path = nextHref.startsWith('/data/') ? nextHref : `${ACCESS}${nextHref.startsWith('/') ? '' : '/'}${nextHref}`
    const body = await this.json(path, o, true)
    return body === null ? { events: [], next: null } : asEventsPage(body)
  }

  /** An audience's name by id: audiences API first, then the older segment definitions API. */
  async getAudienceName(id: string, o: CallOptions): Promise<string | null> {
    const safe = encodeURIComponent(id)
    const audience = await this.json(`/data/core/ups/audiences/${safe}`, o, true)
    if (audience !== null) return audienceName(audience)
    const definition = await this.json(`/data/core/ups/segment/definitions/${safe}`, o, true)
    return definition === null ? null : audienceName(definition)
  }

  async listMergePolicies(o: CallOptions): Promise<AepMergePolicy[]> {
    const body = await this.json(
      `/data/core/ups/config/mergePolicies?${new URLSearchParams({ 'schema.name': PROFILE, limit: '100' })}`,
      o,
      false
    )
    return asMergePolicies(body)
  }

  async listNamespaces(o: CallOptions): Promise<AepNamespace[]> {
    return asNamespaces(await this.json('/data/core/idnamespace/identities', o, false))
  }

  /**
   * Merged profiles of many identities in one multi-entity POST (AEP answers unmatched identities
   * with an empty entity, not a 404). The caller keeps each call within MAX_IDENTITIES_PER_POST.
   */
  async getProfiles(
    identities: NormalisedIdentity[],
    o: CallOptions & { mergePolicyId: string | null }
  ): Promise<Array<AepProfileEntity & { requested: { id: string; ns: string } | null }>> {
    const body = JSON.stringify({
      schema: { name: PROFILE },
      identities: identities.map((i) => ({ entityId: i.id, entityIdNS: { code: i.aepNamespace } })),
      ...(o.mergePolicyId ? { mergePolicyId: o.mergePolicyId } : {})
    })
    return asProfileItems(await this.json(`${ACCESS}/entities`, o, false, body))
  }

  /**
   * GET (or POST with `body`) and parse; statuses become errors here, after retries and the 401
   * refresh. A 404 is `null` when `notFoundIsNull`, otherwise an error like any other status.
   */
  private async json(path: string, o: CallOptions, notFoundIsNull: boolean, body?: string): Promise<unknown> {
    const answer = await withRetry(() => this.send(path, o, body), this.retry, o.deadline)
    if (answer.status === 404 && notFoundIsNull) return null
    if (answer.status >= 200 && answer.status < 300) return parseJson('AEP', answer)
    throw failure(answer)
  }

  /** One GET with a 401 → refresh → retry-once; statuses that retrying can fix are thrown for withRetry. */
  private async send(path: string, o: CallOptions, body?: string): Promise<HttpAnswer> {
    let token = await this.opts.tokens.get()
    let answer = await this.once(path, o, token, body)
    if (answer.status === 401) {
      token = await this.opts.tokens.refresh(token)
      answer = await this.once(path, o, token, body)
    }
    if (answer.status === 429 || answer.status >= 500) throw failure(answer)
    return answer
  }

  private once(path: string, o: CallOptions, token: string, body?: string): Promise<HttpAnswer> {
    const remaining = o.deadline - Date.now()
    return exchange(
      'AEP',
      {
        method: body === undefined ? 'GET' : 'POST',
        url: this.opts.baseUrl + path,
        headers: {
          Authorization: `Bearer ${token}`,
          'x-api-key': this.opts.apiKey,
          'x-gw-ims-org-id': this.opts.orgId,
          'x-sandbox-name': o.sandbox,
          Accept: 'application/json',
          ...(body === undefined ? {} : { 'Content-Type': 'application/json' })
        },
        body
      },
      Math.min(this.opts.timeoutMs, Math.max(1, remaining)),
      this.opts.fetch
    )
  }
}

/**
 * The experience-event lookup (relative to the access API) of a profile, newest first; `start` is
 * AEP's page position for a next page.
 */
export function eventsPath(
  identity: NormalisedIdentity,
  limit: number,
  mergePolicyId: string | null,
  start?: string
): string {
  const q = new URLSearchParams({
    'schema.name': EVENT,
    'relatedSchema.name': PROFILE,
    relatedEntityId: identity.id,
    relatedEntityIdNS: identity.aepNamespace
  })
  if (start !== undefined) q.set('start', start)
  q.set('limit', String(limit))
  q.set('orderby', '-timestamp')
  if (mergePolicyId) q.set('mergePolicyId', mergePolicyId)
  return `/entities?${q}`
}

type Failure = [matches: (status: number) => boolean, code: UpstreamCode, message: (status: number) => string]

/** Non-2xx AEP answers, first match wins, in words a caller can act on. */
const FAILURES: Failure[] = [
  [(s) => s === 429, 'UPSTREAM_RATE_LIMITED', () => 'Experience Platform is rate limiting lookups. Try again shortly.'],
  [
    (s) => s === 401 || s === 403,
    'UPSTREAM_AUTH_FAILED',
    () =>
      "Experience Platform refused the app's credentials. An administrator must check the OAuth credential, API key and org."
  ],
  [
    (s) => s === 422,
    'UPSTREAM_UNPROCESSABLE',
    () =>
      'Experience Platform could not process this lookup (no default merge policy, an unknown merge policy, or an identity graph too large to look up).'
  ],
  [(s) => s >= 500, 'UPSTREAM_UNAVAILABLE', (s) => `Experience Platform is unavailable (HTTP ${s}). Try again shortly.`]
]

/** Maps a non-2xx AEP answer to the UpstreamError a caller understands. */
export function failure(answer: HttpAnswer): UpstreamError {
  const s = answer.status
  const [, code, message] = FAILURES.find(([matches]) => matches(s)) ?? [
    () => true,
    'UPSTREAM_REJECTED',
    () => `Experience Platform rejected the request (HTTP ${s}).`
  ]
  return new UpstreamError(
    code,
    'AEP',
    message(s),
    s,
    code === 'UPSTREAM_RATE_LIMITED' ? retryAfterMs(answer) : undefined
  )
}
