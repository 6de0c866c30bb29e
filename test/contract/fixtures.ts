/** Responses shaped as the actions return them, for the validator's own tests. */
import type { CustomerView, ErrorBody } from '../../actions/lib/view/view-types'
import type { ResponseLike } from './openapi'

export const REQUEST_ID = '5db931d1-a35f-46ae-a3d7-9f6bd9bf2eb6'

export function headers(extra: Record<string, string> = {}): Record<string, string> {
  return { 'Content-Type': 'application/json', 'Cache-Control': 'no-store', 'X-Request-Id': REQUEST_ID, ...extra }
}

export function janeView(): CustomerView {
  return {
    customer: {
      profileId: '3x78mnklyzwYUQl52G4siNh_xiB9',
      identities: [
        { namespace: 'email', id: 'jane.doe@example.com', primary: false },
        { namespace: 'crmid', id: 'CRM-000001', primary: true }
      ],
      name: { first: 'Jane', last: 'Doe', full: 'Jane Doe' },
      contact: {
        email: 'jane.doe@example.com',
        phone: '+14155550123',
        address: {
          street: '1550 Valencia Street, Apt 4',
          city: 'San Francisco',
          region: 'CA',
          postalCode: '94110',
          country: 'US'
        }
      },
      attributes: {
        loyaltyTier: 'gold',
        loyaltyPoints: 28450,
        customerSince: '2019-03-14',
        preferredLanguage: 'en-US',
        birthDate: '1986-07-19'
      },
      mappedAttributes: [
        {
          id: 'tier',
          path: '_demotenant.loyalty.tier',
          label: { en: 'Loyalty tier', 'zh-Hant': '會員等級' },
          format: 'enum',
          value: 'gold',
          valueLabel: { en: 'Gold' }
        },
        {
          id: 'balance',
          path: '_demotenant.wallet.balance',
          label: { en: 'Wallet balance' },
          format: 'money',
          value: { value: 25, currency: 'USD' }
        }
      ],
      consents: {
        collect: { status: 'granted', raw: 'y' },
        share: { status: 'denied', raw: 'n', time: '2025-01-10T09:00:00.000Z' },
        personalize: null,
        marketing: { preferred: 'email', email: { status: 'granted', raw: 'y' }, sms: { status: 'pending', raw: 'p' } }
      },
      insights: {
        lifetimeValue: { value: 4825.6, currency: 'USD' },
        churnPropensity: { score: 0.22, band: 'low' },
        engagementPropensity: { score: 0.81, band: 'high' },
        scores: [
          {
            id: 'churnPropensity',
            label: { en: 'Churn propensity' },
            score: 0.22,
            band: 'low',
            highIs: 'risk',
            source: 'mapping'
          },
          {
            id: 'engagementPropensity',
            label: { en: 'Engagement propensity' },
            score: 0.81,
            band: 'high',
            highIs: 'opportunity',
            source: 'mapping'
          },
          {
            id: 'customerAI.churnModel',
            label: { en: 'churn Model' },
            score: 0.18,
            band: 'low',
            highIs: 'risk',
            source: 'customer-ai',
            percentile: 12,
            scoredAt: '2025-11-27T00:00:00.000Z',
            factors: [{ name: 'daysSinceLastPurchase', value: '2', importance: 'high' }]
          }
        ],
        computed: [{ name: 'totalSpend90d', value: 389.7, evaluatedAt: '2025-11-28T02:00:00.000Z' }],
        reasons: [],
        explanations: []
      },
      audiences: [
        {
          id: '50052637-d7ec-4510-a6ec-15036a302aeb',
          name: 'High-value loyalists',
          status: 'realized',
          since: '2025-11-26T06:00:00.000Z'
        }
      ],
      events: [
        {
          id: 'e4ed375f-a913-4963-b67a-1d244ad82ca7',
          type: 'support-call',
          xdmEventType: 'support.callCompleted',
          source: 'standard',
          timestamp: '2025-11-27T16:40:00.000Z',
          channel: 'phone',
          summary: 'Support call: Delivery delay (9 min)',
          details: { reason: 'Delivery delay', durationSeconds: 540 }
        },
        {
          id: '3c1f0a52-8d47-4e2b-9f6a-0b7e5d4c3a21',
          type: 'purchase',
          xdmEventType: 'commerce.purchases',
          source: 'standard',
          timestamp: '2025-11-26T10:05:00.000Z',
          channel: 'web',
          summary: 'Purchased 2 items — $129.90',
          details: { itemCount: 2, amount: { value: 129.9, currency: 'USD' } }
        }
      ],
      allAttributes: [
        { path: '_demotenant.loyalty.tier', value: 'gold' },
        { path: 'homeAddress.city', value: 'San Francisco' },
        { path: 'person.name.firstName', value: 'Jane' }
      ]
    },
    meta: {
      sandbox: 'prod',
      mergePolicyId: '0f3d8a5e-6b2c-4c8e-9a51-7d0e2b4c1a01',
      fetchedAt: '2025-11-28T18:14:13.177Z',
      timings: { profileMs: 101, eventsMs: 137, audiencesMs: 49, totalMs: 163 },
      events: {
        status: 'available',
        nextCursor: 'eyJzIjoiZjMwYjVkMDQtMDQzNy00MjVmLTg4MDktODYzNjQ1MTBjMjNlIiwiZiI6ImdRVjNTTmZGWjZXR3gyR3IifQ'
      },
      cache: { status: 'MISS', ageSeconds: 0 },
      requestId: REQUEST_ID
    }
  }
}

/** A deep copy of a JSON value, to break one part of a fixture without touching the others. */
export function copy<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T
}

export function ok(body: unknown, extraHeaders: Record<string, string> = {}): ResponseLike {
  return { statusCode: 200, headers: headers(extraHeaders), body }
}

export function failure(statusCode: number, code: string, extra: Partial<ErrorBody['error']> = {}): ResponseLike {
  return {
    statusCode,
    headers: headers(),
    body: { error: { code, message: 'Something a person can act on.', ...extra, requestId: REQUEST_ID } }
  }
}
