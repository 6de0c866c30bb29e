/**
 * What a container keeps between invocations: the AEP client, the service token, audience names,
 * the State store and the caller-check client. Built once per configuration, so a warm container
 * does no setup work and, while its token is valid, no IMS call.
 */
import { AepClient, AudienceNames, type NameStore, StreamingClient } from '../aep'
import { audienceNameEntries, keyPart, ProfileCache, StateStore, tokenEntries } from '../cache'
import type { Config } from '../config'
import type { ImsIdentityApi } from '../ims'
import { fetchServiceToken, imsIdentityApi, ServiceTokenProvider, type TokenStore } from '../ims'
import { createLogger } from '../observability'

export interface Services {
  aep: AepClient
  tokens: ServiceTokenProvider
  audiences: AudienceNames
  state: StateStore
  cache: ProfileCache
  ims: ImsIdentityApi
  /** The wrap-up's Streaming Ingestion connection; null when the deployment records no interactions. */
  streaming: StreamingClient | null
}

/** Longest wait for the State service before a lookup goes on without it. */
export const STATE_TIMEOUT_MS = 300

let cached: { key: string; services: Services } | null = null

/** Everything that changes who we are or where we call makes a new set of services. */
function fingerprint(c: Config): string {
  return JSON.stringify([c.ims, c.aep, c.cache, c.interactions, c.identitySalt].map((v) => JSON.stringify(v)))
}

/** The service token shared with other containers through State, until its expiry. */
function stateTokenStore(state: StateStore, config: Config): TokenStore {
  const { ns, key } = tokenEntries(state, config)
  return {
    read: () => ns.getKey(key),
    async write(entry) {
      await ns.putKey(key, entry, Math.floor((entry.expiresAt - Date.now()) / 1000))
    },
    async drop() {
      await ns.deleteKey(key)
    }
  }
}

/** Audience names shared with other containers through State. */
function stateNameStore(state: StateStore, config: Config): NameStore {
  const ns = audienceNameEntries(state, config)
  return {
    get: (sandbox, id) => ns.get(keyPart(sandbox), keyPart(id)),
    async put(sandbox, id, value) {
      await ns.putKey(ns.key(keyPart(sandbox), keyPart(id)), value)
    }
  }
}

export function getServices(config: Config): Services {
  const key = fingerprint(config)
  if (cached?.key === key) return cached.services
  // aio-lib-state reads its endpoint when it first loads, and aio-lib-ims loads it too: set it first.
  if (config.cache.stateEndpoint) process.env.AIO_STATE_ENDPOINT = config.cache.stateEndpoint
  const logger = createLogger(config.logLevel, { component: 'container' })
  const state = new StateStore({ timeoutMs: STATE_TIMEOUT_MS, region: config.cache.stateRegion }, logger)
  const tokens = new ServiceTokenProvider(() => fetchServiceToken(config.ims), stateTokenStore(state, config))
  const services: Services = {
    tokens,
    state,
    aep: new AepClient({
      baseUrl: config.aep.baseUrl,
      apiKey: config.aep.apiKey,
      orgId: config.aep.orgId,
      timeoutMs: config.aep.timeoutMs,
      tokens
    }),
    audiences: new AudienceNames(config.cache.audienceTtlSeconds * 1000, stateNameStore(state, config)),
    cache: new ProfileCache(state, config),
    ims: imsIdentityApi(config.ims.baseUrl),
    streaming: config.interactions
      ? new StreamingClient({
          baseUrl: config.interactions.baseUrl,
          connectionId: config.interactions.connectionId,
          flowId: config.interactions.flowId,
          apiKey: config.aep.apiKey,
          orgId: config.aep.orgId,
          timeoutMs: config.aep.timeoutMs,
          tokens
        })
      : null
  }
  cached = { key, services }
  return services
}

/** Forgets the container's services (tests simulate a cold container with it). */
export function resetServices(): void {
  cached = null
}
