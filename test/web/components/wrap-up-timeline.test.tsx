import { act, fireEvent, screen, within } from '@testing-library/react'
import type { CustomerEvent } from '../../../actions/lib/view/view-types'
import { PENDING_KEY, PENDING_TTL_MS, pendingScope } from '../../../web-src/src/lib/pending-interactions'
import type { Handler } from '../support/fake-fetch'
import { interactionAccepted, janeDoe, METADATA_WITH_INTERACTIONS } from '../support/fixtures'
import { renderApp, typeAndEnter } from '../support/render-app'
import { chooseRadio, chooseTopic, save } from '../support/wrap-up'

const JANE_SCOPE = pendingScope('prod', janeDoe().customer.profileId)

const accepting: Handler = (_url, init) => ({
  status: 202,
  body: interactionAccepted(String(JSON.parse(String(init.body)).interactionId))
})

/** The stored event AEP returns once ingestion has caught up, with the XDM `_id` the action answered. */
function storedEvent(eventId: string): CustomerEvent {
  return {
    id: eventId,
    type: 'support-call',
    source: 'mapping',
    xdmEventType: 'callCenter.interaction',
    timestamp: new Date().toISOString(),
    channel: 'phone',
    summary: 'Support call: Delivery · outcome: Resolved',
    details: { reason: 'Delivery', outcome: 'Resolved' }
  }
}

/** Jane's profile: as seeded until `arrived` holds an event id, then with that event on top. */
function janeRoutes(
  arrived: { eventId: string | null },
  locale?: 'en-US' | 'zh-Hant',
  earlierSession?: Record<string, string>
) {
  return renderApp({
    locale,
    earlierSession,
    routes: {
      metadata: () => ({ body: METADATA_WITH_INTERACTIONS }),
      'customer-profile': () => {
        const view = janeDoe()
        if (arrived.eventId) view.customer.events = [storedEvent(arrived.eventId), ...view.customer.events]
        return { body: view }
      },
      'customer-interactions': accepting
    }
  })
}

async function wrapUpJane(): Promise<string> {
  await screen.findByTestId('wrap-up-panel')
  await chooseTopic('Delivery')
  await chooseRadio('wrap-up-outcome', 'Resolved')
  await save()
  await screen.findByTestId('wrap-up-saved')
  return screen.getByTestId('timeline-pending').getAttribute('data-event-id') ?? ''
}

const timelineRows = (): HTMLElement[] =>
  Array.from(screen.getByTestId('events-timeline').querySelectorAll<HTMLElement>('ol > li'))

async function refresh(): Promise<void> {
  await act(async () => {
    fireEvent.click(screen.getByTestId('refresh'))
  })
}

// Filling in React Spectrum fields in jsdom takes a few seconds per test, more on a busy machine.
jest.setTimeout(20_000)

describe('a saved wrap-up in the timeline', () => {
  it('shows at once, at the top, as a pending phone call with its topic and outcome', async () => {
    // Prepare
    const app = janeRoutes({ eventId: null })
    await typeAndEnter('jane.doe@example.com')

    // Act
    const eventId = await wrapUpJane()

    // Assess
    const [first, ...rest] = timelineRows()
    expect(first?.dataset.testid).toBe('timeline-pending')
    expect(first?.textContent).toBe(
      'Support call: Support call: Delivery · outcome: Resolvednow · via phonePendingAppears in the profile within seconds to minutes'
    )
    expect(rest.map((r) => r.dataset.testid)).toEqual(['event-item', 'event-item', 'event-item', 'event-item'])
    const [sent] = app.fetch.callsTo('customer-interactions')
    expect(eventId).toBe(interactionAccepted(JSON.parse(String(sent?.init.body)).interactionId).eventId)
  })

  it("shows the action's own timeline entry while pending, in the agent's language, and keeps it across a reload", async () => {
    // Prepare: an answer that carries the entry the view will hold (a mapped line with its zh-Hant text).
    const entry = (eventId: string): CustomerEvent => ({
      ...storedEvent(eventId),
      summary: 'Call about Delivery – Resolved',
      details: {
        reason: 'Delivery',
        outcome: 'Resolved',
        text: { en: 'Call about Delivery – Resolved', 'zh-Hant': '來電：配送（已解決）' }
      }
    })
    const withEvent: Handler = (_url, init) => {
      const answer = interactionAccepted(String(JSON.parse(String(init.body)).interactionId))
      return { status: 202, body: { ...answer, event: entry(answer.eventId) } }
    }
    const first = renderApp({
      locale: 'zh-Hant',
      routes: {
        metadata: () => ({ body: METADATA_WITH_INTERACTIONS }),
        'customer-profile': () => ({ body: janeDoe() }),
        'customer-interactions': withEvent
      }
    })
    await typeAndEnter('jane.doe@example.com')
    await screen.findByTestId('wrap-up-panel')
    await chooseTopic('配送')
    await chooseRadio('wrap-up-outcome', '已解決')
    await save()
    await screen.findByTestId('wrap-up-saved')
    const kept = window.sessionStorage.getItem(PENDING_KEY) ?? ''
    first.unmount()

    // Act
    janeRoutes({ eventId: null }, 'zh-Hant', { [PENDING_KEY]: kept })
    await typeAndEnter('jane.doe@example.com')
    await screen.findByTestId('customer-view')

    // Assess
    expect(within(screen.getByTestId('timeline-pending')).getByText('來電：配送（已解決）')).toBeTruthy()
  })

  it('stays pending across a reload of the page, kept in this tab’s sessionStorage', async () => {
    // Prepare
    const first = janeRoutes({ eventId: null })
    await typeAndEnter('jane.doe@example.com')
    const eventId = await wrapUpJane()
    const kept = window.sessionStorage.getItem(PENDING_KEY) ?? ''
    first.unmount()

    // Act
    janeRoutes({ eventId: null }, undefined, { [PENDING_KEY]: kept })
    await typeAndEnter('jane.doe@example.com')
    await screen.findByTestId('customer-view')

    // Assess
    expect(screen.getAllByTestId('timeline-pending').map((p) => p.dataset.eventId)).toEqual([eventId])
    expect(kept).not.toContain('jane.doe@example.com')
  })

  it('stays pending after a refresh that does not bring its event yet', async () => {
    // Prepare
    janeRoutes({ eventId: null })
    await typeAndEnter('jane.doe@example.com')
    await wrapUpJane()

    // Act
    await refresh()

    // Assess
    expect(screen.getAllByTestId('timeline-pending')).toHaveLength(1)
  })

  it('shows as stored, exactly once, when a refresh brings its event, and is forgotten', async () => {
    // Prepare
    const arrived: { eventId: string | null } = { eventId: null }
    janeRoutes(arrived)
    await typeAndEnter('jane.doe@example.com')
    const eventId = await wrapUpJane()

    // Act
    arrived.eventId = eventId
    await refresh()

    // Assess
    expect(screen.queryByTestId('timeline-pending')).toBeNull()
    const rows = timelineRows().filter((r) => r.dataset.eventId === eventId)
    expect(rows.map((r) => r.dataset.testid)).toEqual(['event-item'])
    expect(timelineRows()[0]).toBe(rows[0])
    expect(JSON.parse(window.sessionStorage.getItem(PENDING_KEY) ?? '[]')).toEqual([])
  })

  it('does not show pending wrap-ups older than 24 hours, nor another customer’s', async () => {
    // Prepare
    const savedAt = Date.now() - PENDING_TTL_MS - 1000
    const old = {
      scope: JANE_SCOPE,
      eventId: 'cah-old',
      interactionId: 'old-interaction',
      timestamp: new Date(savedAt).toISOString(),
      savedAt,
      topic: { code: 'billing', label: { en: 'Billing' } },
      outcome: { code: 'resolved', label: { en: 'Resolved' } }
    }
    const someoneElse = {
      ...old,
      scope: pendingScope('prod', 'another-profile'),
      eventId: 'cah-other',
      savedAt: Date.now()
    }

    // Act
    janeRoutes({ eventId: null }, undefined, { [PENDING_KEY]: JSON.stringify([old, someoneElse]) })
    await typeAndEnter('jane.doe@example.com')
    await screen.findByTestId('customer-view')

    // Assess
    expect(screen.queryByTestId('timeline-pending')).toBeNull()
  })

  it('reads in Traditional Chinese', async () => {
    // Prepare
    janeRoutes({ eventId: null }, 'zh-Hant')
    await typeAndEnter('jane.doe@example.com')
    await screen.findByTestId('wrap-up-panel')

    // Act
    await chooseTopic('配送')
    await chooseRadio('wrap-up-outcome', '已解決')
    await save()

    // Assess
    const pending = await screen.findByTestId('timeline-pending')
    expect(within(pending).getByText('客服來電：配送，結果：已解決')).toBeTruthy()
    expect(pending.textContent).toContain('透過電話')
    expect(pending.textContent).toContain('待處理')
    expect(pending.textContent).toContain('幾秒到幾分鐘內會出現在個人資料中')
  })
})
