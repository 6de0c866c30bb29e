/**
 * Contract between the synthetic-customer generator and the AEP stand-in.
 * Shapes follow XDM as AEP returns it from /data/core/ups/access/entities.
 */

/** The tenant id under which the demo org keeps its own fields (`_demotenant.*`). */
export const TENANT = '_demotenant'

export interface IdentityMapEntry {
  id: string
  primary?: boolean
  authenticatedState?: 'ambiguous' | 'authenticated' | 'loggedOut'
}

/** XDM Individual Profile as the demo org stores it. Extra fields may appear. */
export interface XdmProfile {
  identityMap: Record<string, IdentityMapEntry[]>
  person?: {
    name?: { firstName?: string; lastName?: string; fullName?: string }
    birthDate?: string
  }
  personalEmail?: { address?: string; primary?: boolean; status?: string }
  mobilePhone?: { number?: string; primary?: boolean; status?: string }
  homeAddress?: {
    street1?: string
    city?: string
    stateProvince?: string
    postalCode?: string
    country?: string
    countryCode?: string
  }
  preferredLanguage?: string
  loyalty?: { tier?: string; points?: number; joinDate?: string; program?: string; status?: string }
  /** Audience membership: segmentMembership.ups.<audienceId>. */
  segmentMembership?: {
    ups?: Record<string, { status: 'realized' | 'exited' | 'existing'; lastQualificationTime: string }>
  }
  /** Tenant fields: CLV and model scores (the action reads them through a configurable mapping). */
  _demotenant?: {
    customerSince?: string
    clv?: { value?: number; currency?: string }
    scores?: { churnPropensity?: number; engagementPropensity?: number }
  }
  [field: string]: unknown
}

/** XDM ExperienceEvent. */
export interface XdmEvent {
  _id: string
  /** ISO timestamp. */
  timestamp: string
  /** e.g. commerce.purchases, directMarketing.emailOpened, directMarketing.emailClicked,
   *  web.webpagedetails.pageViews, support.callCompleted */
  eventType: string
  identityMap?: Record<string, IdentityMapEntry[]>
  channel?: { _type: string }
  commerce?: {
    purchases?: { value: number }
    order?: { priceTotal: number; currencyCode: string; purchaseID?: string }
  }
  productListItems?: Array<{ SKU: string; name: string; quantity: number; priceTotal: number; currencyCode?: string }>
  web?: { webPageDetails?: { name?: string; URL?: string } }
  directMarketing?: { emailOpened?: { value: number }; emailClicked?: { value: number } }
  _experience?: {
    customerJourneyManagement?: { messageExecution?: { campaignName?: string; messageExecutionID?: string } }
  }
  _demotenant?: { support?: { reason?: string; durationSeconds?: number; resolved?: boolean } }
  [field: string]: unknown
}

export interface SeedIdentity {
  /** Namespace code as AEP knows it (lower case here: email, phone, ecid, crmid, loyaltyid). */
  namespace: string
  id: string
}

export interface AudienceDefinition {
  id: string
  name: string
  description: string
}

export interface MergePolicyDefinition {
  id: string
  name: string
  default: boolean
}

export interface NamespaceDefinition {
  id: number
  code: string
  name: string
  description: string
  idType: 'COOKIE' | 'CROSS_DEVICE' | 'DEVICE' | 'EMAIL' | 'MOBILE' | 'NON_PEOPLE' | 'PHONE'
  custom: boolean
}

/** A generated data set. Profiles and events are produced on demand so 100 000+ customers stay cheap. */
export interface Seed {
  /** Number of customers. Index 0 is always Jane Doe. */
  readonly size: number
  /** Index of the customer owning this identity (namespace lower case, id as AEP stores it), if any. */
  find(namespace: string, id: string): number | undefined
  /** The merged profile id (XID-like, stable) of customer `index`. */
  profileId(index: number): string
  /** All identities of customer `index`. */
  identities(index: number): SeedIdentity[]
  profile(index: number): XdmProfile
  /** Events of customer `index`, newest first. */
  events(index: number): XdmEvent[]
  audiences: AudienceDefinition[]
  namespaces: NamespaceDefinition[]
}

export interface SeedOptions {
  /** Number of customers (default 2000). */
  count?: number
  /** PRNG seed (default 42): the same options always give the same data. */
  seed?: number
  /** Events are spread over the year before this instant (default: the start of the current UTC day,
   *  so relative times look live and the data is stable for a day). */
  now?: Date
}

export const JANE_DOE = {
  email: 'jane.doe@example.com',
  phone: '+14155550123',
  crmid: 'CRM-000001',
  loyaltyTier: 'gold'
} as const
