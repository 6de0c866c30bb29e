import { act, fireEvent, screen } from '@testing-library/react'
import axe from 'axe-core'
import { EVENT_KINDS } from '../../../actions/lib/xdm/event-kinds'
import { errorBody, interactionAccepted, janeDoe, METADATA_WITH_INTERACTIONS } from '../support/fixtures'
import { renderApp, typeAndEnter } from '../support/render-app'
import { chooseRadio, chooseTopic, save, typeNote } from '../support/wrap-up'

// jsdom has no layout or canvas: colour contrast is left to the end-to-end axe scan in Chromium.
const JSDOM_OPTIONS: axe.RunOptions = { resultTypes: ['violations'], rules: { 'color-contrast': { enabled: false } } }

async function seriousViolations(): Promise<string[]> {
  const results = await axe.run(document.body, JSDOM_OPTIONS)
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.html.slice(0, 200)).join(', ')}`)
}

// A full axe scan of the customer view takes seconds in jsdom, more on a busy machine.
jest.setTimeout(30_000)

describe('accessibility (axe-core in jsdom)', () => {
  it('would catch a serious violation (the scan is live)', async () => {
    const broken = document.createElement('button')
    document.body.appendChild(broken)

    expect(await seriousViolations()).toEqual([expect.stringMatching(/^button-name/)])
    broken.remove()
  })

  it('finds no serious or critical violations on the search page', async () => {
    renderApp()
    await screen.findByTestId('search-value')

    expect(await seriousViolations()).toEqual([])
  })

  it('finds no serious or critical violations in the customer view', async () => {
    renderApp({
      routes: {
        'customer-profile': () => ({
          body: janeDoe({ meta: { cache: { status: 'STALE', ageSeconds: 600, staleReason: 'UPSTREAM_UNAVAILABLE' } } })
        })
      }
    })
    await typeAndEnter('jane.doe@example.com')
    await screen.findByTestId('stale-banner')

    expect(await seriousViolations()).toEqual([])
  })

  it('finds no serious or critical violations in the zh-Hant customer view', async () => {
    renderApp({ locale: 'zh-Hant', routes: { 'customer-profile': () => ({ body: janeDoe() }) } })
    await typeAndEnter('jane.doe@example.com')
    await screen.findByTestId('result-heading')

    expect(await seriousViolations()).toEqual([])
  })

  it('finds no serious or critical violations with every event kind, consents, scores and All attributes open', async () => {
    // Prepare
    const view = janeDoe({ meta: { allAttributesTrimmed: true } })
    view.customer.events = EVENT_KINDS.map((kind, i) => ({
      id: `ev-${kind}`,
      type: kind,
      xdmEventType: '',
      source: 'standard' as const,
      timestamp: new Date(Date.now() - (i + 1) * 60_000).toISOString(),
      channel: null,
      summary: '',
      details: {}
    }))
    renderApp({
      locale: 'zh-Hant',
      routes: {
        'customer-profile': () => ({ body: view }),
        'customer-reveal': () => ({ body: { revealed: true, requestId: 'req-rev-2' } })
      }
    })
    await typeAndEnter('jane.doe@example.com')
    await screen.findByTestId('result-heading')

    // Act: reveal (the whole profile waits for it), then open and search the panel
    await act(async () => {
      fireEvent.click(screen.getByTestId('reveal-personal-data'))
    })
    await screen.findByTestId('all-attributes')
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '所有屬性' }))
    })
    await act(async () => {
      fireEvent.change(screen.getByLabelText('搜尋屬性'), { target: { value: 'name' } })
    })

    // Assess
    expect(screen.getAllByTestId('attribute-leaf').length).toBeGreaterThan(0)
    expect(await seriousViolations()).toEqual([])
  })

  it('finds no serious or critical violations in the call reasons, explanations, chart and reveal, masked and revealed', async () => {
    // Prepare
    renderApp({
      routes: {
        'customer-profile': () => ({ body: janeDoe() }),
        'customer-events': () => ({ body: { events: [], nextCursor: null } }),
        'customer-reveal': () => ({ body: { revealed: true, requestId: 'req-rev-1' } })
      }
    })
    await typeAndEnter('jane.doe@example.com')
    await screen.findByTestId('activity-chart')
    expect(screen.getByTestId('call-reasons')).toBeTruthy()
    expect(screen.getAllByTestId('score-explanation').length).toBe(2)
    const masked = await seriousViolations()

    // Act
    await act(async () => {
      fireEvent.click(screen.getByTestId('reveal-personal-data'))
    })

    // Assess
    expect(screen.getByTestId('customer-contact').hasAttribute('data-masked')).toBe(false)
    expect(masked).toEqual([])
    expect(await seriousViolations()).toEqual([])
  })

  it('finds no serious or critical violations in the not-found and error views', async () => {
    let calls = 0
    renderApp({
      routes: {
        'customer-profile': () =>
          ++calls === 1
            ? { status: 404, body: errorBody('PROFILE_NOT_FOUND') }
            : { status: 502, body: errorBody('UPSTREAM_UNAVAILABLE') }
      }
    })
    await typeAndEnter('nobody@example.com')
    await screen.findByTestId('not-found')
    expect(await seriousViolations()).toEqual([])

    await typeAndEnter('jane.doe@example.com')
    await screen.findByTestId('error-message')
    expect(await seriousViolations()).toEqual([])
  })

  it('finds no serious or critical violations in the wrap-up panel: problems, failure, saved and pending', async () => {
    // Prepare
    let calls = 0
    renderApp({
      routes: {
        metadata: () => ({ body: METADATA_WITH_INTERACTIONS }),
        'customer-profile': () => ({ body: janeDoe() }),
        'customer-interactions': (_url, init) =>
          ++calls === 1
            ? { status: 502, body: errorBody('UPSTREAM_UNAVAILABLE') }
            : { status: 202, body: interactionAccepted(String(JSON.parse(String(init.body)).interactionId)) }
      }
    })
    await typeAndEnter('jane.doe@example.com')
    await screen.findByTestId('wrap-up-panel')

    // Act
    await typeNote('x'.repeat(41))
    await save()
    const withProblems = await seriousViolations()
    await typeNote('Parcel re-sent')
    await chooseTopic('Delivery')
    await chooseRadio('wrap-up-outcome', 'Resolved')
    await save()
    const failedShown = screen.queryByTestId('wrap-up-error') !== null
    const failed = await seriousViolations()
    await save()

    // Assess
    expect(failedShown).toBe(true)
    expect(screen.getByTestId('timeline-pending')).toBeTruthy()
    expect({ withProblems, failed, saved: await seriousViolations() }).toEqual({
      withProblems: [],
      failed: [],
      saved: []
    })
  }, 90_000)
})
