/**
 * The peer: the action a user writes from Adobe's customer-profile template
 * (@adobe/generator-add-action-customer-profile 2.0.0 over generator-app-common-lib's stub action):
 * `CustomerProfile.init(tenant, orgId, apiKey, token)` from `@adobe/aio-sdk`, then
 * `getProfile({ entityId, entityIdNS })`; here followed by the events, with a new IMS service
 * token per call and nothing cached — one call after another, as the template's code reads.
 *
 * Pointing it at the stand-in: @adobe/aio-lib-customer-profile 3.x has no base-URL option; its
 * host is the `servers` entry of the OpenAPI spec it bundles (`https://platform.adobe.io/data/core/ups`),
 * which `init` requires afresh from Node's module cache on every call. The benchmark replaces that
 * entry in the loaded spec, and changes nothing else. The same calls are also made with plain
 * `fetch`, so the library's own cost shows apart from the shape of the calls.
 */
import { createRequire } from 'node:module'
import type { BenchEnv, LookupIdentity } from './env'
import { nowMs } from './stats'

export type PeerVariant = 'library' | 'fetch'

export interface PeerLookup {
  ms: number
  imsMs: number
  /** `CustomerProfile.init` (swagger-client resolving the spec); 0 for plain fetch. */
  initMs: number
  profileMs: number
  eventsMs: number
}

interface ApiResponse {
  status: number
}
interface ProfileClient {
  getProfile(parameters: Record<string, unknown>): Promise<ApiResponse>
  getExperienceEvents(parameters: Record<string, unknown>): Promise<ApiResponse>
}
interface CustomerProfileModule {
  init(tenant: string, orgId: string, apiKey: string, token: string, sandbox?: string): Promise<ProfileClient>
}
interface TemplateLibrary {
  module: CustomerProfileModule
  version: string
  spec: { servers?: Array<{ url: string }> }
}

const PROFILE = '_xdm.context.profile'
const EVENT = '_xdm.context.experienceevent'

let loaded: TemplateLibrary | null | undefined

/**
 * The library as @adobe/aio-sdk resolves it (the template's `require('@adobe/aio-sdk').CustomerProfile`,
 * without loading the rest of the SDK), aimed at `aepUrl`; null when @adobe/aio-sdk is not installed.
 */
export function templateLibrary(aepUrl: string): { version: string } | null {
  if (loaded === undefined) {
    try {
      const req = createRequire(require.resolve('@adobe/aio-sdk'))
      loaded = {
        module: req('@adobe/aio-lib-customer-profile') as CustomerProfileModule,
        version: (req('@adobe/aio-lib-customer-profile/package.json') as { version: string }).version,
        spec: req('@adobe/aio-lib-customer-profile/spec/api.json') as TemplateLibrary['spec']
      }
    } catch {
      loaded = null
    }
  }
  if (loaded) loaded.spec.servers = [{ url: `${aepUrl}/data/core/ups` }]
  return loaded && { version: loaded.version }
}

/** A client-credentials token from the IMS stand-in, as the template's users get one per call. */
async function newServiceToken(inputs: Record<string, string>): Promise<string> {
  const body = new URLSearchParams({
    grant_type: 'client_credentials',
    client_id: inputs.IMS_OAUTH_S2S_CLIENT_ID ?? '',
    client_secret: inputs.IMS_OAUTH_S2S_CLIENT_SECRET ?? '',
    scope: inputs.IMS_OAUTH_S2S_SCOPES ?? ''
  })
  const res = await fetch(`${inputs.IMS_BASE_URL}/ims/token/v3`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body
  })
  const json = (await res.json()) as { access_token?: unknown }
  if (res.status !== 200 || typeof json.access_token !== 'string')
    throw new Error(`IMS stand-in answered ${res.status}`)
  return json.access_token
}

/** The events query: the documented schema names (the library's own `getExperienceEvents` default is refused, see docs). */
function eventsQuery(who: LookupIdentity, eventsLimit: number): Record<string, string> {
  return {
    'schema.name': EVENT,
    'relatedSchema.name': PROFILE,
    relatedEntityId: who.id,
    relatedEntityIdNS: who.namespace,
    limit: String(eventsLimit),
    orderby: '-timestamp'
  }
}

/** One lookup by the peer: token, (init,) profile, then events; throws when an answer is not 200. */
export async function peerLookup(
  env: BenchEnv,
  who: LookupIdentity,
  variant: PeerVariant,
  eventsLimit: number
): Promise<PeerLookup> {
  const t0 = nowMs()
  const apiKey = env.inputs.IMS_OAUTH_S2S_CLIENT_ID ?? ''
  const orgId = env.headers()['x-gw-ims-org-id'] ?? ''
  const sandbox = env.inputs.AEP_SANDBOX ?? 'prod'
  const token = await newServiceToken(env.inputs)
  const t1 = nowMs()
  let client: ProfileClient
  if (variant === 'library') {
    if (!loaded) throw new Error('@adobe/aio-lib-customer-profile is not installed')
    // The template passes no sandbox; the stand-in, like Adobe's spec, requires x-sandbox-name.
    client = await loaded.module.init('tenant', orgId, apiKey, token, sandbox)
  } else {
    client = fetchClient(env.standIns.aep.url, { token, apiKey, orgId, sandbox })
  }
  const t2 = nowMs()
  const profile = await client.getProfile({ entityId: who.id, entityIdNS: who.namespace })
  const t3 = nowMs()
  const events = await client.getExperienceEvents(eventsQuery(who, eventsLimit))
  const t4 = nowMs()
  if (profile.status !== 200 || events.status !== 200)
    throw new Error(`peer (${variant}): profile ${profile.status}, events ${events.status}`)
  return { ms: t4 - t0, imsMs: t1 - t0, initMs: t2 - t1, profileMs: t3 - t2, eventsMs: t4 - t3 }
}

/** The same two GETs with plain fetch and the headers the library sends. */
function fetchClient(
  aepUrl: string,
  h: { token: string; apiKey: string; orgId: string; sandbox: string }
): ProfileClient {
  const get = async (query: Record<string, string>): Promise<ApiResponse> => {
    const res = await fetch(`${aepUrl}/data/core/ups/access/entities?${new URLSearchParams(query)}`, {
      headers: {
        Authorization: `Bearer ${h.token}`,
        'x-api-key': h.apiKey,
        'x-gw-ims-org-id': h.orgId,
        'x-sandbox-name': h.sandbox,
        Accept: 'application/json'
      }
    })
    await res.json()
    return { status: res.status }
  }
  return {
    getProfile: (p) => get({ 'schema.name': PROFILE, ...(p as Record<string, string>) }),
    getExperienceEvents: (p) => get(p as Record<string, string>)
  }
}
