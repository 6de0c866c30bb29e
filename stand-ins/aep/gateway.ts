/**
 * The Adobe I/O gateway in front of Platform: Authorization, x-api-key, x-gw-ims-org-id and
 * x-sandbox-name are checked on every AEP request, in that order, with Adobe's error bodies.
 * Only client-credentials (service) tokens of the configured client pass.
 */

import { isServiceToken, type TokenClaims } from '../ims/tokens'
import { header, type Reply, type RequestContext } from '../lib/http'
import type { AepControl } from './control'
import { errorContext, forbidden, gatewayError } from './errors'
import type { Sandbox } from './sandboxes'

export interface GatewaySettings {
  orgId: string
  clientId: string
  verifyToken(token: string): TokenClaims | null
  /** Extra veto, e.g. a test simulating a token revoked at IMS. */
  acceptToken?(claims: TokenClaims, token: string): boolean
  control: AepControl
  sandboxes: ReadonlyMap<string, Sandbox>
}

/**
 * The claims of a token Platform accepts: signed by the IMS stand-in, a client-credentials token of
 * the configured client, not vetoed or revoked; null for any other. The streaming route uses the
 * same rule and answers it in its own words.
 */
export function serviceClaims(token: string, s: GatewaySettings): TokenClaims | null {
  const claims = s.verifyToken(token)
  const valid =
    claims !== null &&
    isServiceToken(claims) &&
    claims.client_id === s.clientId &&
    (s.acceptToken?.(claims, token) ?? true) &&
    s.control.admit(claims)
  return valid ? claims : null
}

export type GatewayResult = { sandbox: Sandbox } | { error: Reply }

/** `defaultSandbox`: the Identity Service falls back to prod when x-sandbox-name is absent. */
export function checkGateway(ctx: RequestContext, s: GatewaySettings, defaultSandbox?: string): GatewayResult {
  const auth = header(ctx.req, 'authorization')
  const token = auth === undefined ? undefined : /^Bearer\s+(\S+)\s*$/i.exec(auth)?.[1]
  if (token === undefined) return { error: gatewayError(401, '403010', 'Oauth token is missing.') }

  const apiKey = header(ctx.req, 'x-api-key')
  if (apiKey === undefined) return { error: gatewayError(403, '403000', 'Api Key is required') }
  if (apiKey !== s.clientId) return { error: gatewayError(403, '403003', 'Api Key is invalid') }

  const claims = serviceClaims(token, s)
  if (!claims) return { error: gatewayError(401, '401013', 'Oauth token is not valid') }

  const org = header(ctx.req, 'x-gw-ims-org-id')
  if (org === undefined) return { error: gatewayError(400, '400003', 'Missing header x-gw-ims-org-id') }
  if (org !== s.orgId || claims.org !== org) return { error: forbidden('UPS-ACC-1000004: IMS Org is not provisioned.') }

  const name = header(ctx.req, 'x-sandbox-name') ?? defaultSandbox
  if (name === undefined)
    return { error: errorContext(400, 'UPS-ACC-1000005: Missing required header x-sandbox-name.') }
  const sandbox = s.sandboxes.get(name)
  if (!sandbox)
    return {
      error: forbidden(`UPS-ACC-1000006: Sandbox ${name} does not exist or is not accessible for this IMS Org.`)
    }
  return { sandbox }
}
