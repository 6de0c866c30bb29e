import type { CallReason, ScoreExplanation } from '../../../actions/lib/view/view-types'
import { createI18n } from '../../../web-src/src/i18n/i18n-context'
import { explanationText, reasonText } from '../../../web-src/src/lib/insight-text'

const en = createI18n('en-US')
const zh = createI18n('zh-Hant')

function reason(code: string, params: CallReason['params'], text = `English: ${code}`): CallReason {
  return { code, purpose: 'service', channel: null, text, params, evidence: [] }
}

function explanation(code: string, basis: ScoreExplanation['basis'], params: ScoreExplanation['params'] = {}) {
  return { scoreId: 's', code, text: `English: ${code}`, params, basis } satisfies ScoreExplanation
}

describe('call reason texts', () => {
  it('says every known reason in both languages from its params', () => {
    // Prepare
    const reasons = [
      reason('recent-support-contact', { topic: 'Late delivery', daysAgo: 1 }),
      reason('recent-order', { amount: 129.9, currency: 'USD', items: 2, daysAgo: 0 }),
      reason('abandoned-cart', { products: 'Didi Sport Watch' }),
      reason('email-opened-today', { campaign: 'Spring Sale' }),
      reason('high-churn-risk', { label: 'Churn risk', percentile: 92 }),
      reason('audience-exit', { audience: 'Gold members' })
    ]

    // Act
    const lines = reasons.map((r) => [reasonText(r, en), reasonText(r, zh)])

    // Assess
    expect(lines).toEqual([
      ['Contacted support about “Late delivery” yesterday', '昨天曾就「Late delivery」聯絡客服'],
      ['Ordered 2 items for $129.90 today', '今天訂購了 2 件商品，金額 US$129.90'],
      ['Left Didi Sport Watch in the cart', '購物車中留有 Didi Sport Watch'],
      ['Opened the email “Spring Sale” today', '今天開啟了電子郵件「Spring Sale」'],
      [
        'Churn risk is high (higher than 92% of customers): the customer may be about to leave',
        'Churn risk偏高（高於 92% 的客戶）：客戶可能即將流失'
      ],
      ['Recently left the audience “Gold members”', '最近離開了受眾「Gold members」']
    ])
  })

  it('shows the action’s own line for an unknown code or params it cannot use', () => {
    // Prepare
    const odd = [reason('acme-vip', {}, 'VIP callback'), reason('recent-order', { items: 2 }, 'Ordered recently')]

    // Act
    const lines = odd.map((r) => reasonText(r, zh))

    // Assess
    expect(lines).toEqual(['VIP callback', 'Ordered recently'])
  })
})

describe('score explanation texts', () => {
  it('names the recent support calls and purchases, or Customer AI’s factors', () => {
    // Prepare
    const recent = explanation('high-risk', 'recent-events', { supportCalls: 2, purchases: 1 })
    const ai = explanation('high-opportunity', 'customer-ai')
    const factors = [
      { name: 'Email opens', value: '5-10', importance: 'high' as const },
      { name: 'Web visits', value: null, importance: null }
    ]
    const score = {
      id: 's',
      label: { en: 'x' },
      score: 0.9,
      band: 'high' as const,
      highIs: 'opportunity' as const,
      source: 'customer-ai' as const,
      factors
    }

    // Act
    const lines = [
      explanationText(recent, undefined, en),
      explanationText(ai, score, en),
      explanationText(explanation('low-risk', 'recent-events'), undefined, zh),
      explanationText(recent, undefined, zh)
    ]

    // Assess
    expect(lines).toEqual([
      'Likely to stop buying soon, given 2 support calls and 1 purchase recently.',
      'Very likely to respond to an offer, mainly because of Email opens and Web visits.',
      '不太可能停止購買。',
      '很可能即將停止購買，因為近期有2 通客服電話和1 次購買。'
    ])
  })

  it('falls back to the action’s text for a code it does not know', () => {
    // Act
    const line = explanationText(explanation('very-odd', 'recent-events'), undefined, zh)

    // Assess
    expect(line).toBe('English: very-odd')
  })
})
