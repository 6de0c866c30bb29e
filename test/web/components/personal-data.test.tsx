import { act, fireEvent, screen } from '@testing-library/react'
import { deferred } from '../support/deferred'
import type { Reply } from '../support/fake-fetch'
import { errorBody, janeDoe, METADATA } from '../support/fixtures'
import { renderApp, searchInput, typeAndEnter } from '../support/render-app'

const jane = { 'customer-profile': () => ({ body: janeDoe() }) }
const revealed = { 'customer-reveal': () => ({ body: { revealed: true, requestId: 'req-rev-1' } }) }

const text = (testId: string): string | null => screen.getByTestId(testId).textContent
const maskedFlags = (): Array<string | null> =>
  ['customer-contact', 'customer-address', 'identities'].map((id) => screen.getByTestId(id).getAttribute('data-masked'))

describe('personal data on a shared screen', () => {
  it('masks contact details, address and identities until the agent reveals them', async () => {
    // Prepare
    renderApp({ routes: { ...jane, ...revealed } })

    // Act
    await typeAndEnter('jane.doe@example.com')
    await screen.findByTestId('result-heading')

    // Assess
    expect(text('customer-contact')).toBe('j•••@example.com+1•••••0123')
    expect(text('customer-address')).toBe('1 •••US')
    expect(text('identities')).not.toContain('CRM-000123')
    expect(text('identities')).toContain('CR•••23')
    expect(maskedFlags()).toEqual(['true', 'true', 'true'])
    // The search field still shows what the agent typed.
    expect(searchInput().value).toBe('jane.doe@example.com')
  })

  it('reveals after the action records it, sending the identity of the lookup', async () => {
    // Prepare
    const { fetch } = renderApp({ routes: { ...jane, ...revealed } })
    await typeAndEnter('jane.doe@example.com')
    await screen.findByTestId('result-heading')

    // Act
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Reveal personal data' }))
    })

    // Assess
    const [call] = fetch.callsTo('customer-reveal')
    expect(call?.init.method).toBe('POST')
    expect(JSON.parse(String(call?.init.body))).toEqual({
      namespace: 'email',
      id: 'jane.doe@example.com',
      sandbox: 'prod'
    })
    expect(text('customer-contact')).toBe('jane.doe@example.com+14155550123')
    expect(text('customer-address')).toBe('1 Market St, San Francisco, CA 94105, US')
    expect(text('identities')).toContain('CRM-000123')
    expect(maskedFlags()).toEqual([null, null, null])
    expect(screen.queryByTestId('reveal-personal-data')).toBeNull()
    expect(document.activeElement?.textContent).toBe('Personal data is shown. The reveal was recorded.')
  })

  it('keeps the data masked and says why when the reveal fails', async () => {
    // Prepare
    const answer = deferred<Reply>()
    renderApp({ routes: { ...jane, 'customer-reveal': () => answer.promise } })
    await typeAndEnter('jane.doe@example.com')
    await screen.findByTestId('result-heading')

    // Act
    await act(async () => {
      fireEvent.click(screen.getByTestId('reveal-personal-data'))
    })
    const whilePending = text('customer-contact')
    await act(async () => answer.resolve({ status: 503, body: errorBody('UPSTREAM_UNAVAILABLE') }))

    // Assess
    expect(whilePending).toBe('j•••@example.com+1•••••0123')
    expect(text('customer-contact')).toBe('j•••@example.com+1•••••0123')
    expect(maskedFlags()).toEqual(['true', 'true', 'true'])
    expect(text('reveal-error')).toContain('Personal data could not be revealed: AEP is unavailable')
    expect(screen.getByTestId('reveal-personal-data')).toBeTruthy()
  })

  it('shows the data unmasked, with no reveal button, when the deployment switches masking off', async () => {
    // Prepare
    const metadata = () => ({ body: { ...METADATA, ui: { maskPersonalData: false } } })
    const { fetch } = renderApp({ routes: { ...jane, ...revealed, metadata } })

    // Act
    await typeAndEnter('jane.doe@example.com')
    await screen.findByTestId('result-heading')

    // Assess
    expect(text('customer-contact')).toBe('jane.doe@example.com+14155550123')
    expect(screen.getByTestId('customer-contact').hasAttribute('data-masked')).toBe(false)
    expect(screen.queryByTestId('reveal-personal-data')).toBeNull()
    expect(fetch.callsTo('customer-reveal')).toEqual([])
  })

  it('masks by default in zh-Hant, with a localised button', async () => {
    // Prepare
    renderApp({ locale: 'zh-Hant', routes: jane })

    // Act
    await typeAndEnter('jane.doe@example.com')
    await screen.findByTestId('result-heading')

    // Assess
    expect(screen.getByRole('button', { name: '顯示個人資料' })).toBeTruthy()
    expect(screen.getByTestId('customer-contact').getAttribute('data-masked')).toBe('true')
  })
})
