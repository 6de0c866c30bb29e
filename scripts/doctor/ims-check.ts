/** Can the actions get their service token? The same call they make: fetchServiceToken (aio-lib-ims). */
import type { Config } from '../../actions/lib/config/config'
import { UpstreamError } from '../../actions/lib/errors/errors'
import { fetchServiceToken } from '../../actions/lib/ims/ims-client'
import type { TokenEntry } from '../../actions/lib/ims/service-token'
import { type CheckResult, check, within } from './types'

const GROUP = 'Adobe IMS'
const IMS_TIMEOUT_MS = 15_000

/** Whether anything answers HTTP at `baseUrl` (any status counts). */
async function answers(baseUrl: string): Promise<boolean> {
  try {
    await fetch(baseUrl, { method: 'HEAD', signal: AbortSignal.timeout(5_000) })
    return true
  } catch {
    return false
  }
}

export type TokenFetcher = (ims: Config['ims']) => Promise<TokenEntry>

export interface ImsFindings {
  result: CheckResult
  /** The service token, for the AEP checks only: never printed. */
  token: string | null
}

export async function checkIms(
  config: Config['ims'],
  fetchToken: TokenFetcher = fetchServiceToken
): Promise<ImsFindings> {
  try {
    const entry = await within(
      fetchToken(config),
      IMS_TIMEOUT_MS,
      `IMS did not answer within ${IMS_TIMEOUT_MS / 1000} s`
    )
    const minutes = Math.round((entry.expiresAt - Date.now()) / 60_000)
    return {
      result: check.pass(GROUP, `IMS at ${config.baseUrl} issues a service token (valid ${minutes} min)`),
      token: entry.token
    }
  } catch (e) {
    // Reachability first: aio-lib-ims keeps the cause to itself, and fetchServiceToken's guess at
    // "refused" reads digits such as a port 34019 in a connection error as an HTTP 401.
    if (!(await answers(config.baseUrl))) {
      return {
        result: check.fail(
          GROUP,
          `IMS at ${config.baseUrl} could not be reached`,
          'Check IMS_BASE_URL (production: https://ims-na1.adobelogin.com), the network and any proxy.'
        ),
        token: null
      }
    }
    if (e instanceof UpstreamError && e.code === 'UPSTREAM_AUTH_FAILED') {
      return {
        result: check.fail(
          GROUP,
          `IMS at ${config.baseUrl} refused the OAuth Server-to-Server credential`,
          'Check IMS_OAUTH_S2S_CLIENT_ID and IMS_OAUTH_S2S_CLIENT_SECRET against the Developer Console credential (after a rotation: the new secret).'
        ),
        token: null
      }
    }
    const why = e instanceof Error ? e.message : 'unknown error'
    return {
      result: check.fail(
        GROUP,
        `No service token from IMS at ${config.baseUrl}: ${why}`,
        "Check IMS_OAUTH_S2S_SCOPES against the credential's scopes in the Developer Console, and IMS_OAUTH_S2S_ORG_ID."
      ),
      token: null
    }
  }
}
