import { act, fireEvent, screen, within } from '@testing-library/react'
import { RECENTS_KEY } from '../../../web-src/src/lib/recents-store'
import { janeDoe } from '../support/fixtures'
import { chooseNamespace, renderApp, searchInput, typeAndEnter } from '../support/render-app'

const jane = { 'customer-profile': () => ({ body: janeDoe() }) }

describe('search bar', () => {
  it('looks the customer up when the agent presses Enter in the value field', async () => {
    const { fetch } = renderApp({ routes: jane })

    await typeAndEnter('  jane.doe@example.com ')

    await screen.findByTestId('result-heading')
    const [call] = fetch.callsTo('customer-profile')
    expect(call?.url.searchParams.get('namespace')).toBe('email')
    expect(call?.url.searchParams.get('id')).toBe('jane.doe@example.com')
    expect(call?.headers).toMatchObject({
      authorization: 'Bearer demo-agent-token',
      'x-gw-ims-org-id': 'DEMO0000000000000000000A@AdobeOrg'
    })
  })

  it('looks the customer up with the Search button too', async () => {
    const { fetch } = renderApp({ routes: jane })
    await screen.findByTestId('search-value')
    await act(async () => {
      fireEvent.change(searchInput(), { target: { value: 'jane.doe@example.com' } })
    })

    await act(async () => {
      fireEvent.click(screen.getByTestId('search-submit'))
    })

    expect(fetch.callsTo('customer-profile')).toHaveLength(1)
  })

  it('offers Email, Phone, CRM ID and ECID first, then the org’s other namespaces', async () => {
    renderApp()

    const picker = await screen.findByTestId('search-namespace')
    await act(async () => {
      fireEvent.click(picker)
    })

    const listbox = await screen.findByRole('listbox')
    await within(listbox).findByRole('option', { name: 'Loyalty ID' })
    const options = within(listbox)
      .getAllByRole('option')
      .map((o) => o.textContent)
    expect(options).toEqual(['Email', 'Phone', 'CRM ID', 'ECID', 'Adobe Advertising Cloud', 'Loyalty ID'])
  })

  it('searches in the identity type the agent picked', async () => {
    const { fetch } = renderApp({ routes: jane })

    await chooseNamespace('Phone')
    await typeAndEnter('+14155550123')

    await screen.findByTestId('result-heading')
    expect(fetch.callsTo('customer-profile')[0]?.url.searchParams.get('namespace')).toBe('phone')
  })

  it('asks for a value instead of sending an empty search', async () => {
    const { fetch } = renderApp({ routes: jane })

    await typeAndEnter('   ')

    expect(await screen.findByText('Enter a value to search for.')).toBeTruthy()
    expect(fetch.callsTo('customer-profile')).toHaveLength(0)
  })

  it('keeps recent lookups masked on screen and in storage', async () => {
    renderApp({ routes: jane })

    await typeAndEnter('jane.doe@example.com')
    await screen.findByTestId('result-heading')

    const recents = screen.getByTestId('recent-lookups')
    expect(within(recents).getByTestId('recent-lookup').textContent).toBe('Email · j•••@example.com, just now')
    expect(recents.textContent).not.toContain('jane.doe')
    expect(window.sessionStorage.getItem(RECENTS_KEY)).toContain('j•••@example.com')
    expect(window.sessionStorage.getItem(RECENTS_KEY)).not.toContain('jane.doe')
    expect(window.localStorage.getItem(RECENTS_KEY)).toBeNull()
  })

  it('searches a recent lookup again with one click', async () => {
    const { fetch } = renderApp({ routes: jane })
    await typeAndEnter('jane.doe@example.com')
    await screen.findByTestId('result-heading')
    await typeAndEnter('someone.else@example.com')

    const recent = screen.getAllByTestId('recent-lookup').find((b) => b.textContent?.includes('j•••@example.com'))
    if (!recent) throw new Error('recent lookup missing')
    await act(async () => {
      fireEvent.click(recent)
    })

    const ids = fetch.callsTo('customer-profile').map((c) => c.url.searchParams.get('id'))
    expect(ids).toEqual(['jane.doe@example.com', 'someone.else@example.com', 'jane.doe@example.com'])
    expect(searchInput().value).toBe('jane.doe@example.com')
  })

  it('after a reload, asks the agent to type a recent value again instead of searching', async () => {
    const { fetch } = renderApp({ routes: jane, earlierRecents: [{ namespace: 'phone', id: '+14155550123' }] })

    const recent = await screen.findByTestId('recent-lookup')
    expect(recent.textContent).toBe('Phone · +1•••••0123, just now')
    expect(recent.getAttribute('data-searchable')).toBe('false')
    await act(async () => {
      fireEvent.click(recent)
    })

    expect(screen.getByTestId('recent-retype-hint').textContent).toBe(
      'Type the full Phone again to search: full values are not kept after a reload.'
    )
    expect(screen.getByTestId('search-namespace').textContent).toContain('Phone')
    expect(document.activeElement).toBe(searchInput())
    expect(fetch.callsTo('customer-profile')).toHaveLength(0)
  })

  it('jumps to the search field when the agent presses /', async () => {
    renderApp()
    await screen.findByTestId('search-value')

    fireEvent.keyDown(document.body, { key: '/' })

    expect(document.activeElement).toBe(searchInput())
  })
})
