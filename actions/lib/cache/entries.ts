/**
 * Every kind of State entry this app writes, with its key scheme, TTL and shape guard, so that a
 * key is built one way only and a garbled value is a miss.
 *
 *   cah1.token.<hash of the whole credential>               service token
 *   cah1.aud.<org>.<sandbox>.<audience id>                  audience name
 *   cah1.meta.<org>.<sandbox>                               metadata catalogue
 *   cah1.<org>.<sandbox>.<merge policy>.<namespace>.<hash>  customer view, or a pointer to one
 */
import type { Named } from '../aep'
import type { Config } from '../config'
import type { TokenEntry } from '../ims'
import { tokenHash } from '../observability'
import { isRecord, orgKeyPart, StateNamespace } from './state-namespace'
import type { StateStore } from './state-store'

export interface CatalogueEntry<T> {
  value: T
  at: number
}

const isToken = (v: unknown): v is TokenEntry =>
  isRecord(v) && typeof v.token === 'string' && typeof v.expiresAt === 'number'
const isName = (v: unknown): v is Named =>
  isRecord(v) && typeof v.at === 'number' && (typeof v.name === 'string' || v.name === null)

/** The service-token entry, keyed by the whole credential: another credential can never read or replace it. */
export function tokenEntries(store: StateStore, config: Config): { ns: StateNamespace<TokenEntry>; key: string } {
  const credential = [
    config.ims.baseUrl,
    config.ims.clientId,
    config.ims.clientSecret,
    config.ims.orgId,
    ...config.ims.scopes
  ]
  const ns = new StateNamespace(store, { prefix: ['cah1', 'token'], ttlSeconds: 3600, guard: isToken })
  return { ns, key: ns.key(tokenHash(JSON.stringify(credential)).slice(0, 32)) }
}

export function audienceNameEntries(store: StateStore, config: Config): StateNamespace<Named> {
  return new StateNamespace(store, {
    prefix: ['cah1', 'aud', orgKeyPart(config.aep.orgId)],
    ttlSeconds: config.cache.audienceTtlSeconds,
    guard: isName
  })
}

/** The metadata catalogue; `isValue` checks the catalogue itself. */
export function catalogueEntries<T>(
  store: StateStore,
  config: Config,
  isValue: (v: unknown) => v is T
): StateNamespace<CatalogueEntry<T>> {
  const guard = (v: unknown): v is CatalogueEntry<T> => isRecord(v) && typeof v.at === 'number' && isValue(v.value)
  return new StateNamespace(store, {
    prefix: ['cah1', 'meta', orgKeyPart(config.aep.orgId)],
    ttlSeconds: config.cache.audienceTtlSeconds,
    guard
  })
}
