import { screen, within } from '@testing-library/react'
import type { Insights, ScoreInsight } from '../../../actions/lib/view/view-types'
import { InsightTiles } from '../../../web-src/src/components/insight-tiles'
import { renderUi } from '../support/render-ui'

const CHURN: ScoreInsight = {
  id: 'churnPropensity',
  label: { en: 'Churn' },
  score: 0.72,
  band: 'high',
  highIs: 'risk',
  source: 'mapping'
}

const UPSELL: ScoreInsight = {
  id: 'upsell',
  label: { en: 'Upsell potential', 'zh-Hant': '加購潛力' },
  score: 0.35,
  band: 'low',
  highIs: 'opportunity',
  source: 'mapping'
}

const CONVERSION: ScoreInsight = {
  id: 'customerAI.conversion',
  label: { en: 'Conversion propensity' },
  score: 0.88,
  band: 'high',
  highIs: 'opportunity',
  source: 'customer-ai',
  percentile: 90,
  scoredAt: '2025-03-01',
  factors: [
    { name: 'Email opens', value: '5-10', importance: 'high' },
    { name: 'Days since last purchase', value: '0-7', importance: 'medium' },
    { name: 'Web visits', value: null, importance: null },
    { name: 'Fourth factor', value: 'x', importance: 'low' }
  ]
}

function insights(over: Partial<Insights> = {}): Insights {
  return {
    lifetimeValue: { value: 4820.5, currency: 'USD' },
    churnPropensity: { score: 0.2, band: 'low' },
    engagementPropensity: { score: 0.9, band: 'high' },
    scores: [CHURN, UPSELL, CONVERSION],
    computed: [],
    reasons: [],
    explanations: [],
    ...over
  }
}

describe('score insights', () => {
  it('renders every score the view carries, in order, with its band in words', () => {
    // Act
    renderUi(<InsightTiles insights={insights()} />)

    // Assess
    const tiles = screen.getAllByRole('listitem').filter((li) => li.hasAttribute('data-score-id'))
    expect(tiles.map((t) => t.getAttribute('data-score-id'))).toEqual([
      'churnPropensity',
      'upsell',
      'customerAI.conversion'
    ])
    expect(screen.getByTestId('insight-churn').textContent).toBe('Churn risk72%High')
    expect(tiles[1]?.textContent).toBe('Upsell potential35%Low')
    expect(tiles[1]?.querySelector('[data-band="low"] svg')).not.toBeNull()
  })

  it('shows Customer AI’s percentile, scoring date and top three factors', () => {
    // Act
    renderUi(<InsightTiles insights={insights()} />)

    // Assess
    const tile = screen.getAllByTestId('insight-score').find((t) => t.dataset.scoreId === 'customerAI.conversion')
    if (!tile) throw new Error('no Customer AI tile')
    expect(within(tile).getByTestId('score-percentile').textContent).toBe('Top 10% of customers')
    expect(tile.textContent).toContain('Customer AI · Scored Mar 1, 2025')
    expect(
      within(within(tile).getByTestId('score-factors'))
        .getAllByRole('listitem')
        .map((li) => li.textContent)
    ).toEqual(['Email opens: 5-10', 'Days since last purchase: 0-7', 'Web visits'])
  })

  it('speaks zh-Hant: the admin’s label, band and percentile', () => {
    // Act
    renderUi(<InsightTiles insights={insights()} />, 'zh-Hant')

    // Assess
    const [, upsell, conversion] = screen.getAllByRole('listitem').filter((li) => li.hasAttribute('data-score-id'))
    expect(upsell?.textContent).toBe('加購潛力35%低')
    expect(screen.getByTestId('insight-churn').textContent).toBe('流失風險72%高')
    expect(conversion?.textContent).toContain('前 10% 的客戶')
    expect(conversion?.textContent).toContain('評分日期：2025年3月1日')
  })

  it('falls back to the churn and engagement fields when the view has no scores list', () => {
    // Act
    renderUi(<InsightTiles insights={insights({ scores: [] })} />)

    // Assess
    expect(screen.getByTestId('insight-churn').textContent).toBe('Churn risk20%Low')
    expect(screen.getByTestId('insight-engagement').textContent).toBe('Engagement90%High')
    expect(screen.queryAllByTestId('insight-score')).toEqual([])
  })

  it('lists computed attributes with formatted values', () => {
    // Prepare
    const computed = [
      { name: 'lifetimeOrders', value: 1284, evaluatedAt: null },
      { name: 'lastPurchaseDate', value: '2025-02-14', evaluatedAt: null },
      { name: 'isRepeatBuyer', value: true, evaluatedAt: null },
      { name: 'favouriteCategory', value: 'Running', evaluatedAt: null }
    ]

    // Act
    renderUi(<InsightTiles insights={insights({ computed })} />)

    // Assess
    const list = within(screen.getByTestId('computed-attributes'))
    expect(list.getByRole('heading', { name: 'Computed attributes' })).toBeTruthy()
    expect(list.getAllByRole('definition').map((dd) => dd.textContent)).toEqual([
      '1,284',
      'Feb 14, 2025',
      'Yes',
      'Running'
    ])
  })
})
