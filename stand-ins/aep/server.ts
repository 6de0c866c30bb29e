/**
 * Starts the AEP stand-in in-process (Profile access, merge policies, audiences, segment
 * definitions, identity namespaces under /data/core), behind a gateway that checks Adobe's
 * four headers. Tokens are checked by `verifyToken` (pass the IMS stand-in's) or, when started
 * alone, by the shared signing secret.
 */

import {
  DEFAULT_CLIENT_ID,
  DEFAULT_ORG_ID,
  DEV_SIGNING_SECRET,
  type TokenClaims,
  verifyToken as verifyWithSecret
} from '../ims/tokens'
import { startServer } from '../lib/server'
import type { CommonOptions, StandInHandle } from '../lib/types'
import type { Seed } from '../seed/types'
import { AepControl, type EventsLookup } from './control'
import { internalError, tooManyRequests } from './errors'
import { MAX_IDENTITIES_PER_REQUEST } from './profiles'
import { aepRouter } from './router'
import { defaultSandboxes, Sandbox, type SandboxConfig } from './sandboxes'
import { type ExtraProfile, withExtraProfiles } from './seed-overlay'

export const DEFAULT_AEP_PORT = 9101

export interface AepOptions extends CommonOptions {
  orgId?: string
  /** The x-api-key AEP accepts: the OAuth S2S client id. */
  clientId?: string
  /** Full sandbox list; when omitted, prod/dev/nodefault are built from `seed` (and `devSeed`). */
  sandboxes?: SandboxConfig[]
  seed?: Seed
  devSeed?: Seed
  /** Customers added to every sandbox's seed (e.g. one over the identity guardrail). */
  extraProfiles?: ExtraProfile[]
  /** Token check; default: HS256 with `signingSecret` (default: the IMS stand-in's dev secret). */
  verifyToken?: (token: string) => TokenClaims | null
  signingSecret?: string
  /** Extra veto after a token verified, e.g. to simulate a revoked token. */
  acceptToken?: (claims: TokenClaims, token: string) => boolean
  eventsLookup?: EventsLookup
  maxIdentitiesPerRequest?: number
}

export interface AepHandle extends StandInHandle<AepControl> {
  sandboxes: ReadonlyMap<string, Sandbox>
  orgId: string
  clientId: string
}

export async function startAep(opts: AepOptions): Promise<AepHandle> {
  const configs = opts.sandboxes ?? (opts.seed ? defaultSandboxes(opts.seed, opts.devSeed) : undefined)
  if (!configs) throw new Error('startAep needs `sandboxes` or `seed`')
  const extras = opts.extraProfiles ?? []
  const sandboxes = new Map(
    configs.map((c) => [c.name, new Sandbox({ ...c, seed: withExtraProfiles(c.seed, extras) })])
  )
  const orgId = opts.orgId ?? DEFAULT_ORG_ID
  const clientId = opts.clientId ?? DEFAULT_CLIENT_ID
  const secret = opts.signingSecret ?? DEV_SIGNING_SECRET
  const control = new AepControl({
    latency: opts.latency,
    faults: opts.faults,
    maxRecords: opts.maxRecords,
    eventsLookup: opts.eventsLookup
  })

  const handle = await startServer({
    control,
    router: aepRouter({
      orgId,
      clientId,
      verifyToken: opts.verifyToken ?? ((token) => verifyWithSecret(token, secret)),
      acceptToken: opts.acceptToken,
      control,
      sandboxes,
      maxIdentitiesPerRequest: opts.maxIdentitiesPerRequest ?? MAX_IDENTITIES_PER_REQUEST
    }),
    faultReplies: { tooManyRequests, serverError: internalError },
    recordHeaders: [
      'x-api-key',
      'x-gw-ims-org-id',
      'x-sandbox-name',
      'content-type',
      'accept',
      'x-request-id',
      'user-agent'
    ],
    port: opts.port ?? DEFAULT_AEP_PORT,
    host: opts.host ?? '127.0.0.1'
  })
  return { ...handle, sandboxes, orgId, clientId }
}
