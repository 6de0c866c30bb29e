/**
 * Who may see a customer. The Runtime gateway already validated the caller's IMS token
 * (`require-adobe-auth`); we additionally confirm with IMS that the token is valid and that its
 * owner belongs to the configured org. Results are cached briefly under a hash of the token.
 */
import { ForbiddenError, UnauthenticatedError, UpstreamError } from '../errors'
import { tokenHash } from '../observability'

export interface Caller {
  /** IMS user id, or the client id of a technical account. */
  id: string
  orgs: string[]
}

export interface ImsIdentityApi {
  /** Which IMS answers (its base URL); validations are cached per IMS. */
  id?: string
  /** IMS validate_token: `{ valid, token: claims }`. */
  validate(token: string): Promise<{ valid: boolean; claims: Record<string, unknown> }>
  /** IMS organizations of the token's owner (for tokens that carry no org claim). */
  organizations(token: string): Promise<string[]>
}

const VALIDATION_TTL_MS = 60_000
const MAX_ENTRIES = 5_000
const validated = new Map<string, { caller: Caller; at: number }>()

function decodeClaims(token: string): Record<string, unknown> {
  const part = token.split('.')[1]
  if (!part) throw new UnauthenticatedError('The Authorization token is not an Adobe IMS access token.')
  try {
    const claims: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'))
    if (typeof claims === 'object' && claims !== null && !Array.isArray(claims))
      return claims as Record<string, unknown>
  } catch {
    /* falls through */
  }
  throw new UnauthenticatedError('The Authorization token is not an Adobe IMS access token.')
}

function expired(claims: Record<string, unknown>, now: number): boolean {
  const created = Number(claims.created_at)
  const lifetime = Number(claims.expires_in)
  return Number.isFinite(created) && Number.isFinite(lifetime) && created + lifetime <= now
}

function claimedCaller(claims: Record<string, unknown>): string | undefined {
  return [claims.user_id, claims.client_id].find((v): v is string => typeof v === 'string' && v !== '')?.slice(0, 128)
}

/** Who the token says it belongs to, unverified: only for attributing refused requests in audits. */
export function unverifiedCaller(token: string): string {
  try {
    return `unverified:${claimedCaller(decodeClaims(token)) ?? 'unknown'}`
  } catch {
    return 'unverified:malformed-token'
  }
}

async function identify(token: string, ims: ImsIdentityApi): Promise<Caller> {
  let result: Awaited<ReturnType<ImsIdentityApi['validate']>>
  let orgs: string[] | undefined
  try {
    result = await ims.validate(token)
    if (result.valid)
      orgs = typeof result.claims.org === 'string' ? [result.claims.org] : await ims.organizations(token)
  } catch (e) {
    throw new UpstreamError(
      'UPSTREAM_UNAVAILABLE',
      'IMS',
      'Adobe IMS could not confirm who you are. Try again shortly.',
      undefined,
      undefined,
      { cause: e }
    )
  }
  if (!result.valid || !orgs)
    throw new UnauthenticatedError('Your Adobe IMS session is not valid any more. Sign in again.')
  return { id: claimedCaller(result.claims) ?? 'unknown', orgs }
}

/**
 * Resolves the caller of a request and checks they belong to `orgId` (and that the request names
 * that org). Throws UnauthenticatedError (401) or ForbiddenError ORG_MISMATCH (403).
 */
export async function authorizeCaller(
  token: string,
  orgHeader: string | undefined,
  orgId: string,
  ims: ImsIdentityApi,
  now = Date.now()
): Promise<Caller> {
  const claims = decodeClaims(token)
  if (expired(claims, now)) throw new UnauthenticatedError('Your Adobe IMS token has expired. Sign in again.')
  // The IMS that vouched for a token is part of the key: no other answer is ever reused for it.
  const key = tokenHash(`${ims.id ?? ''}|${token}`)
  let entry = validated.get(key)
  if (!entry || now - entry.at > VALIDATION_TTL_MS) {
    entry = { caller: await identify(token, ims), at: now }
    if (validated.size >= MAX_ENTRIES) validated.clear()
    validated.set(key, entry)
  }
  if (!entry.caller.orgs.includes(orgId))
    throw new ForbiddenError('ORG_MISMATCH', 'Your Adobe account does not belong to the organization this app serves.')
  if (orgHeader !== undefined && orgHeader !== orgId)
    throw new ForbiddenError(
      'ORG_MISMATCH',
      'The x-gw-ims-org-id header names another organization than the one this app serves.'
    )
  return entry.caller
}

export function clearCallerCache(): void {
  validated.clear()
}
