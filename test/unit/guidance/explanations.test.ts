/** Score explanations: from Customer AI's factors, or from the band and the recent events. */
import { scoreExplanations } from '../../../actions/lib/guidance'
import type { ScoreExplanation, ScoreInsight } from '../../../actions/lib/view'
import { customer, ev, HIGH_CHURN } from '../fixtures/guidance'

const ENGAGEMENT: ScoreInsight = {
  id: 'engagementPropensity',
  label: { en: 'Engagement' },
  score: 0.5,
  band: 'medium',
  highIs: 'opportunity',
  source: 'mapping'
}

describe('scoreExplanations', () => {
  it('explains a Customer AI score by its band, percentile and influential factors', () => {
    // Act
    const explanations = scoreExplanations(customer({ scores: [HIGH_CHURN] }))
    // Assess
    expect(explanations).toEqual<ScoreExplanation[]>([
      {
        scoreId: 'customerAI.churn90Days',
        code: 'high-risk',
        text: 'Churn 90 days: high risk, top 10 % of customers; main factors: support calls 30 days (2), visits decline',
        params: {
          label: 'Churn 90 days',
          band: 'high',
          percentile: 90,
          factors: 'support calls 30 days (2), visits decline'
        },
        basis: 'customer-ai'
      }
    ])
  })

  it('explains a score without factors by its band and the support calls and purchases among the events', () => {
    // Prepare
    const events = [
      ev('call-1', 'support-call', 2),
      ev('call-2', 'support-call', 50),
      ev('order', 'purchase', 80),
      ev('visit', 'web-visit', 3)
    ]
    const noFactors: ScoreInsight = { ...HIGH_CHURN, factors: undefined }
    // Act
    const explanations = scoreExplanations(customer({ events, scores: [ENGAGEMENT, noFactors] }))
    // Assess: same order as the scores; the Customer AI score without factors falls back too.
    expect(explanations).toEqual<ScoreExplanation[]>([
      {
        scoreId: 'engagementPropensity',
        code: 'medium-opportunity',
        text: 'Engagement: medium opportunity; recent events: one purchase, two support contacts',
        params: { label: 'Engagement', band: 'medium', supportCalls: 2, purchases: 1 },
        basis: 'recent-events'
      },
      {
        scoreId: 'customerAI.churn90Days',
        code: 'high-risk',
        text: 'Churn 90 days: high risk, top 10 % of customers; recent events: one purchase, two support contacts',
        params: { label: 'Churn 90 days', band: 'high', percentile: 90, supportCalls: 2, purchases: 1 },
        basis: 'recent-events'
      }
    ])
  })

  it('says so when the events show no purchase or support contact, and never gives the bare number', () => {
    // Act
    const [explanation] = scoreExplanations(customer({ scores: [ENGAGEMENT] }))
    // Assess
    expect(explanation?.text).toBe(
      'Engagement: medium opportunity; no purchases or support contacts among the recent events'
    )
    expect(explanation?.text).not.toContain('0.5')
  })
})
