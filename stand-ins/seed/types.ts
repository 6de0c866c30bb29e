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

/** XDM Consents & Preferences choice (`val`): yes, no, pending verification, unknown. */
export type ConsentValue = 'y' | 'n' | 'p' | 'u'

/** XDM Consents & Preferences (help/xdm/data-types/consents.md) as the profile carries it. */
export interface XdmConsents {
  collect?: { val: ConsentValue }
  share?: { val: ConsentValue }
  personalize?: { content?: { val: ConsentValue } }
  marketing?: {
    /** email, sms, push, phone, none … */
    preferred?: string
    email?: { val: ConsentValue; time?: string; reason?: string }
    sms?: { val: ConsentValue; time?: string; reason?: string }
    push?: { val: ConsentValue; time?: string; reason?: string }
  }
  metadata?: { time?: string }
}

/** One AEP computed attribute as the profile union carries it (`_<tenant>.SystemComputedAttributes.<name>`). */
export interface ComputedAttribute<T> {
  value: T
}

/** Customer AI output of one instance (`_<tenant>.CustomerAI.<instance>`): the attributes Adobe documents. */
export interface CustomerAiScores {
  /** 0–100, relative to the scored population. */
  score: number
  /** 0–1. */
  probability: number
  /** 1–100. */
  percentile: number
  propensityType: 'churn' | 'conversion'
  /** YYYY-MM-DD of the scoring run. */
  scoreDate: string
  influentialFactors: Array<{ code: string; value: string; importance: 'high' | 'medium' | 'low' }>
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
  consents?: XdmConsents
  /** Tenant fields: CLV, model scores, service level, computed attributes and Customer AI output. */
  _demotenant?: {
    customerSince?: string
    /** standard | priority | concierge */
    serviceLevel?: string
    clv?: { value?: number; currency?: string }
    scores?: { churnPropensity?: number; engagementPropensity?: number }
    SystemComputedAttributes?: {
      purchases6Months?: ComputedAttribute<number>
      totalSpend6Months?: ComputedAttribute<number>
      lastViewedProduct?: ComputedAttribute<string>
    }
    CustomerAI?: Record<string, CustomerAiScores>
  }
  [field: string]: unknown
}

export interface ProductListItem {
  SKU: string
  name: string
  quantity: number
  priceTotal: number
  currencyCode?: string
}

/** `_experience.customerJourneyManagement` of AJO tracking and feedback events. */
export interface CjmDetails {
  messageInteraction?: { interactionType: 'open' | 'click' }
  messageDeliveryfeedback?: {
    feedbackStatus: 'sent' | 'bounce' | 'delay' | 'exclude'
    messageFailure?: { type: 'Hard' | 'Soft'; category: string; reason: string }
  }
  messageExecution?: {
    messageExecutionID: string
    messageID?: string
    journeyVersionID?: string
    journeyActionID?: string
    ajoCampaignID?: string
    messageType?: 'marketing' | 'transactional'
  }
  messageProfile?: { channel: { _id: string } }
  emailChannelContext?: { address?: string; namespace?: string }
  entities?: {
    campaign?: { campaignID: string; name: string }
    journey?: { journeyID: string; journeyVersionID: string; journeyName: string }
  }
}

/** The call-centre record of a support call (after Adobe's callcenter.json sample). */
export interface CallCenterInteraction {
  callID: string
  callTopic: string
  callFeeling: 'positive' | 'neutral' | 'negative'
  /** Resolved | Escalated | Callback scheduled */
  callOutcome: string
  callDurationSeconds: number
}

/**
 * XDM ExperienceEvent. `eventType` is one of Adobe's standard values (commerce.purchases,
 * commerce.productViews, commerce.productListAdds, commerce.checkouts, web.webpagedetails.pageViews,
 * message.tracking, message.feedback, application.launch, application.close) — or absent, as in
 * tenant records such as the support call, which only its `_demotenant.interactionDetails` tells apart.
 */
export interface XdmEvent {
  _id: string
  /** ISO timestamp. */
  timestamp: string
  eventType?: string
  identityMap?: Record<string, IdentityMapEntry[]>
  channel?: { _type: string }
  commerce?: {
    purchases?: { value: number }
    productViews?: { value: number }
    productListAdds?: { value: number }
    checkouts?: { value: number }
    order?: { priceTotal: number; currencyCode: string; purchaseID?: string }
  }
  productListItems?: ProductListItem[]
  web?: { webPageDetails?: { name?: string; URL?: string; pageViews?: { value: number } } }
  application?: {
    id?: string
    name?: string
    version?: string
    isLaunch?: boolean
    launches?: { value: number }
    closeType?: 'close' | 'unknown'
    sessionLength?: number
    applicationCloses?: { value: number }
  }
  _experience?: { customerJourneyManagement?: CjmDetails }
  _demotenant?: { interactionDetails?: { core?: { callCenterAgent?: CallCenterInteraction } } }
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
