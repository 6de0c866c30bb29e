import { act, screen } from '@testing-library/react'
import { type BootHandle, bootApp } from '../../../web-src/src/boot'
import { aepProfileUrl } from '../../../web-src/src/lib/aep-links'
import { fakeFetch, TEST_URLS } from '../support/fake-fetch'
import { installFakeShell, removeFakeShell } from '../support/fake-shell'
import { janeDoe, METADATA } from '../support/fixtures'
import { renderApp, resetBrowserState, typeAndEnter } from '../support/render-app'

const jane = { 'customer-profile': () => ({ body: janeDoe() }) }

afterEach(() => removeFakeShell())

describe('Open in Experience Platform', () => {
  it('links the customer view to the same profile, sandbox and merge policy in AEP, in a new tab', async () => {
    // Prepare
    renderApp({ routes: jane })
    const view = janeDoe()

    // Act
    await typeAndEnter('jane.doe@example.com')
    const link = await screen.findByTestId('open-in-platform')

    // Assess
    const expected = aepProfileUrl({
      tenant: null,
      sandbox: view.meta.sandbox,
      profileId: view.customer.profileId,
      mergePolicyId: view.meta.mergePolicyId
    })
    expect(link.getAttribute('href')).toBe(expected)
    expect([link.getAttribute('target'), link.getAttribute('rel')]).toEqual(['_blank', 'noopener noreferrer'])
    expect(link.textContent).toBe(' Open in Experience Platform (opens in a new tab)')
  })

  it('names the shell’s tenant and sandbox inside Experience Cloud, in the agent’s language', async () => {
    // Prepare
    resetBrowserState()
    const container = document.body.appendChild(document.createElement('div'))
    const runtime = installFakeShell()
    const fetch = fakeFetch({ metadata: () => ({ body: METADATA }), ...jane })
    let handle: BootHandle | null = null
    await act(async () => {
      handle = bootApp(container, { fetch: fetch.fn, urls: TEST_URLS })
    })
    await act(async () =>
      runtime.emit('ready', {
        imsToken: 't',
        imsOrg: 'O@AdobeOrg',
        locale: 'zh_TW',
        tenant: 'acmecorp',
        sandbox: { name: 'prod' }
      })
    )

    // Act
    await typeAndEnter('jane.doe@example.com')
    const link = await screen.findByTestId('open-in-platform')

    // Assess
    const { profileId } = janeDoe().customer
    expect(link.getAttribute('href')).toMatch(
      new RegExp(`^https://experience\\.adobe\\.com/#/@acmecorp/sname:prod/platform/profile/browse/${profileId}(\\?|$)`)
    )
    expect(link.textContent).toBe(' 在 Experience Platform 中開啟（在新分頁中開啟）')
    act(() => (handle as BootHandle | null)?.unmount())
    container.remove()
  })

  it('builds the documented URL shape and none without a profile id', () => {
    expect(aepProfileUrl({ tenant: 'acme corp', sandbox: 'prod', profileId: 'BVpq/Cw', mergePolicyId: 'mp-1' })).toBe(
      'https://experience.adobe.com/#/@acme%20corp/sname:prod/platform/profile/browse/BVpq%2FCw?mergePolicyId=mp-1'
    )
    expect(aepProfileUrl({ tenant: null, sandbox: 'prod', profileId: '', mergePolicyId: '' })).toBeNull()
  })
})
