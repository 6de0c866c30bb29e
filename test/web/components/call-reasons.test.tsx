import { act, fireEvent, screen, within } from '@testing-library/react'
import { janeDoe } from '../support/fixtures'
import { renderApp, typeAndEnter } from '../support/render-app'

const jane = { 'customer-profile': () => ({ body: janeDoe() }) }

describe('likely reasons for the call', () => {
  it('lists the reasons above the profile details, localised, with their evidence', async () => {
    // Prepare
    renderApp({ routes: jane })

    // Act
    await typeAndEnter('jane.doe@example.com')
    await screen.findByTestId('result-heading')

    // Assess
    const reasons = screen.getAllByTestId('call-reason')
    expect(reasons.map((r) => [r.getAttribute('data-code'), r.textContent])).toEqual([
      [
        'recent-support-contact',
        'Contacted support about “Late delivery” 3 days ago · Show in recent activity: 3 days ago · 1 event'
      ],
      ['recent-order', 'Ordered 2 items for $129.90 today · Show in recent activity: 2 hours ago · 1 event'],
      ['acme-vip-callback', 'VIP: offer a callback from the priority desk']
    ])
    const list = screen.getByTestId('call-reasons')
    const details = screen.getByLabelText('Customer details')
    expect(list.compareDocumentPosition(details) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy()
  })

  it('moves focus to the event a reason rests on, from the keyboard', async () => {
    // Prepare
    renderApp({ routes: jane })
    await typeAndEnter('jane.doe@example.com')
    const reason = (await screen.findAllByTestId('call-reason'))[0] as HTMLElement
    const evidence = within(reason).getByRole('button', { name: 'Show in recent activity: 3 days ago · 1 event' })

    // Act
    evidence.focus()
    await act(async () => {
      fireEvent.click(evidence)
    })

    // Assess
    const target = document.getElementById('cah-event-ev-3')
    expect(target?.getAttribute('data-kind')).toBe('support-call')
    expect(document.activeElement).toBe(target)
  })

  it('says the reasons in zh-Hant', async () => {
    // Prepare
    renderApp({ locale: 'zh-Hant', routes: jane })

    // Act
    await typeAndEnter('jane.doe@example.com')
    await screen.findByTestId('result-heading')

    // Assess
    expect(screen.getByRole('heading', { name: '可能的來電原因' })).toBeTruthy()
    expect(screen.getAllByTestId('call-reason')[0]?.textContent).toBe(
      '3 天前曾就「Late delivery」聯絡客服 · 在近期活動中顯示：3 天前 · 1 筆活動'
    )
  })
})
