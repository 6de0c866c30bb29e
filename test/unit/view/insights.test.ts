import { DEFAULT_INSIGHT_MAP, type InsightFieldMap } from '../../../actions/lib/config'
import { bandOf, readInsights, readPath } from '../../../actions/lib/view'

describe('readInsights', () => {
  it('reads lifetime value and scores through the configured tenant paths', () => {
    // Prepare
    const map: InsightFieldMap = {
      ...DEFAULT_INSIGHT_MAP,
      lifetimeValue: '_acme.model.clv',
      churnPropensity: '_acme.model.churn'
    }
    const entity = {
      _acme: { model: { clv: 1234.5, churn: 0.8 } },
      _demotenant: { clv: { currency: 'EUR' }, scores: { engagementPropensity: 0.2 } }
    }
    // Act
    const insights = readInsights(entity, map)
    // Assess
    expect(insights).toEqual({
      lifetimeValue: { value: 1234.5, currency: 'EUR' },
      churnPropensity: { score: 0.8, band: 'high' },
      engagementPropensity: { score: 0.2, band: 'low' }
    })
  })

  it('reads numeric text and falls back to the default currency when the mapped one is not an ISO code', () => {
    // Prepare
    const entity = {
      _demotenant: { clv: { value: ' 99.5 ', currency: 'dollars' }, scores: { churnPropensity: '0.5' } }
    }
    // Act
    const insights = readInsights(entity, { ...DEFAULT_INSIGHT_MAP, defaultCurrency: 'EUR' })
    // Assess
    expect(insights).toEqual({
      lifetimeValue: { value: 99.5, currency: 'EUR' },
      churnPropensity: { score: 0.5, band: 'medium' },
      engagementPropensity: null
    })
  })

  it('returns null for missing, non-numeric or out-of-range values', () => {
    // Prepare
    const entity = {
      _demotenant: { clv: { value: 'lots' }, scores: { churnPropensity: 1.7, engagementPropensity: -0.1 } }
    }
    // Act
    const insights = readInsights(entity, DEFAULT_INSIGHT_MAP)
    // Assess
    expect(insights).toEqual({ lifetimeValue: null, churnPropensity: null, engagementPropensity: null })
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
