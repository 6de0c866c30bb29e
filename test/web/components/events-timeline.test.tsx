import { screen } from '@testing-library/react'
import type { CustomerEvent, EventKind } from '../../../actions/lib/view/view-types'
import { EVENT_KINDS } from '../../../actions/lib/xdm/event-kinds'
import { EventsTimeline } from '../../../web-src/src/components/events-timeline'
import { isoAgo, janeDoe } from '../support/fixtures'
import { renderApp, typeAndEnter } from '../support/render-app'
import { renderUi } from '../support/render-ui'

const HAN = /\p{Script=Han}/u

function eventOf(kind: EventKind, index: number): CustomerEvent {
  return {
    id: `ev-${kind}`,
    type: kind,
    xdmEventType: '',
    source: 'standard',
    timestamp: isoAgo((index + 1) * 60_000),
    channel: null,
    summary: 'unknown',
    details: {}
  }
}

function renderTimeline(events: CustomerEvent[], locale: 'en-US' | 'zh-Hant'): HTMLElement[] {
  renderUi(
    <EventsTimeline
      events={events}
      meta={{ status: 'available', nextCursor: null }}
      nextCursor={null}
      more={{ status: 'idle' }}
      onLoadMore={() => undefined}
      namespaceLabel="Email"
    />,
    locale
  )
  return screen.getAllByTestId('event-item')
}

/** The visible line of an entry: its text without the hidden kind prefix and the time row. */
const lineOf = (item: HTMLElement): string =>
  item.querySelector('div > span:not(.cah-visually-hidden)')?.textContent ?? ''

describe('events timeline, every kind', () => {
  it.each(['en-US', 'zh-Hant'] as const)('renders each kind with an icon, a kind name and a line (%s)', (locale) => {
    // Prepare
    const events = EVENT_KINDS.map(eventOf)

    // Act
    const items = renderTimeline(events, locale)

    // Assess
    expect(items.map((i) => i.getAttribute('data-kind'))).toEqual([...EVENT_KINDS])
    expect(items.filter((i) => i.querySelector('svg') === null)).toEqual([])
    expect(items.filter((i) => lineOf(i).trim() === '').map((i) => i.dataset.kind)).toEqual([])
    expect(items.filter((i) => /unknown/i.test(i.textContent ?? '')).map((i) => i.dataset.kind)).toEqual([])
    const prefixes = items.map((i) => i.querySelector('.cah-visually-hidden')?.textContent ?? '')
    expect(prefixes.filter((p) => p.replace(/[:：]\s*$/, '').trim() === '')).toEqual([])
    if (locale === 'zh-Hant') expect(items.filter((i) => !HAN.test(lineOf(i))).map((i) => i.dataset.kind)).toEqual([])
  })

  it('shows an SMS message with its channel and source', () => {
    // Prepare
    const sms: CustomerEvent = {
      ...eventOf('message-send', 0),
      source: 'standard',
      channel: 'sms',
      details: { campaign: 'Spring Sale', messageChannel: 'sms' }
    }

    // Act
    const [item] = renderTimeline([sms], 'en-US')

    // Assess
    expect(item?.textContent).toBe('Message sent: Was sent message “Spring Sale”1 minute ago · via SMS')
    expect(item?.getAttribute('data-source')).toBe('standard')
  })

  it('shows a mapped event with the admin’s template in the whole console', async () => {
    // Prepare
    const view = janeDoe()
    const [first] = view.customer.events
    if (!first) throw new Error('fixture has events')
    view.customer.events[0] = {
      ...first,
      type: 'support-call',
      source: 'mapping',
      details: { reason: 'Billing', text: { en: 'Called about Billing', 'zh-Hant': '來電詢問帳單' } }
    }
    renderApp({ locale: 'zh-Hant', routes: { 'customer-profile': () => ({ body: view }) } })

    // Act
    await typeAndEnter('jane.doe@example.com')

    // Assess
    const [item] = await screen.findAllByTestId('event-item')
    expect(lineOf(item as HTMLElement)).toBe('來電詢問帳單')
    expect(item?.getAttribute('data-source')).toBe('mapping')
  })
})
