/**
 * IMS endpoints the app and aio-lib-ims use: client-credentials token (v2 and v3), token
 * validation, organizations, and a dev-only agent-token mint. Errors use IMS's OAuth shape
 * `{ error, error_description }`.
 */
import { timingSafeEqual } from 'node:crypto'
import { type Handler, header, json, type Reply, type RequestContext, type Router } from '../lib/http'
import type { ImsControl } from './control'
import { readParams } from './form'
import {
  AGENT_CLIENT_ID,
  DEFAULT_AGENT_USER_ID,
  mintToken,
  type TokenClaims,
  technicalAccountId,
  tokenProblem,
  verifyToken
} from './tokens'

export interface ImsSettings {
  orgId: string
  orgName: string
  clientId: string
  clientSecret: string
  signingSecret: string
  expiresInSeconds: number
  defaultScope: string
  devRoutes: boolean
}

const oauthError = (status: number, error: string, description: string): Reply =>
  json(status, { error, error_description: description })

export function imsRouter(s: ImsSettings, control: ImsControl): Router {
  const verify = (token: string): TokenClaims | null => {
    const claims = verifyToken(token, s.signingSecret)
    return claims && !control.isRevoked(claims) ? claims : null
  }
  const post =
    (handler: Handler): Handler =>
    (ctx) =>
      ctx.method === 'POST' ? handler(ctx) : oauthError(405, 'method_not_allowed', `${ctx.method} is not allowed`)

  const token: Handler = post(async (ctx) => {
    const p = await readParams(ctx)
    const grant = p.get('grant_type')
    if (grant === undefined) return oauthError(400, 'invalid_request', 'grant_type parameter is missing')
    if (grant !== 'client_credentials')
      return oauthError(400, 'unsupported_grant_type', `grant_type ${grant} is not supported`)
    if (p.get('client_id') !== s.clientId) return oauthError(400, 'invalid_client', 'invalid client_id parameter')
    if (!sameSecret(p.get('client_secret'), s.clientSecret))
      return oauthError(401, 'invalid_client', 'invalid client_secret parameter')
    const scope = p.get('scope')
    const accessToken = mintToken(
      {
        clientId: s.clientId,
        userId: technicalAccountId(),
        org: s.orgId,
        scope: scope === undefined || scope === '' ? s.defaultScope : scope,
        expiresInSeconds: s.expiresInSeconds
      },
      s.signingSecret
    )
    trackToken(control, accessToken, s.signingSecret)
    return json(200, { access_token: accessToken, token_type: 'bearer', expires_in: s.expiresInSeconds })
  })

  const validate: Handler = post(async (ctx) => {
    const p = await readParams(ctx)
    const tokenValue = bearer(ctx) ?? p.get('token')
    if (tokenValue === undefined) return oauthError(400, 'invalid_request', 'token parameter is missing')
    const clientId = p.get('client_id')
    if (clientId === undefined) return oauthError(400, 'invalid_request', 'client_id parameter is missing')
    const problem = tokenProblem(tokenValue, s.signingSecret)
    if (problem) return json(200, { valid: false, reason: problem })
    const claims = verifyToken(tokenValue, s.signingSecret)
    if (!claims || control.isRevoked(claims)) return json(200, { valid: false, reason: 'revoked' })
    const type = p.get('type')
    if (type !== undefined && type !== claims.type) return json(200, { valid: false, reason: 'wrong token type' })
    if (clientId !== claims.client_id) return json(200, { valid: false, reason: 'client_id mismatch' })
    return json(200, { valid: true, token: claims, user: {} })
  })

  const organizations: Handler = (ctx) => {
    if (ctx.method !== 'GET') return oauthError(405, 'method_not_allowed', `${ctx.method} is not allowed`)
    const tokenValue = bearer(ctx)
    const claims = tokenValue === undefined ? null : verify(tokenValue)
    if (!claims) return oauthError(401, 'invalid_token', 'the access token is missing, invalid or expired')
    const ident = claims.org.replace(/@AdobeOrg$/, '')
    return json(200, [
      {
        orgName: s.orgName,
        orgRef: { ident, authSrc: 'AdobeOrg' },
        orgType: 'Enterprise',
        countryCode: 'US',
        groups: [
          {
            groupName: 'Customer Activity Hub Agents',
            role: 'GRP_MEMBER',
            ident: 4242,
            groupType: 'LICENSE',
            groupDisplayName: 'Customer Activity Hub Agents'
          }
        ],
        role: 'DEVELOPER'
      }
    ])
  }

  const agentToken: Handler = async (ctx) => {
    // The UI calls this from another local origin, so the dev route answers CORS itself.
    const cors = {
      'access-control-allow-origin': '*',
      'access-control-allow-headers': 'content-type',
      'access-control-allow-methods': 'POST, OPTIONS'
    }
    if (ctx.method === 'OPTIONS') return { status: 204, headers: cors }
    if (ctx.method !== 'POST') return oauthError(405, 'method_not_allowed', `${ctx.method} is not allowed`)
    const p = await readParams(ctx)
    const seconds = Number(p.get('expiresInSeconds') ?? s.expiresInSeconds)
    if (!Number.isInteger(seconds) || seconds < 1)
      return oauthError(400, 'invalid_request', 'expiresInSeconds must be a whole number >= 1')
    const org = p.get('org') ?? s.orgId
    const userId = p.get('userId') ?? DEFAULT_AGENT_USER_ID
    const accessToken = mintToken(
      { clientId: AGENT_CLIENT_ID, userId, org, scope: 'openid,AdobeID,read_organizations', expiresInSeconds: seconds },
      s.signingSecret
    )
    trackToken(control, accessToken, s.signingSecret)
    return json(
      200,
      { access_token: accessToken, token_type: 'bearer', expires_in: seconds, org, user_id: userId },
      cors
    )
  }

  const notFound: Handler = (ctx) => oauthError(404, 'not_found', `no IMS route for ${ctx.method} ${ctx.url.pathname}`)

  return (_method, url) => {
    switch (url.pathname) {
      case '/ims/token/v2':
      case '/ims/token/v3':
        return { route: 'token', handle: token }
      case '/ims/validate_token/v1':
        return { route: 'validate', handle: validate }
      case '/ims/organizations/v6':
        return { route: 'organizations', handle: organizations }
      case '/__dev/agent-token':
        return s.devRoutes ? { route: 'dev.agentToken', handle: agentToken } : { route: 'notFound', handle: notFound }
      default:
        return { route: 'notFound', handle: notFound }
    }
  }
}

function bearer(ctx: RequestContext): string | undefined {
  const auth = header(ctx.req, 'authorization')
  const m = auth === undefined ? null : /^Bearer\s+(.+)$/i.exec(auth)
  return m?.[1]?.trim()
}

function sameSecret(given: string | undefined, expected: string): boolean {
  if (given === undefined) return false
  const a = Buffer.from(given)
  const b = Buffer.from(expected)
  return a.length === b.length && timingSafeEqual(a, b)
}

function trackToken(control: ImsControl, token: string, secret: string): void {
  const claims = verifyToken(token, secret)
  if (claims) control.track(claims)
}
