import { EMPTY_MAPPING, type InsightRule, type ViewMapping } from '../../../actions/lib/mapping'
import { bandOf, type Insights, readInsights } from '../../../actions/lib/view'
import { readPath } from '../../../actions/lib/xdm'
import { DEMO_MAPPING } from '../fixtures/mapping'

const BANDS = { medium: 0.34, high: 0.67 }
const rule = (over: Partial<InsightRule> & Pick<InsightRule, 'id' | 'path'>): InsightRule => ({
  label: { en: over.id },
  scale: 1,
  bands: BANDS,
  highIs: 'risk',
  ...over
})

describe('readInsights', () => {
  it("reads lifetime value and the mapping's scores, and the former churn and engagement fields from them", () => {
    // Prepare
    const entity = {
      _demotenant: {
        clv: { value: 4321.5, currency: 'EUR' },
        scores: { churnPropensity: 0.8, engagementPropensity: 0.2 }
      }
    }
    // Act
    const insights = readInsights(entity, DEMO_MAPPING)
    // Assess
    expect(insights).toEqual<Insights>({
      lifetimeValue: { value: 4321.5, currency: 'EUR' },
      churnPropensity: { score: 0.8, band: 'high' },
      engagementPropensity: { score: 0.2, band: 'low' },
      scores: [
        {
          id: 'churnPropensity',
          label: { en: 'Churn propensity' },
          score: 0.8,
          band: 'high',
          highIs: 'risk',
          source: 'mapping'
        },
        {
          id: 'engagementPropensity',
          label: { en: 'Engagement propensity' },
          score: 0.2,
          band: 'low',
          highIs: 'opportunity',
          source: 'mapping'
        }
      ],
      computed: [],
      reasons: [],
      explanations: []
    })
  })

  it('reads numeric text and falls back to the default currency when the stored one is not an ISO code', () => {
    // Prepare
    const entity = {
      _demotenant: { clv: { value: ' 99.5 ', currency: 'dollars' }, scores: { churnPropensity: '0.5' } }
    }
    // Act
    const insights = readInsights(entity, { ...DEMO_MAPPING, defaultCurrency: 'EUR' })
    // Assess
    expect([insights.lifetimeValue, insights.churnPropensity, insights.engagementPropensity]).toEqual([
      { value: 99.5, currency: 'EUR' },
      { score: 0.5, band: 'medium' },
      null
    ])
  })

  it('leaves out missing, non-numeric or out-of-range values', () => {
    // Prepare
    const entity = {
      _demotenant: { clv: { value: 'lots' }, scores: { churnPropensity: 1.7, engagementPropensity: -0.1 } }
    }
    // Act
    const insights = readInsights(entity, DEMO_MAPPING)
    // Assess
    expect(insights).toEqual({
      lifetimeValue: null,
      churnPropensity: null,
      engagementPropensity: null,
      scores: [],
      computed: [],
      reasons: [],
      explanations: []
    })
  })

  it("scales 0..100 scores to 0..1 and bands each score at its own rule's bands, in the mapping's order", () => {
    // Prepare
    const mapping: ViewMapping = {
      ...EMPTY_MAPPING,
      insights: [
        rule({ id: 'upsell', path: '_acme.upsell', scale: 100, highIs: 'opportunity' }),
        rule({ id: 'strict', path: '_acme.strict', bands: { medium: 0.1, high: 0.2 } }),
        rule({ id: 'over', path: '_acme.over', scale: 100 })
      ]
    }
    const entity = { _acme: { upsell: 85, strict: 0.25, over: 100.5 } }
    // Act
    const insights = readInsights(entity, mapping)
    // Assess
    expect(insights.scores.map((s) => [s.id, s.score, s.band, s.highIs])).toEqual([
      ['upsell', 0.85, 'high', 'opportunity'],
      ['strict', 0.25, 'high', 'risk']
    ])
  })

  it('adds Customer AI output after the mapped scores, and computed attributes, without any mapping', () => {
    // Prepare
    const entity = {
      _acme: {
        CustomerAI: {
          churnRisk: {
            score: 72,
            percentileScore: 91,
            propensityType: 'churn',
            scoreDate: '2026-11-18',
            influentialFactors: [{ code: 'daysSinceLastPurchase', value: 94, importance: 'high' }]
          },
          upsell: { score: 20, propensityType: 'conversion' }
        },
        SystemComputedAttributes: { visits30d: 4 }
      }
    }
    // Act
    const insights = readInsights(entity, EMPTY_MAPPING)
    // Assess
    expect(insights).toEqual<Insights>({
      lifetimeValue: null,
      churnPropensity: null,
      engagementPropensity: null,
      scores: [
        {
          id: 'customerAI.churnRisk',
          label: { en: 'Churn risk' },
          score: 0.72,
          band: 'high',
          highIs: 'risk',
          source: 'customer-ai',
          percentile: 91,
          scoredAt: '2026-11-18T00:00:00.000Z',
          factors: [{ name: 'daysSinceLastPurchase', value: '94', importance: 'high' }]
        },
        {
          id: 'customerAI.upsell',
          label: { en: 'Upsell' },
          score: 0.2,
          band: 'low',
          highIs: 'opportunity',
          source: 'customer-ai'
        }
      ],
      computed: [{ name: 'visits30d', value: 4, evaluatedAt: null }],
      reasons: [],
      explanations: []
    })
  })

  it('lists Customer AI scores after those of the mapping', () => {
    // Prepare
    const entity = {
      _demotenant: { scores: { churnPropensity: 0.1 } },
      _acme: { CustomerAI: { upsell: { score: 50 } } }
    }
    // Act
    const insights = readInsights(entity, DEMO_MAPPING)
    // Assess
    expect(insights.scores.map((s) => [s.id, s.source])).toEqual([
      ['churnPropensity', 'mapping'],
      ['customerAI.upsell', 'customer-ai']
    ])
  })
})

describe('bandOf', () => {
  it('bands scores at the configured thresholds', () => {
    // Prepare
    const bands = { medium: 0.34, high: 0.67 }
    // Act
    const banded = [0, 0.339, 0.34, 0.669, 0.67, 1].map((s) => bandOf(s, bands))
    // Assess
    expect(banded).toEqual(['low', 'low', 'medium', 'medium', 'high', 'high'])
  })
})

describe('readPath', () => {
  it('follows a dot path through objects only', () => {
    // Prepare
    const source = { a: { b: { c: 1 } }, list: [{ x: 1 }] }
    // Act
    const read = [
      readPath(source, 'a.b.c'),
      readPath(source, 'a.missing.c'),
      readPath(source, 'list.0.x'),
      readPath(null, 'a')
    ]
    // Assess
    expect(read).toEqual([1, undefined, undefined, undefined])
  })
})
