/**
 * What a container keeps between invocations: the AEP client, the service token and the audience
 * names. Built once per configuration, so a warm container does no setup work and no IMS call.
 */
import { AepClient } from './aep-client'
import { AudienceNames } from './audience-names'
import type { Config } from './config'
import { fetchServiceToken } from './ims-client'
import { ServiceTokenProvider, type TokenStore } from './service-token'

export interface Services {
  aep: AepClient
  tokens: ServiceTokenProvider
  audiences: AudienceNames
}

let cached: { key: string; services: Services } | null = null

/** Everything that changes who we are or where we call makes a new set of services. */
function fingerprint(c: Config): string {
  return JSON.stringify([c.ims.baseUrl, c.ims.clientId, c.ims.orgId, c.ims.scopes, c.aep.baseUrl, c.aep.timeoutMs, c.cache.audienceTtlSeconds])
}

export function getServices(config: Config, tokenStore?: TokenStore): Services {
  const key = fingerprint(config)
  if (cached?.key === key) return cached.services
  const tokens = new ServiceTokenProvider(() => fetchServiceToken(config.ims), tokenStore)
  const services: Services = {
    tokens,
    aep: new AepClient({ baseUrl: config.aep.baseUrl, apiKey: config.aep.apiKey, orgId: config.aep.orgId, timeoutMs: config.aep.timeoutMs, tokens }),
    audiences: new AudienceNames(config.cache.audienceTtlSeconds * 1000)
  }
  cached = { key, services }
  return services
}

/** Forgets the container's services (tests simulate a cold container with it). */
export function resetServices(): void {
  cached = null
}
