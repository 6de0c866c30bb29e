import { bandOf, readInsights } from '../../../actions/lib/view/insights'
import { DEFAULT_INSIGHT_MAP, parseInsightMap } from '../../../actions/lib/config/insight-map'

describe('insights', () => {
  it('reads lifetime value and scores through the configured tenant paths', () => {
    const map = parseInsightMap('{"lifetimeValue":"_acme.model.clv","churnPropensity":"_acme.model.churn"}')
    const entity = { _acme: { model: { clv: 1234.5, churn: 0.8 } }, _demotenant: { clv: { currency: 'EUR' }, scores: { engagementPropensity: 0.2 } } }
    expect(readInsights(entity, map)).toEqual({
      lifetimeValue: { value: 1234.5, currency: 'EUR' },
      churnPropensity: { score: 0.8, band: 'high' },
      engagementPropensity: { score: 0.2, band: 'low' }
    })
  })

  it('returns null for missing, non-numeric or out-of-range values', () => {
    const entity = { _demotenant: { clv: { value: 'lots' }, scores: { churnPropensity: 1.7 } } }
    expect(readInsights(entity, DEFAULT_INSIGHT_MAP)).toEqual({ lifetimeValue: null, churnPropensity: null, engagementPropensity: null })
  })

  it('bands scores at the configured thresholds', () => {
    const bands = { medium: 0.34, high: 0.67 }
    expect([0, 0.339, 0.34, 0.669, 0.67, 1].map((s) => bandOf(s, bands))).toEqual(['low', 'low', 'medium', 'medium', 'high', 'high'])
  })

  it.each([
    ['not json', 'must be a JSON object'],
    ['[]', 'must be a JSON object'],
    ['{"churnPropensity":"a..b"}', 'churnPropensity must be a dot path'],
    ['{"bands":{"medium":0.8,"high":0.5}}', 'bands must be'],
    ['{"defaultCurrency":"dollars"}', 'defaultCurrency must be']
  ])('rejects the mapping %s', (json, message) => {
    expect(() => parseInsightMap(json)).toThrow(message)
  })
})
