/**
 * Access tokens shaped like IMS's: a JWT whose payload carries id, type, client_id, user_id, as,
 * created_at and expires_in (both ms, as strings), scope, plus `org`. Service (client-credentials)
 * tokens have a technical-account user id; agent tokens are user tokens of the `exc_app` client.
 */
import { randomBytes, randomUUID } from 'node:crypto'
import { signJwt, verifyJwt } from './jwt'

export const DEV_SIGNING_SECRET = 'cah-local-ims-signing-secret-not-for-production'
export const DEFAULT_ORG_ID = 'DEMO0000000000000000000A@AdobeOrg'
export const DEFAULT_CLIENT_ID = 'cah-local-client'
export const DEFAULT_CLIENT_SECRET = 'cah-local-secret'
export const AGENT_CLIENT_ID = 'exc_app'
export const DEFAULT_AGENT_USER_ID = 'agent.demo@AdobeID'
export const DEFAULT_SERVICE_SCOPE = 'openid,AdobeID,read_organizations,additional_info.projectedProductContext,session'
export const DEFAULT_EXPIRES_IN_SECONDS = 86399

export interface TokenClaims {
  id: string
  type: 'access_token'
  client_id: string
  user_id: string
  as: string
  /** Epoch ms, as a string (IMS style). */
  created_at: string
  /** Lifetime in ms, as a string (IMS style). */
  expires_in: string
  scope: string
  org: string
}

export interface MintInput {
  clientId: string
  userId: string
  org: string
  scope: string
  expiresInSeconds: number
}

export interface AgentTokenInput {
  org?: string
  userId?: string
  expiresInSeconds?: number
}

export type TokenProblem = 'bad payload' | 'invalid signature' | 'expired' | 'revoked'

export function mintToken(input: MintInput, secret: string): string {
  const claims: TokenClaims = {
    id: `${Date.now()}_${randomUUID()}_ue1`,
    type: 'access_token',
    client_id: input.clientId,
    user_id: input.userId,
    as: 'ims-na1',
    created_at: String(Date.now()),
    expires_in: String(input.expiresInSeconds * 1000),
    scope: input.scope,
    org: input.org
  }
  return signJwt({ ...claims }, secret)
}

/** A user token for an agent, as the Experience Cloud shell would hand to the UI. */
export function mintAgentToken(input: AgentTokenInput = {}, secret = DEV_SIGNING_SECRET): string {
  return mintToken(
    {
      clientId: AGENT_CLIENT_ID,
      userId: input.userId ?? DEFAULT_AGENT_USER_ID,
      org: input.org ?? DEFAULT_ORG_ID,
      scope: 'openid,AdobeID,read_organizations,additional_info.projectedProductContext',
      expiresInSeconds: input.expiresInSeconds ?? DEFAULT_EXPIRES_IN_SECONDS
    },
    secret
  )
}

/** A technical-account user id like the ones IMS gives client-credentials tokens. */
export function technicalAccountId(): string {
  return `${randomBytes(12).toString('hex').toUpperCase()}@techacct.adobe.com`
}

/** Why a token is not valid (signature, shape, expiry), or null when it is. Knows nothing of revocation. */
export function tokenProblem(token: string, secret = DEV_SIGNING_SECRET, now = Date.now()): TokenProblem | null {
  const payload = verifyJwt(token, secret)
  if (!payload) return looksLikeJwt(token) ? 'invalid signature' : 'bad payload'
  const claims = asClaims(payload)
  if (!claims) return 'bad payload'
  return Number(claims.created_at) + Number(claims.expires_in) <= now ? 'expired' : null
}

/** The claims of a correctly signed, unexpired access token; null otherwise. */
export function verifyToken(token: string, secret = DEV_SIGNING_SECRET, now = Date.now()): TokenClaims | null {
  if (tokenProblem(token, secret, now) !== null) return null
  return asClaims(verifyJwt(token, secret) ?? {})
}

/** True when the token came from the client-credentials grant (a technical account). */
export function isServiceToken(claims: TokenClaims): boolean {
  return claims.user_id.endsWith('@techacct.adobe.com')
}

function asClaims(p: Record<string, unknown>): TokenClaims | null {
  const strings = ['id', 'client_id', 'user_id', 'as', 'created_at', 'expires_in', 'scope', 'org'] as const
  if (p.type !== 'access_token' || strings.some((k) => typeof p[k] !== 'string')) return null
  if (!Number.isFinite(Number(p.created_at)) || !Number.isFinite(Number(p.expires_in))) return null
  return p as unknown as TokenClaims
}

function looksLikeJwt(token: string): boolean {
  const parts = token.split('.')
  if (parts.length !== 3 || parts[1] === undefined) return false
  try {
    JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8'))
    return true
  } catch {
    return false
  }
}
