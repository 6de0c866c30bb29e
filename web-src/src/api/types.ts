/**
 * What the UI sends to and receives from the actions. The customer view itself is the actions'
 * contract (actions/lib/view-types.ts); this file only adds the shapes of the smaller endpoints.
 */
import type { CustomerEvent, CustomerView, ErrorBody, LocalizedText } from '../../../actions/lib/view/view-types'

export type { CustomerEvent, CustomerView, ErrorBody, LocalizedText }

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
  /** What the wrap-up form offers. Absent from older deployments; read through `interactionSettings()`. */
  interactions?: InteractionSettings
}

/** One choice of the wrap-up form (a topic, an outcome, a sentiment): the code sent, the label shown. */
export interface InteractionChoice {
  code: string
  label: LocalizedText
}

/** The wrap-up fields a deployment may leave out (its event shape has nowhere to write them). */
export type OptionalInteractionField = 'sentiment' | 'note' | 'followUpDate'

/** The deployment's wrap-up settings (the metadata action's `interactions`). */
export interface InteractionSettings {
  /** false when the deployment has no streaming connection, dataset or event shape: no wrap-up panel. */
  enabled: boolean
  topics: InteractionChoice[]
  outcomes: InteractionChoice[]
  /** Empty when the deployment records no sentiment. */
  sentiments: InteractionChoice[]
  /** 0 when the deployment records no note. */
  noteMaxLength: number
  /** The optional fields this deployment records; the form shows only these. */
  fields: OptionalInteractionField[]
}

/** What `customer-interactions` records: the caller's identity and the agent's wrap-up. */
export interface InteractionBody extends Lookup {
  sandbox?: string
  topic: string
  outcome: string
  sentiment?: string
  note?: string
  /** `YYYY-MM-DD`. */
  followUpDate?: string
  /** Made once per wrap-up and sent again on retries, so a retried submit lands once. */
  interactionId?: string
}

/** The 202 of `customer-interactions`: accepted for ingestion, not yet in the profile. */
export interface InteractionAnswer {
  accepted: true
  /** The XDM `_id`; the stored event comes back in the view with this `id`. */
  eventId: string
  interactionId: string
  sandbox: string
  timestamp: string
  /** true when the action removed something that looked like a card number or password from the note. */
  noteRedacted: boolean
  cacheInvalidated: boolean
  /**
   * The timeline entry the view will hold once Profile has the event (built without the note);
   * null or absent (an older deployment) when there is none: the UI then words the entry itself.
   */
  event?: CustomerEvent | null
  requestId?: string
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
