import { act, fireEvent, screen } from '@testing-library/react'
import { deferred } from '../support/deferred'
import type { Reply } from '../support/fake-fetch'
import { errorBody, isoAgo, janeDoe } from '../support/fixtures'
import { renderApp, typeAndEnter } from '../support/render-app'

const olderEvent = {
  id: 'ev-9',
  type: 'email-click' as const,
  source: 'standard' as const,
  xdmEventType: 'directMarketing.emailClicked',
  timestamp: isoAgo(40 * 24 * 3600 * 1000),
  channel: 'email',
  summary: 'Clicked',
  details: { campaign: 'Winter' }
}

describe('events paging', () => {
  it('loads more events with the cursor and moves focus to the first new one', async () => {
    const { fetch } = renderApp({
      routes: {
        'customer-profile': () => ({ body: janeDoe() }),
        'customer-events': () => ({ body: { events: [olderEvent], nextCursor: null } })
      }
    })
    await typeAndEnter('jane.doe@example.com')
    await screen.findByTestId('result-heading')

    await act(async () => {
      fireEvent.click(screen.getByTestId('load-more'))
    })

    const items = await screen.findAllByTestId('event-item')
    expect(items).toHaveLength(5)
    expect(items[4]?.textContent).toContain('Clicked email “Winter”')
    expect(items[4]?.textContent).toContain('last month')
    expect(document.activeElement).toBe(items[4])
    const call = fetch.callsTo('customer-events')[0]
    expect(call?.url.searchParams.get('cursor')).toBe('cursor-page-2')
    expect(call?.url.searchParams.get('id')).toBe('jane.doe@example.com')
    expect(screen.queryByTestId('load-more')).toBeNull()
    expect(screen.getByText('That is all the activity on record.')).toBeTruthy()
  })

  it('keeps the events shown and offers a retry when loading more fails', async () => {
    renderApp({
      routes: {
        'customer-profile': () => ({ body: janeDoe() }),
        'customer-events': () => ({ status: 504, body: errorBody('UPSTREAM_TIMEOUT') })
      }
    })
    await typeAndEnter('jane.doe@example.com')
    await screen.findByTestId('result-heading')

    await act(async () => {
      fireEvent.click(screen.getByTestId('load-more'))
    })

    expect((await screen.findByTestId('load-more-error')).textContent).toContain(
      'More activity could not be loaded: AEP took too long'
    )
    expect(screen.getAllByTestId('event-item')).toHaveLength(4)
    expect(screen.getByTestId('load-more')).toBeTruthy()
  })
})

describe('refresh', () => {
  it('reads AEP again past the cache and shows the new age', async () => {
    let calls = 0
    const { fetch } = renderApp({
      routes: {
        'customer-profile': () =>
          ++calls === 1
            ? { body: janeDoe({ meta: { cache: { status: 'HIT', ageSeconds: 240 } } }) }
            : { body: janeDoe({ meta: { cache: { status: 'BYPASS', ageSeconds: 0 } } }) }
      }
    })
    await typeAndEnter('jane.doe@example.com')
    expect((await screen.findByTestId('cache-age')).textContent).toBe('Saved copy, 4 minutes ago')

    await act(async () => {
      fireEvent.click(screen.getByTestId('refresh'))
    })

    expect(screen.getByTestId('cache-age').textContent).toBe('Read from AEP just now')
    expect(fetch.callsTo('customer-profile').map((c) => c.url.searchParams.get('refresh'))).toEqual([null, 'true'])
  })

  it('keeps the profile on screen while refreshing and when the refresh fails', async () => {
    const second = deferred<Reply>()
    let calls = 0
    renderApp({ routes: { 'customer-profile': () => (++calls === 1 ? { body: janeDoe() } : second.promise) } })
    await typeAndEnter('jane.doe@example.com')
    await screen.findByTestId('result-heading')

    await act(async () => {
      fireEvent.click(screen.getByTestId('refresh'))
    })
    expect(screen.getByTestId('result-heading').textContent).toBe('Jane Doe')
    expect(screen.getByRole('progressbar', { name: 'Refreshing…' })).toBeTruthy()
    await act(async () => second.resolve({ status: 502, body: errorBody('UPSTREAM_UNAVAILABLE') }))

    expect(screen.getByTestId('refresh-error').textContent).toContain('Refresh failed: AEP is unavailable')
    expect(screen.getByTestId('result-heading').textContent).toBe('Jane Doe')
  })
})
