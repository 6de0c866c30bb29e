import { act, screen } from '@testing-library/react'
import { janeDoe } from '../support/fixtures'
import { renderApp, searchInput, typeAndEnter } from '../support/render-app'

const jane = { 'customer-profile': () => ({ body: janeDoe() }) }

describe('screen-pop link', () => {
  it('opens straight onto the caller named in the link', async () => {
    const { fetch } = renderApp({ routes: jane, hash: '#/customer?ns=phone&id=%2B14155550123' })

    const heading = await screen.findByTestId('result-heading')

    expect(heading.textContent).toBe('Jane Doe')
    expect(document.activeElement).toBe(heading)
    const call = fetch.callsTo('customer-profile')[0]
    expect(call?.url.searchParams.get('namespace')).toBe('phone')
    expect(call?.url.searchParams.get('id')).toBe('+14155550123')
    expect(searchInput().value).toBe('+14155550123')
  })

  it('opens the next caller when the telephony system changes the link in the same tab', async () => {
    const { fetch } = renderApp({ routes: jane, hash: '#/customer?ns=phone&id=%2B14155550123' })
    await screen.findByTestId('result-heading')

    await act(async () => {
      window.location.hash = '#/customer?ns=email&id=jane.doe%40example.com'
      window.dispatchEvent(new HashChangeEvent('hashchange'))
    })

    await screen.findByTestId('result-heading')
    expect(fetch.callsTo('customer-profile').map((c) => c.url.searchParams.get('id'))).toEqual([
      '+14155550123',
      'jane.doe@example.com'
    ])
  })

  it('explains an invalid link instead of searching', async () => {
    const { fetch } = renderApp({ routes: jane, hash: '#/customer?ns=%3Cscript%3E&id=1' })

    const message = await screen.findByTestId('screen-pop-invalid')

    expect(message.textContent).toContain('This customer link cannot be opened')
    expect(message.textContent).toContain('The identity type in the link is not valid.')
    expect(fetch.callsTo('customer-profile')).toHaveLength(0)
  })

  it('drops the link from the address bar when the agent searches someone else', async () => {
    renderApp({ routes: jane, hash: '#/customer?ns=phone&id=%2B14155550123' })
    await screen.findByTestId('result-heading')

    await typeAndEnter('other@example.com')

    expect(window.location.hash).toBe('')
  })
})
