import { DEFAULT_INSIGHT_MAP, parseInsightMap } from '../../../actions/lib/config'

describe('parseInsightMap', () => {
  it('is the default mapping when INSIGHT_FIELD_MAP is unset', () => {
    // Act
    const map = parseInsightMap(undefined)
    // Assess
    expect(map).toEqual({
      lifetimeValue: '_demotenant.clv.value',
      lifetimeValueCurrency: '_demotenant.clv.currency',
      churnPropensity: '_demotenant.scores.churnPropensity',
      engagementPropensity: '_demotenant.scores.engagementPropensity',
      bands: { medium: 0.34, high: 0.67 },
      defaultCurrency: 'USD'
    })
  })

  it('overrides only the keys it names and keeps the defaults for the rest', () => {
    // Prepare
    const json =
      '{"lifetimeValue":"_acme.model.clv","churnPropensity":"_acme.model.churn","bands":{"high":0.9},"defaultCurrency":"EUR"}'
    // Act
    const map = parseInsightMap(json)
    // Assess
    expect(map).toEqual({
      ...DEFAULT_INSIGHT_MAP,
      lifetimeValue: '_acme.model.clv',
      churnPropensity: '_acme.model.churn',
      bands: { medium: 0.34, high: 0.9 },
      defaultCurrency: 'EUR'
    })
  })

  it('never changes the shared default mapping', () => {
    // Prepare
    const before = JSON.stringify(DEFAULT_INSIGHT_MAP)
    // Act
    parseInsightMap('{"bands":{"medium":0.1,"high":0.2},"lifetimeValue":"_x.y"}')
    // Assess
    expect(JSON.stringify(DEFAULT_INSIGHT_MAP)).toBe(before)
  })

  it.each([
    ['not json', 'must be a JSON object'],
    ['[]', 'must be a JSON object'],
    ['null', 'must be a JSON object'],
    ['{"churnPropensity":"a..b"}', 'churnPropensity must be a dot path such as _tenant.scores.churn'],
    ['{"lifetimeValue":42}', 'lifetimeValue must be a dot path such as _tenant.scores.churn'],
    ['{"bands":{"medium":0.8,"high":0.5}}', 'bands must be {"medium": m, "high": h} with 0 < m < h < 1'],
    ['{"bands":{"medium":"0.2"}}', 'bands must be {"medium": m, "high": h} with 0 < m < h < 1'],
    ['{"defaultCurrency":"dollars"}', 'defaultCurrency must be an ISO 4217 code']
  ])('rejects the mapping %s', (json, message) => {
    // Act
    const act = (): unknown => parseInsightMap(json)
    // Assess
    expect(act).toThrow(new Error(message))
  })
})
