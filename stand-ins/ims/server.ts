/**
 * Starts the IMS stand-in in-process. Its handle can verify and mint tokens directly, so the AEP
 * stand-in started beside it checks tokens (and revocations) without an HTTP round trip.
 */
import { json } from '../lib/http'
import { startServer } from '../lib/server'
import type { CommonOptions, StandInHandle } from '../lib/types'
import { ImsControl } from './control'
import { type ImsSettings, imsRouter } from './routes'
import {
  AGENT_CLIENT_ID,
  type AgentTokenInput,
  DEFAULT_AGENT_USER_ID,
  DEFAULT_CLIENT_ID,
  DEFAULT_CLIENT_SECRET,
  DEFAULT_EXPIRES_IN_SECONDS,
  DEFAULT_ORG_ID,
  DEFAULT_SERVICE_SCOPE,
  DEV_SIGNING_SECRET,
  mintToken,
  type TokenClaims,
  technicalAccountId,
  verifyToken
} from './tokens'

export const DEFAULT_IMS_PORT = 9102

export interface ImsOptions extends CommonOptions {
  orgId?: string
  orgName?: string
  clientId?: string
  clientSecret?: string
  /** HS256 secret for the tokens; the AEP stand-in needs the same one when started alone. */
  signingSecret?: string
  /** Token lifetime in seconds (default 86399). */
  expiresInSeconds?: number
  /** Scope given when a token request names none. */
  defaultScope?: string
  /** Serve POST /__dev/agent-token (default true). */
  devRoutes?: boolean
}

export interface ImsHandle extends StandInHandle<ImsControl> {
  /** Claims of a valid, unexpired, unrevoked token issued with this server's secret; else null. */
  verifyToken(token: string): TokenClaims | null
  /** A user token for an agent (client `exc_app`); tracked, so `control.revokeTokens()` covers it. */
  mintAgentToken(input?: AgentTokenInput): string
  /** A client-credentials token for the configured client, without an HTTP call. */
  mintServiceToken(scope?: string): string
  settings: Readonly<Omit<ImsSettings, 'signingSecret'>>
}

export async function startIms(opts: ImsOptions = {}): Promise<ImsHandle> {
  const settings: ImsSettings = {
    orgId: opts.orgId ?? DEFAULT_ORG_ID,
    orgName: opts.orgName ?? 'Customer Activity Hub Demo Org',
    clientId: opts.clientId ?? DEFAULT_CLIENT_ID,
    clientSecret: opts.clientSecret ?? DEFAULT_CLIENT_SECRET,
    signingSecret: opts.signingSecret ?? DEV_SIGNING_SECRET,
    expiresInSeconds: opts.expiresInSeconds ?? DEFAULT_EXPIRES_IN_SECONDS,
    defaultScope: opts.defaultScope ?? DEFAULT_SERVICE_SCOPE,
    devRoutes: opts.devRoutes ?? true
  }
  const control = new ImsControl({ latency: opts.latency, faults: opts.faults, maxRecords: opts.maxRecords })
  const handle = await startServer({
    control,
    router: imsRouter(settings, control),
    faultReplies: {
      tooManyRequests: () =>
        json(429, { error: 'too_many_requests', error_description: 'Too many requests, slow down' }),
      serverError: (status) => json(status, { error: 'server_error', error_description: `IMS answered ${status}` })
    },
    recordHeaders: ['content-type', 'user-agent', 'x-request-id'],
    port: opts.port ?? DEFAULT_IMS_PORT,
    host: opts.host ?? '127.0.0.1'
  })
  const mint = (
    clientId: string,
    userId: string,
    scope: string,
    org = settings.orgId,
    seconds = settings.expiresInSeconds
  ): string => {
    const token = mintToken({ clientId, userId, org, scope, expiresInSeconds: seconds }, settings.signingSecret)
    const claims = verifyToken(token, settings.signingSecret)
    if (claims) control.track(claims)
    return token
  }
  const { signingSecret: _secret, ...visible } = settings
  return {
    ...handle,
    settings: visible,
    verifyToken: (token) => {
      const claims = verifyToken(token, settings.signingSecret)
      return claims && !control.isRevoked(claims) ? claims : null
    },
    mintAgentToken: (input = {}) =>
      mint(
        AGENT_CLIENT_ID,
        input.userId ?? DEFAULT_AGENT_USER_ID,
        'openid,AdobeID,read_organizations',
        input.org,
        input.expiresInSeconds
      ),
    mintServiceToken: (scope) => mint(settings.clientId, technicalAccountId(), scope ?? settings.defaultScope)
  }
}
