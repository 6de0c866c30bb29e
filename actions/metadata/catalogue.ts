/**
 * GET metadata: the identity namespaces and merge policies of a sandbox, and the sandboxes this
 * app may use — what the UI's pickers and other systems need. These change rarely, so they are
 * kept per container and in State for AUDIENCE_CACHE_TTL_SECONDS.
 */
import type { AepMergePolicy, AepNamespace } from '../lib/aep'
import { catalogueEntries, keyPart } from '../lib/cache'
import type { Config } from '../lib/config'
import { LOOKUP_BUDGET_MS } from '../lib/lookup'
import type { Services } from '../lib/services'

export interface OrgMetadata {
  sandbox: string
  sandboxes: string[]
  namespaces: AepNamespace[]
  mergePolicies: AepMergePolicy[]
}

const memory = new Map<string, { value: OrgMetadata; at: number }>()

const isCatalogue = (v: unknown): v is OrgMetadata =>
  typeof v === 'object' &&
  v !== null &&
  Array.isArray((v as OrgMetadata).namespaces) &&
  Array.isArray((v as OrgMetadata).mergePolicies)

export async function loadMetadata(sandbox: string, config: Config, services: Services): Promise<OrgMetadata> {
  const entries = catalogueEntries(services.state, config, isCatalogue)
  const key = entries.key(keyPart(sandbox))
  const ttlMs = config.cache.audienceTtlSeconds * 1000
  const hit = memory.get(key)
  if (hit && Date.now() - hit.at < ttlMs) return hit.value
  const stored = await entries.getKey(key)
  if (stored && Date.now() - stored.at < ttlMs) {
    memory.set(key, stored)
    return stored.value
  }
  const call = { sandbox, deadline: Date.now() + LOOKUP_BUDGET_MS }
  const [namespaces, mergePolicies] = await Promise.all([
    services.aep.listNamespaces(call),
    services.aep.listMergePolicies(call)
  ])
  const entry = {
    value: { sandbox, sandboxes: config.aep.allowedSandboxes, namespaces, mergePolicies },
    at: Date.now()
  }
  memory.set(key, entry)
  await entries.putKey(key, entry)
  return entry.value
}

export function clearMetadataCache(): void {
  memory.clear()
}
