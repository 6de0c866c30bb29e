/**
 * The calls we make to Adobe IMS, through @adobe/aio-lib-ims with its endpoint pointed at the
 * configured IMS base URL (production IMS, or the local stand-in).
 */
import { withTimeout } from '../async'
import type { Config } from '../config'
import { UpstreamError } from '../errors'
import type { ImsIdentityApi } from './caller-auth'
import type { TokenEntry } from './service-token'

interface ImsLike {
  endpoint: string
  getAccessTokenByClientCredentials(
    clientId: string,
    clientSecret: string,
    orgId: string,
    scopes: string[]
  ): Promise<{ access_token?: { token: string; expiry: number }; payload?: { expires_in?: number } }>
  validateToken(
    token: string,
    clientId?: string
  ): Promise<{ valid: boolean; reason?: string; token?: Record<string, unknown> }>
  getOrganizations(token: string): Promise<unknown>
}

/**
 * Longest wait for one IMS operation. aio-lib-ims has no timeout and retries 5xx answers three
 * times itself (0.5 s, 1 s, 2 s), so without this bound a hanging or failing IMS holds a lookup
 * far past its budget.
 */
export const IMS_TIMEOUT_MS = 5_000

function withinBudget<T>(work: Promise<T>): Promise<T> {
  return withTimeout(
    work,
    IMS_TIMEOUT_MS,
    () => new UpstreamError('UPSTREAM_TIMEOUT', 'IMS', `Adobe IMS did not answer within ${IMS_TIMEOUT_MS} ms.`)
  )
}

function ims(baseUrl: string): ImsLike {
  // Loaded on first use: containers that only serve cache hits with cached validations never load it.
  const { Ims } = require('@adobe/aio-lib-ims') as { Ims: new (env: string) => ImsLike }
  const client = new Ims('prod')
  client.endpoint = baseUrl
  return client
}

/** Fetches a client-credentials token. Errors carry no IMS text: it can echo the request. */
export async function fetchServiceToken(config: Config['ims']): Promise<TokenEntry> {
  let result: Awaited<ReturnType<ImsLike['getAccessTokenByClientCredentials']>>
  try {
    result = await withinBudget(
      ims(config.baseUrl).getAccessTokenByClientCredentials(
        config.clientId,
        config.clientSecret,
        config.orgId,
        config.scopes
      )
    )
  } catch (e) {
    if (e instanceof UpstreamError) throw e
    // aio-lib-ims reports an HTTP failure as "<status> (<text>): <body>"; anything else is the network.
    const invalid =
      typeof e === 'object' && e !== null && 'message' in e && /^(400|401|403)\s\(/.test(String(e.message))
    throw new UpstreamError(
      invalid ? 'UPSTREAM_AUTH_FAILED' : 'UPSTREAM_UNAVAILABLE',
      'IMS',
      invalid
        ? "Adobe IMS refused the app's OAuth Server-to-Server credential. An administrator must check the client id and secret."
        : 'Adobe IMS could not issue a service token. Try again shortly.'
    )
  }
  const token = result.access_token?.token
  if (!token) throw new UpstreamError('UPSTREAM_BAD_RESPONSE', 'IMS', 'Adobe IMS answered without an access token.')
  // aio-lib-ims derives `expiry` from the token's own claims (created_at + expires_in, in ms), which
  // avoids the unit question of `expires_in` (ms from /ims/token/v2, seconds from v3).
  const expiry = result.access_token?.expiry
  const expiresAt = typeof expiry === 'number' && Number.isFinite(expiry) ? expiry : Date.now() + 3600_000
  return { token, expiresAt }
}

/** IMS as the caller check needs it: validate_token, and the organizations of a user token. */
export function imsIdentityApi(baseUrl: string): ImsIdentityApi {
  return {
    id: baseUrl,
    async validate(token) {
      const answer: unknown = await withinBudget(ims(baseUrl).validateToken(token))
      // aio-lib-ims hands back unparsable text as a string: that is IMS garbling, not an invalid token.
      if (typeof answer !== 'object' || answer === null || typeof (answer as { valid?: unknown }).valid !== 'boolean') {
        throw new UpstreamError(
          'UPSTREAM_BAD_RESPONSE',
          'IMS',
          'Adobe IMS answered the token check in an unexpected shape.'
        )
      }
      const { valid, token: claims } = answer as { valid: boolean; token?: Record<string, unknown> }
      return { valid, claims: claims ?? {} }
    },
    async organizations(token) {
      const orgs = await withinBudget(ims(baseUrl).getOrganizations(token))
      if (!Array.isArray(orgs)) return []
      return orgs.flatMap((o: unknown) => {
        const ref =
          typeof o === 'object' && o !== null
            ? (o as { orgRef?: { ident?: unknown; authSrc?: unknown } }).orgRef
            : undefined
        return typeof ref?.ident === 'string' && typeof ref.authSrc === 'string' ? [`${ref.ident}@${ref.authSrc}`] : []
      })
    }
  }
}
