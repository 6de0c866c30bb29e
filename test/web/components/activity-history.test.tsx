import { act, fireEvent, screen } from '@testing-library/react'
import { isoAgo, janeDoe } from '../support/fixtures'
import { renderApp, typeAndEnter } from '../support/render-app'

const DAY = 24 * 3600 * 1000

const olderPurchase = {
  id: 'ev-old',
  type: 'purchase' as const,
  source: 'standard' as const,
  xdmEventType: 'commerce.purchases',
  timestamp: isoAgo(200 * DAY),
  channel: 'store',
  summary: 'Purchased',
  details: { itemCount: 1, amount: { value: 70.1, currency: 'USD' } }
}

describe('the 12-month chart and the events it needs', () => {
  it('reads one more events page of 100 for the chart, and "load more" then shows it without asking again', async () => {
    // Prepare
    const { fetch } = renderApp({
      routes: {
        'customer-profile': () => ({ body: janeDoe() }),
        'customer-events': () => ({ body: { events: [olderPurchase], nextCursor: 'cursor-page-3' } })
      }
    })
    await typeAndEnter('jane.doe@example.com')
    await screen.findByTestId('result-heading')
    await screen.findByText(/^Only activity since/)

    // Act
    await act(async () => {
      fireEvent.click(screen.getByTestId('load-more'))
    })

    // Assess
    const calls = fetch.callsTo('customer-events')
    expect(calls.map((c) => [c.url.searchParams.get('cursor'), c.url.searchParams.get('limit')])).toEqual([
      ['cursor-page-2', '100']
    ])
    expect(screen.getByTestId('activity-chart').querySelector('desc')?.textContent).toMatch(/total \$200\.00\./)
    const items = screen.getAllByTestId('event-item')
    expect(items).toHaveLength(5)
    expect(document.activeElement).toBe(items[4])
  })

  it('does not ask for more when the events already reach back a year', async () => {
    // Prepare
    const view = janeDoe()
    view.customer.events.push({ ...olderPurchase, timestamp: isoAgo(400 * DAY) })
    const { fetch } = renderApp({ routes: { 'customer-profile': () => ({ body: view }) } })

    // Act
    await typeAndEnter('jane.doe@example.com')
    await screen.findByTestId('activity-chart')

    // Assess
    expect(fetch.callsTo('customer-events')).toEqual([])
    expect(screen.getByTestId('activity-chart').querySelector('desc')?.textContent).toContain('total $129.90.')
  })

  it('draws what it has and says so when the older page fails', async () => {
    // Prepare
    renderApp({
      routes: {
        'customer-profile': () => ({ body: janeDoe() }),
        'customer-events': () => ({ status: 504, body: { error: { code: 'UPSTREAM_TIMEOUT', message: 'x' } } })
      }
    })

    // Act
    await typeAndEnter('jane.doe@example.com')

    // Assess
    expect(await screen.findByText(/^Older activity could not be loaded/)).toBeTruthy()
    expect(screen.getByTestId('activity-chart').querySelector('desc')?.textContent).toContain('total $129.90.')
    expect(screen.queryByTestId('load-more-error')).toBeNull()
  })
})
