/**
 * The console as an Experience Cloud shell app, against a faked shell runtime
 * (`window['exc-module-runtime']`): header solution and title, the shell's history (back button,
 * screen-pop deep links through the shell URL), configuration (sandbox switch), done() exactly once.
 */
import { act, screen, waitFor } from '@testing-library/react'
import { bootApp } from '../../../web-src/src/boot'
import { SOLUTION } from '../../../web-src/src/shell/exc-shell-provider'
import { hashOfShellPath } from '../../../web-src/src/shell/shell-history'
import { registerBootContainer } from '../support/boot-container'
import { type FakeFetch, fakeFetch, TEST_URLS } from '../support/fake-fetch'
import { type FakeRuntime, installFakeShell } from '../support/fake-shell'
import { janeDoe, METADATA } from '../support/fixtures'
import { typeAndEnter } from '../support/render-app'

const READY = { imsToken: 'shell-token', imsOrg: 'SHELLORG@AdobeOrg', locale: 'en_US', sandbox: { name: 'prod' } }
const app = registerBootContainer()

async function bootReady(ready: Record<string, unknown> = READY): Promise<{ runtime: FakeRuntime; fetch: FakeFetch }> {
  const runtime = installFakeShell()
  const fetch = fakeFetch({ metadata: () => ({ body: METADATA }), 'customer-profile': () => ({ body: janeDoe() }) })
  await act(async () => {
    app.handle = bootApp(app.element, { fetch: fetch.fn, urls: TEST_URLS })
  })
  await act(async () => runtime.emit('ready', ready))
  await screen.findByTestId('search-value')
  return { runtime, fetch }
}

const shellNavigates = (path: string, type = 'external'): Promise<void> =>
  act(async () => {
    ;(window as unknown as { 'exc-module-runtime': { default: () => FakeRuntime } })['exc-module-runtime']
      .default()
      .emit('history', { type, path })
  })

describe('the shell header', () => {
  it('shows the solution and the title in the agent’s language', async () => {
    // Act
    const { runtime } = await bootReady({ ...READY, locale: 'zh_TW' })

    // Assess
    expect(runtime.solution).toEqual({
      icon: 'AdobeExperienceCloud',
      title: 'Customer Activity Hub',
      shortTitle: 'CAH'
    })
    expect(runtime.solution).toEqual(SOLUTION)
    await waitFor(() => expect(runtime.title).toBe('客戶活動中心'))
  })
})

describe('the shell’s history', () => {
  it('opens the customer of a deep link the shell passes on, and goes back to the search', async () => {
    // Prepare
    const { fetch } = await bootReady()

    // Act: a screen-pop opened through the shell URL, then the browser's back button.
    await shellNavigates('/customer?ns=phone&id=%2B14155550123')
    const heading = await screen.findByTestId('result-heading')
    const hashAfterPop = window.location.hash
    await shellNavigates('/')

    // Assess
    expect(heading.textContent).toBe('Jane Doe')
    expect(hashAfterPop).toBe('#/customer?ns=phone&id=%2B14155550123')
    const call = fetch.callsTo('customer-profile')[0]
    expect([call?.url.searchParams.get('namespace'), call?.url.searchParams.get('id')]).toEqual([
      'phone',
      '+14155550123'
    ])
    expect(window.location.hash).toBe('')
  })

  it('ignores the echo of its own navigation and payloads without a path', async () => {
    // Prepare
    const { fetch } = await bootReady()

    // Act
    await shellNavigates('/customer?ns=phone&id=%2B14155550123', 'internal')

    // Assess
    expect(window.location.hash).toBe('')
    expect(fetch.callsTo('customer-profile')).toEqual([])
    expect([hashOfShellPath(null), hashOfShellPath({ type: 'external' })]).toEqual([null, null])
    expect(hashOfShellPath({ type: 'external', path: 'customer?ns=crmid&id=CRM-1' })).toBe(
      '#/customer?ns=crmid&id=CRM-1'
    )
  })
})

describe('the shell’s configuration', () => {
  it('asks the sandbox the shell switches to, without leaving the previous customer on screen', async () => {
    // Prepare
    const { runtime, fetch } = await bootReady()
    await typeAndEnter('jane.doe@example.com')
    await screen.findByTestId('result-heading')

    // Act
    await act(async () => runtime.emit('configuration', { sandbox: { name: 'dev' } }))
    await screen.findByTestId('search-value')
    await typeAndEnter('jane.doe@example.com')
    await screen.findByTestId('result-heading')

    // Assess
    expect(fetch.callsTo('customer-profile').map((c) => c.url.searchParams.get('sandbox'))).toEqual(['prod', 'dev'])
  })
})

describe('done()', () => {
  it('is called exactly once, whatever the shell sends afterwards', async () => {
    // Prepare
    const { runtime } = await bootReady()
    await waitFor(() => expect(runtime.done).toHaveBeenCalledTimes(1))

    // Act: a screen-pop, a sandbox switch (which remounts the page) and a token renewal.
    await shellNavigates('/customer?ns=phone&id=%2B14155550123')
    await screen.findByTestId('result-heading')
    await act(async () => runtime.emit('configuration', { sandbox: { name: 'dev' } }))
    await act(async () => runtime.emit('configuration', { imsToken: 'renewed' }))
    await screen.findByTestId('search-value')

    // Assess
    expect(runtime.done).toHaveBeenCalledTimes(1)
    expect(runtime.listeners('history')).toBe(1)
  })
})
