/**
 * Starts the AEP stand-in in-process (Profile access, merge policies, audiences, segment
 * definitions, identity namespaces under /data/core, behind a gateway that checks Adobe's four
 * headers; Streaming Ingestion's /collection/{id}, which checks its token itself). Tokens are
 * checked by `verifyToken` (pass the IMS stand-in's) or, when started alone, by the shared
 * signing secret.
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
import { dcsServerError, dcsTooManyRequests, internalError, tooManyRequests } from './errors'
import { MAX_IDENTITIES_PER_REQUEST } from './profiles'
import { aepRouter } from './router'
import { defaultSandboxes, Sandbox, type SandboxConfig } from './sandboxes'
import { type ExtraProfile, withExtraProfiles } from './seed-overlay'
import { STREAMING_ROUTE, type StreamingOptions, streamingSettings } from './streaming-config'

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
  /** Streaming Ingestion (`POST /collection/{id}`): connection ids, dataset, event shape, ingestion delay. */
  streaming?: StreamingOptions
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
  const streaming = streamingSettings(opts.streaming)
  const control = new AepControl({
    latency: opts.latency,
    faults: opts.faults,
    maxRecords: opts.maxRecords,
    eventsLookup: opts.eventsLookup,
    ingestionDelayMs: opts.streaming?.ingestionDelayMs,
    streaming
  })
  // Each sandbox reads through the ingestion layer, so streamed events join its lookups.
  const sandboxes = new Map(
    configs.map((c) => [
      c.name,
      new Sandbox({ ...c, seed: control.ingestion.layer(c.name, withExtraProfiles(c.seed, extras)) })
    ])
  )
  const orgId = opts.orgId ?? DEFAULT_ORG_ID
  const clientId = opts.clientId ?? DEFAULT_CLIENT_ID
  const secret = opts.signingSecret ?? DEV_SIGNING_SECRET

  const handle = await startServer({
    control,
    router: aepRouter({
      orgId,
      clientId,
      verifyToken: opts.verifyToken ?? ((token) => verifyWithSecret(token, secret)),
      acceptToken: opts.acceptToken,
      control,
      sandboxes,
      maxIdentitiesPerRequest: opts.maxIdentitiesPerRequest ?? MAX_IDENTITIES_PER_REQUEST,
      streaming
    }),
    // The streaming route is another Adobe service: its injected errors use its own problem shape.
    faultReplies: {
      tooManyRequests: (ms, route) => (route === STREAMING_ROUTE ? dcsTooManyRequests() : tooManyRequests(ms)),
      serverError: (status, route, ms) =>
        route === STREAMING_ROUTE ? dcsServerError(status, ms) : internalError(status)
    },
    recordHeaders: [
      'x-api-key',
      'x-gw-ims-org-id',
      'x-sandbox-name',
      'content-type',
      'accept',
      'x-request-id',
      'user-agent',
      'x-adobe-flow-id'
    ],
    port: opts.port ?? DEFAULT_AEP_PORT,
    host: opts.host ?? '127.0.0.1'
  })
  return { ...handle, sandboxes, orgId, clientId }
}
