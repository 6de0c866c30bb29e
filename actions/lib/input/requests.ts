/** Validated requests: what the lookups accept once a request has passed the validators. */
import type { NormalisedIdentity } from '../aep'
import type { Section } from '../view'
import type { IdentityResult } from './identity'

/** A validated single-customer lookup. */
export interface LookupRequest {
  identity: NormalisedIdentity
  sandbox: string
  /** null = the configured default (or the sandbox's default merge policy). */
  mergePolicyId: string | null
  sections: ReadonlySet<Section>
  eventsLimit: number
}

export interface BatchItem {
  index: number
  /** The namespace as the caller wrote it (echoed back), or null when it was not text. */
  namespace: string | null
  identity: IdentityResult
}

export interface BatchRequest {
  items: BatchItem[]
  sections: ReadonlySet<Section>
  sandbox: string
  mergePolicyId: string | null
  eventsLimit: number
}
