/**
 * Computed attributes and Customer AI output as the code reads them today. The exact Customer AI
 * keys are still being verified against Adobe's output schema: adjust the profiles here if they change.
 */
import { type CustomerAiScore, readComputedAttributes, readCustomerAi } from '../../../actions/lib/xdm'

describe('readComputedAttributes', () => {
  it('reads each computed attribute of the tenant field group, as an object with a value or a bare value', () => {
    // Prepare
    const entity = {
      _acme: {
        SystemComputedAttributes: {
          totalSpend90d: { value: 129.9, lastEvaluatedTime: '2026-11-19T02:00:00Z' },
          lastPurchaseChannel: { value: ' web\n', evaluatedAt: 1763517600000 },
          isRepeatBuyer: true,
          visits30d: 4
        }
      }
    }
    // Act
    const computed = readComputedAttributes(entity)
    // Assess
    expect(computed).toEqual([
      { name: 'totalSpend90d', value: 129.9, evaluatedAt: '2026-11-19T02:00:00.000Z' },
      { name: 'lastPurchaseChannel', value: 'web', evaluatedAt: '2025-11-19T02:00:00.000Z' },
      { name: 'isRepeatBuyer', value: true, evaluatedAt: null },
      { name: 'visits30d', value: 4, evaluatedAt: null }
    ])
  })

  it('leaves out values that are not finite numbers, booleans or text, and names that are not field names', () => {
    // Prepare
    const entity = {
      _acme: {
        SystemComputedAttributes: {
          infinite: Number.POSITIVE_INFINITY,
          notANumber: { value: Number.NaN },
          blank: { value: ' \u0000 ' },
          list: ['a'],
          nested: { value: { a: 1 } },
          missing: {},
          'bad/name': 1,
          kept: { value: 'x'.repeat(500), lastEvaluatedTime: 'not a time' }
        }
      }
    }
    // Act
    const computed = readComputedAttributes(entity)
    // Assess
    expect(computed).toEqual([{ name: 'kept', value: 'x'.repeat(120), evaluatedAt: null }])
  })

  it('reads every tenant, and at most 20 attributes in all', () => {
    // Prepare
    const group = (prefix: string) => Object.fromEntries(Array.from({ length: 15 }, (_, i) => [`${prefix}${i}`, i]))
    const entity = {
      _acme: { SystemComputedAttributes: group('a') },
      _beta: { SystemComputedAttributes: group('b') },
      SystemComputedAttributes: { outside: 1 }
    }
    // Act
    const computed = readComputedAttributes(entity)
    // Assess
    expect(computed.map((c) => c.name)).toEqual([
      ...Array.from({ length: 15 }, (_, i) => `a${i}`),
      ...Array.from({ length: 5 }, (_, i) => `b${i}`)
    ])
  })

  it('does not throw on a timestamp out of the range of dates', () => {
    // Prepare
    const entity = { _acme: { SystemComputedAttributes: { spend: { value: 1, lastEvaluatedTime: 1e20 } } } }
    // Act
    const computed = readComputedAttributes(entity)
    // Assess
    expect(computed).toEqual([{ name: 'spend', value: 1, evaluatedAt: null }])
  })

  it.each([
    ['no profile', null],
    ['a list', [{ _acme: {} }]],
    ['a tenant that is not an object', { _acme: 'x' }],
    ['a field group that is not an object', { _acme: { SystemComputedAttributes: [1, 2] } }]
  ])('is empty for %s', (_, entity) => {
    // Act
    const computed = readComputedAttributes(entity)
    // Assess
    expect(computed).toEqual([])
  })
})

describe('readCustomerAi', () => {
  it('reads a model: score, percentile, propensity type, score date and factors', () => {
    // Prepare
    const entity = {
      _acme: {
        CustomerAI: {
          churnModel_v2: {
            score: 72,
            percentileScore: 91,
            propensityType: 'CHURN',
            scoreDate: '2026-11-18',
            influentialFactors: [
              { code: 'daysSinceLastPurchase', value: 94, importance: 'High' },
              { name: 'emailOpens30d', value: '0', importance: 'medium' },
              { code: 'loyaltyTier', importance: 'decisive' }
            ]
          }
        }
      }
    }
    // Act
    const scores = readCustomerAi(entity)
    // Assess
    expect(scores).toEqual<CustomerAiScore[]>([
      {
        model: 'churnModel_v2',
        name: 'Churn model v2',
        score: 72,
        percentile: 91,
        propensityType: 'churn',
        scoredAt: '2026-11-18T00:00:00.000Z',
        factors: [
          { name: 'daysSinceLastPurchase', value: '94', importance: 'high' },
          { name: 'emailOpens30d', value: '0', importance: 'medium' },
          { name: 'loyaltyTier', value: null, importance: null }
        ]
      }
    ])
  })

  it('reads the alternative keys: customerAI, percentile, scoringDate, and a score as numeric text', () => {
    // Prepare
    const entity = {
      _acme: { customerAI: { upsell: { score: '40.5', percentile: 12, propensityType: 'conversion', scoringDate: 0 } } }
    }
    // Act
    const scores = readCustomerAi(entity)
    // Assess
    expect(scores).toEqual([
      {
        model: 'upsell',
        name: 'Upsell',
        score: 40.5,
        percentile: 12,
        propensityType: 'conversion',
        scoredAt: '1970-01-01T00:00:00.000Z',
        factors: []
      }
    ])
  })

  it.each([
    ['a score above 100', { score: 100.5 }],
    ['a negative score', { score: -1 }],
    ['a score that is not a number', { score: 'high' }],
    ['no score', { percentileScore: 50 }]
  ])('leaves out a model with %s', (_, model) => {
    // Act
    const scores = readCustomerAi({ _acme: { CustomerAI: { m: model } } })
    // Assess
    expect(scores).toEqual([])
  })

  it('keeps the score of a model whose other fields are out of range or unknown', () => {
    // Prepare
    const model = {
      score: 0,
      percentileScore: 101,
      propensityType: 'upsell',
      scoreDate: 'soon',
      influentialFactors: 'x'
    }
    // Act
    const scores = readCustomerAi({ _acme: { CustomerAI: { m: model } } })
    // Assess
    expect(scores).toEqual([{ model: 'm', name: 'M', score: 0, factors: [] }])
  })

  it('keeps the first 5 named factors, skipping unnamed ones, with bounded text', () => {
    // Prepare
    const influentialFactors = [
      { code: 'a', value: 'v'.repeat(200) },
      'not a factor',
      { value: 'no name' },
      { code: 'b\u0000c', value: { nested: true } },
      { code: 'd', value: false },
      { code: 'e' },
      { code: 'f' },
      { code: 'g' }
    ]
    // Act
    const scores = readCustomerAi({ _acme: { CustomerAI: { m: { score: 50, influentialFactors } } } })
    // Assess
    expect(scores[0]?.factors).toEqual([
      { name: 'a', value: 'v'.repeat(80), importance: null },
      { name: 'b c', value: null, importance: null },
      { name: 'd', value: 'false', importance: null },
      { name: 'e', value: null, importance: null },
      { name: 'f', value: null, importance: null }
    ])
  })

  it('does not throw on a score date out of the range of dates', () => {
    // Act
    const scores = readCustomerAi({ _acme: { CustomerAI: { m: { score: 50, scoreDate: 1e20 } } } })
    // Assess
    expect(scores).toEqual([{ model: 'm', name: 'M', score: 50, factors: [] }])
  })

  it('leaves out models whose key is not a field name, and outputs that are not objects', () => {
    // Act
    const scores = readCustomerAi({
      _acme: { CustomerAI: { 'bad/model': { score: 1 }, flat: 50, list: [{ score: 1 }] } }
    })
    // Assess
    expect(scores).toEqual([])
  })
})

describe('readCustomerAi model names', () => {
  it.each([
    ['churn90Days', 'Churn 90 days'],
    ['purchase_propensity', 'Purchase propensity'],
    ['churnModelV2', 'Churn model v2']
  ])('names the model %s "%s"', (model, name) => {
    // Act
    const scores = readCustomerAi({ _acme: { CustomerAI: { [model]: { score: 10 } } } })
    // Assess
    expect(scores[0]?.name).toBe(name)
  })
})
