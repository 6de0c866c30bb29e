/**
 * Test data shaped by the actions' contract (actions/lib/view/view-types.ts): Jane Doe, a gold member
 * with purchases, email and support activity, two mapped attribute cards, SMS consent withdrawn, a
 * Customer AI score and a few profile fields. Event times are relative to "now" so relative-time
 * text is predictable.
 */
import type {
  CallReason,
  CustomerEvent,
  CustomerView,
  ErrorBody,
  ProfileField
} from '../../../actions/lib/view/view-types'

const HOUR = 3600 * 1000
const DAY = 24 * HOUR

export function isoAgo(ms: number): string {
  return new Date(Date.now() - ms).toISOString()
}

export function janeEvents(): CustomerEvent[] {
  return [
    {
      id: 'ev-1',
      type: 'purchase',
      source: 'standard',
      xdmEventType: 'commerce.purchases',
      timestamp: isoAgo(2 * HOUR),
      channel: 'web',
      summary: 'Purchased 2 items — $129.90',
      details: { itemCount: 2, amount: { value: 129.9, currency: 'USD' } }
    },
    {
      id: 'ev-2',
      type: 'email-open',
      source: 'standard',
      xdmEventType: 'directMarketing.emailOpened',
      timestamp: isoAgo(DAY),
      channel: 'email',
      summary: 'Opened email "Spring Sale"',
      details: { campaign: 'Spring Sale' }
    },
    {
      id: 'ev-3',
      type: 'support-call',
      source: 'standard',
      xdmEventType: 'support.callCompleted',
      timestamp: isoAgo(3 * DAY),
      channel: 'phone',
      summary: 'Support call: Late delivery (7 min)',
      details: { reason: 'Late delivery', durationSeconds: 420 }
    },
    {
      id: 'ev-4',
      type: 'web-visit',
      source: 'standard',
      xdmEventType: 'web.webpagedetails.pageViews',
      timestamp: isoAgo(4 * DAY),
      channel: 'web',
      summary: 'Visited Running shoes',
      details: { page: 'Running shoes' }
    }
  ]
}

/** Why Jane is likely calling: her support call three days ago, today's order, and an admin rule this UI does not know. */
export function janeReasons(): CallReason[] {
  const [purchase, , support] = janeEvents()
  return [
    {
      code: 'recent-support-contact',
      purpose: 'service',
      channel: null,
      text: 'Contacted support about "Late delivery" 3 days ago',
      params: { topic: 'Late delivery', daysAgo: 3 },
      evidence: [{ eventId: 'ev-3', timestamp: support?.timestamp ?? isoAgo(3 * DAY) }]
    },
    {
      code: 'recent-order',
      purpose: 'service',
      channel: null,
      text: 'Ordered 2 items for $129.90 today',
      params: { amount: 129.9, currency: 'USD', items: 2, daysAgo: 0 },
      evidence: [{ eventId: 'ev-1', timestamp: purchase?.timestamp ?? isoAgo(2 * HOUR) }]
    },
    {
      code: 'acme-vip-callback',
      purpose: 'offer',
      channel: 'phone',
      text: 'VIP: offer a callback from the priority desk',
      params: {},
      evidence: []
    }
  ]
}

export function janeFields(): ProfileField[] {
  return [
    { path: '_acme.loyalty.points', value: '12840' },
    { path: '_acme.loyalty.status', value: 'GLD' },
    { path: 'homeAddress.city', value: 'San Francisco' },
    { path: 'person.name.firstName', value: 'Jane' },
    { path: 'person.name.lastName', value: 'Doe' },
    { path: 'personalEmail.address', value: 'jane.doe@example.com' }
  ]
}

export function janeDoe(overrides: { meta?: Partial<CustomerView['meta']> } = {}): CustomerView {
  return {
    customer: {
      profileId: 'BUMEHBpZWNlcyBzdHJpbmc',
      identities: [
        { namespace: 'email', id: 'jane.doe@example.com', primary: true },
        { namespace: 'phone', id: '+14155550123', primary: false },
        { namespace: 'crmid', id: 'CRM-000123', primary: false },
        { namespace: 'loyaltyid', id: 'LOY-77', primary: false }
      ],
      name: { first: 'Jane', last: 'Doe', full: 'Jane Doe' },
      contact: {
        email: 'jane.doe@example.com',
        phone: '+14155550123',
        address: { street: '1 Market St', city: 'San Francisco', region: 'CA', postalCode: '94105', country: 'US' }
      },
      attributes: {
        loyaltyTier: 'Gold',
        loyaltyPoints: 12840,
        customerSince: '2019-03-14',
        preferredLanguage: 'en-US',
        birthDate: null
      },
      insights: {
        lifetimeValue: { value: 4820.5, currency: 'USD' },
        churnPropensity: { score: 0.72, band: 'high' },
        engagementPropensity: { score: 0.41, band: 'medium' },
        scores: [
          {
            id: 'churnPropensity',
            label: { en: 'Churn risk' },
            score: 0.72,
            band: 'high',
            highIs: 'risk',
            source: 'mapping'
          },
          {
            id: 'engagementPropensity',
            label: { en: 'Engagement' },
            score: 0.41,
            band: 'medium',
            highIs: 'opportunity',
            source: 'mapping'
          },
          {
            id: 'customerAI.conversion',
            label: { en: 'Conversion propensity', 'zh-Hant': '轉換傾向' },
            score: 0.88,
            band: 'high',
            highIs: 'opportunity',
            source: 'customer-ai',
            percentile: 90,
            scoredAt: '2025-03-01',
            factors: [
              { name: 'Email opens', value: '5-10', importance: 'high' },
              { name: 'Days since last purchase', value: '0-7', importance: 'medium' }
            ]
          }
        ],
        computed: [{ name: 'lifetimeOrders', value: 14, evaluatedAt: null }],
        reasons: janeReasons(),
        explanations: [
          {
            scoreId: 'churnPropensity',
            code: 'high-risk',
            text: 'Likely to leave: 1 support call and 1 purchase recently.',
            params: { supportCalls: 1, purchases: 1 },
            basis: 'recent-events'
          },
          {
            scoreId: 'customerAI.conversion',
            code: 'high-opportunity',
            text: 'Likely to convert, mainly because of email opens.',
            params: {},
            basis: 'customer-ai'
          }
        ]
      },
      mappedAttributes: [
        {
          id: 'tier',
          path: '_acme.loyalty.status',
          label: { en: 'Status', 'zh-Hant': '狀態' },
          format: 'enum',
          value: 'GLD',
          valueLabel: { en: 'Gold', 'zh-Hant': '金卡' }
        },
        { id: 'vip', path: '_acme.vip', label: { en: 'VIP', 'zh-Hant': '貴賓' }, format: 'boolean', value: true }
      ],
      consents: {
        collect: { status: 'granted', raw: 'y' },
        share: null,
        personalize: null,
        marketing: {
          preferred: 'email',
          email: { status: 'granted', raw: 'y' },
          sms: { status: 'denied', raw: 'n' }
        }
      },
      allAttributes: janeFields(),
      audiences: [
        { id: 'aud-1', name: 'High value customers', status: 'realized', since: '2024-11-02T10:00:00Z' },
        { id: 'aud-2', name: null, status: 'exited', since: '2024-06-30T10:00:00Z' }
      ],
      events: janeEvents()
    },
    meta: {
      sandbox: 'prod',
      mergePolicyId: 'mp-default',
      fetchedAt: new Date().toISOString(),
      timings: { profileMs: 420, eventsMs: 310, totalMs: 510 },
      events: { status: 'available', nextCursor: 'cursor-page-2' },
      cache: { status: 'MISS', ageSeconds: 0 },
      requestId: 'req-jane-1',
      ...overrides.meta
    }
  }
}

export const METADATA = {
  sandbox: 'prod',
  sandboxes: ['prod', 'dev'],
  namespaces: [
    { code: 'Email', name: 'Email', idType: 'EMAIL', custom: false },
    { code: 'Phone', name: 'Phone', idType: 'PHONE', custom: false },
    { code: 'ECID', name: 'Experience Cloud ID', idType: 'ECID', custom: false },
    { code: 'CRMID', name: 'CRM ID', idType: 'CROSS_DEVICE', custom: false },
    { code: 'loyaltyId', name: 'Loyalty ID', idType: 'CROSS_DEVICE', custom: true },
    { code: 'AdCloud', name: 'Adobe Advertising Cloud', idType: 'COOKIE', custom: false }
  ],
  mergePolicies: [{ id: 'mp-default', name: 'Default time-based', isDefault: true }]
}

export function errorBody(code: string, message = 'failed', extra: Partial<ErrorBody['error']> = {}): ErrorBody {
  return { error: { code, message, requestId: 'req-err-1', ...extra } }
}

/** The wrap-up settings of the demo mapping, as the metadata action answers them. */
export const INTERACTIONS = {
  enabled: true,
  topics: [
    { code: 'delivery', label: { en: 'Delivery', 'zh-Hant': '配送' } },
    { code: 'billing', label: { en: 'Billing', 'zh-Hant': '帳單' } },
    { code: 'returns', label: { en: 'Returns and refunds' } }
  ],
  outcomes: [
    { code: 'resolved', label: { en: 'Resolved', 'zh-Hant': '已解決' } },
    { code: 'follow-up', label: { en: 'Follow-up needed', 'zh-Hant': '需要後續追蹤' } },
    { code: 'escalated', label: { en: 'Escalated', 'zh-Hant': '已轉呈' } }
  ],
  sentiments: [
    { code: 'positive', label: { en: 'Positive', 'zh-Hant': '正面' } },
    { code: 'neutral', label: { en: 'Neutral', 'zh-Hant': '中立' } },
    { code: 'negative', label: { en: 'Negative', 'zh-Hant': '負面' } }
  ],
  noteMaxLength: 40,
  fields: ['sentiment', 'note', 'followUpDate'] as Array<'sentiment' | 'note' | 'followUpDate'>
}

export const METADATA_WITH_INTERACTIONS = { ...METADATA, interactions: INTERACTIONS }

/** The 202 of `customer-interactions` for the interaction the form sent. */
export function interactionAccepted(interactionId: string, extra: { noteRedacted?: boolean } = {}) {
  return {
    accepted: true,
    eventId: `cah-${interactionId.replace(/-/g, '').padEnd(32, '0').slice(0, 32)}`,
    interactionId,
    sandbox: 'prod',
    timestamp: new Date().toISOString(),
    noteRedacted: extra.noteRedacted ?? false,
    cacheInvalidated: true,
    requestId: 'req-int-1'
  }
}
