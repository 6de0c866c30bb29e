/**
 * What the UI sends to and receives from the actions. The customer view itself is the actions'
 * contract (actions/lib/view-types.ts); this file only adds the shapes of the smaller endpoints.
 */
import type { CustomerEvent, CustomerView, ErrorBody } from '../../../actions/lib/view/view-types'

export type { CustomerEvent, CustomerView, ErrorBody }

/** One identity to look up: a namespace code (lower case) and the value the agent typed. */
export interface Lookup {
  namespace: string
  id: string
}

export interface CustomerQuery extends Lookup {
  sandbox?: string
  /** true bypasses the action's cache (the refresh button). */
  refresh?: boolean
}

export interface EventsQuery extends Lookup {
  sandbox?: string
  cursor: string
  limit?: number
}

export interface EventsPage {
  events: CustomerEvent[]
  nextCursor: string | null
}

export interface NamespaceInfo {
  code: string
  name: string
  idType: string | null
  custom: boolean
}

export interface MergePolicyInfo {
  id: string
  name: string
  isDefault: boolean
}

/** Per-deployment UI settings the metadata action passes on. */
export interface UiSettings {
  /** Contact details, address and identities stay masked until the agent reveals them (default true). */
  maskPersonalData: boolean
}

export interface Metadata {
  sandbox: string
  sandboxes: string[]
  namespaces: NamespaceInfo[]
  mergePolicies: MergePolicyInfo[]
  /** Absent from older deployments of the action; read through `uiSettings()`. */
  ui?: Partial<UiSettings>
}

/** The identity of the current lookup, sent to `customer-reveal` so the reveal is audited server-side. */
export interface RevealQuery extends Lookup {
  sandbox: string
}

export interface RevealAnswer {
  revealed: true
  requestId?: string
}

/** Who is calling: the IMS token and org sent with every action call. */
export interface Credentials {
  token: string
  org: string
}
