import { screen } from '@testing-library/react'
import type { CustomerEvent } from '../../../actions/lib/view/view-types'
import { ActivityChart } from '../../../web-src/src/components/activity-chart'
import { renderUi } from '../support/render-ui'

const NOW = Date.parse('2026-11-15T12:00:00Z')

function ev(
  id: string,
  type: CustomerEvent['type'],
  timestamp: string,
  extra: Partial<CustomerEvent> = {}
): CustomerEvent {
  return {
    id,
    type,
    xdmEventType: '',
    source: 'standard',
    timestamp,
    channel: null,
    summary: '',
    details: {},
    ...extra
  }
}

const EVENTS: CustomerEvent[] = [
  ev('p1', 'purchase', '2026-11-02T08:00:00Z', { details: { amount: { value: 1000, currency: 'USD' } } }),
  ev('p2', 'purchase', '2026-03-10T08:00:00Z', { details: { amount: { value: 234, currency: 'USD' } } }),
  ev('c1', 'support-call', '2026-10-01T00:00:00Z', { channel: 'phone' }),
  ev('c2', 'support-call', '2026-09-01T00:00:00Z', { channel: 'phone' }),
  ...[1, 2, 3, 4, 5].map((n) => ev(`m${n}`, 'message-send', `2026-08-0${n}T00:00:00Z`, { channel: 'email' }))
]

describe('activity chart (last 12 months)', () => {
  it('is a focusable image whose description states every figure', () => {
    // Act
    renderUi(<ActivityChart events={EVENTS} history="complete" now={NOW} />)

    // Assess
    const chart = screen.getByRole('img', { name: 'Last 12 months' })
    expect(chart).toBe(screen.getByTestId('activity-chart'))
    expect(chart.getAttribute('tabindex')).toBe('0')
    expect(chart.querySelector('desc')?.textContent).toBe(
      'Spend per month, Dec 2025 to Nov 2026: Mar 2026 $234.00, Nov 2026 $1,000.00; total $1,234.00. ' +
        'Contacts: email 5, phone 2.'
    )
    const bars = [...chart.querySelectorAll('[data-month]')].map((g) => [
      g.getAttribute('data-month'),
      g.getAttribute('data-value')
    ])
    expect(bars).toHaveLength(12)
    expect(bars[3]).toEqual(['2026-03', '234'])
    expect([...chart.querySelectorAll('[data-channel]')].map((g) => g.getAttribute('data-count'))).toEqual(['5', '2'])
  })

  it('labels months and figures in zh-Hant', () => {
    // Act
    renderUi(<ActivityChart events={EVENTS} history="complete" now={NOW} />, 'zh-Hant')

    // Assess
    const desc = screen.getByTestId('activity-chart').querySelector('desc')?.textContent
    expect(desc).toBe(
      '每月消費，2025年12月至2026年11月：2026年3月：US$234.00、2026年11月：US$1,000.00；總計 US$1,234.00。' +
        '聯絡次數：電子郵件 5 次、電話 2 次。'
    )
    expect(screen.getByRole('img', { name: '過去 12 個月' })).toBeTruthy()
  })

  it('says there is nothing to draw when no purchase or contact falls in the window', () => {
    // Prepare
    const old = [ev('p0', 'purchase', '2024-01-01T00:00:00Z', { details: { amount: { value: 9, currency: 'USD' } } })]

    // Act
    renderUi(<ActivityChart events={old} history="complete" now={NOW} />)

    // Assess
    expect(screen.queryByTestId('activity-chart')).toBeNull()
    expect(screen.getByTestId('activity-chart-empty').textContent).toBe(
      'No purchases or contacts in the last 12 months.'
    )
  })

  it('tells the agent when older activity is loading or could not be loaded', () => {
    // Act
    const { rerender } = renderUi(<ActivityChart events={EVENTS} history="loading" now={NOW} />)
    const loading = screen.getByRole('status').textContent
    rerender(<ActivityChart events={EVENTS} history="failed" now={NOW} />)

    // Assess
    expect(loading).toBe('Loading older activity for the chart…')
    expect(screen.getByText(/^Older activity could not be loaded/)).toBeTruthy()
  })
})
