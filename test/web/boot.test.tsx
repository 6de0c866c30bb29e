import { act, fireEvent, screen, waitFor } from '@testing-library/react'
import { bootApp } from '../../web-src/src/boot'
import { registerBootContainer } from './support/boot-container'
import { type FakeFetch, fakeFetch, TEST_URLS } from './support/fake-fetch'
import { type FakeRuntime, installFakeShell } from './support/fake-shell'
import { janeDoe, METADATA } from './support/fixtures'
import { typeAndEnter } from './support/render-app'

const app = registerBootContainer()

function routes(): FakeFetch {
  return fakeFetch({ metadata: () => ({ body: METADATA }), 'customer-profile': () => ({ body: janeDoe() }) })
}

async function bootInShell(): Promise<{ runtime: FakeRuntime; fetch: FakeFetch }> {
  const runtime = installFakeShell()
  const fetch = routes()
  await act(async () => {
    app.handle = bootApp(app.element, { fetch: fetch.fn, urls: TEST_URLS })
  })
  return { runtime, fetch }
}

describe('inside the Experience Cloud shell', () => {
  it('boots through exc-app when the module runtime is present', async () => {
    await bootInShell()

    expect(app.handle?.mode).toBe('shell')
    expect(screen.getByTestId('shell-starting')).toBeTruthy()
  })

  it('uses the token, org and locale of the ready event for its requests and text', async () => {
    const { runtime, fetch } = await bootInShell()

    await act(async () =>
      runtime.emit('ready', { imsToken: 'shell-token', imsOrg: 'SHELLORG@AdobeOrg', locale: 'zh_TW', theme: 'light' })
    )
    await typeAndEnter('jane.doe@example.com')

    expect(await screen.findByRole('heading', { level: 1, name: '客戶活動中心' })).toBeTruthy()
    expect(fetch.calls.length).toBeGreaterThanOrEqual(2)
    for (const call of fetch.calls) {
      expect(call.headers).toMatchObject({
        authorization: 'Bearer shell-token',
        'x-gw-ims-org-id': 'SHELLORG@AdobeOrg'
      })
    }
    expect(screen.queryByTestId('language-switcher')).toBeNull()
  })

  it('calls done() once the first view has rendered, and only once', async () => {
    const { runtime } = await bootInShell()
    expect(runtime.done).not.toHaveBeenCalled()

    await act(async () =>
      runtime.emit('ready', { imsToken: 'shell-token', imsOrg: 'SHELLORG@AdobeOrg', locale: 'en_US' })
    )
    await screen.findByTestId('search-value')
    await waitFor(() => expect(runtime.done).toHaveBeenCalledTimes(1))
    await typeAndEnter('jane.doe@example.com')
    await screen.findByTestId('result-heading')

    expect(runtime.done).toHaveBeenCalledTimes(1)
  })

  it('sends the shell’s sandbox and follows a sandbox switch with a clean console', async () => {
    const { runtime, fetch } = await bootInShell()
    await act(async () =>
      runtime.emit('ready', { imsToken: 't', imsOrg: 'O@AdobeOrg', locale: 'en_US', sandbox: { name: 'dev' } })
    )
    await typeAndEnter('jane.doe@example.com')
    await screen.findByTestId('result-heading')

    await act(async () => runtime.emit('configuration', { sandbox: { name: 'prod' } }))

    expect(fetch.callsTo('customer-profile')[0]?.url.searchParams.get('sandbox')).toBe('dev')
    expect(fetch.callsTo('metadata').map((c) => c.url.searchParams.get('sandbox'))).toEqual(['dev', 'prod'])
    expect(screen.queryByTestId('result-heading')).toBeNull()
  })

  it('uses a token the shell renews through a configuration event', async () => {
    const { runtime, fetch } = await bootInShell()
    await act(async () => runtime.emit('ready', { imsToken: 'old-token', imsOrg: 'O@AdobeOrg', locale: 'en_US' }))

    await act(async () => runtime.emit('configuration', { imsToken: 'new-token' }))
    await typeAndEnter('jane.doe@example.com')

    expect(fetch.callsTo('customer-profile')[0]?.headers.authorization).toBe('Bearer new-token')
  })

  it('follows the shell’s dark theme', async () => {
    const { runtime } = await bootInShell()
    const scheme = (): string | null | undefined => app.element.firstElementChild?.getAttribute('style')
    expect(scheme()).toContain('color-scheme: light')

    await act(async () =>
      runtime.emit('ready', { imsToken: 't', imsOrg: 'O@AdobeOrg', locale: 'en_US', theme: 'dark' })
    )

    expect(scheme()).toContain('color-scheme: dark')
  })

  it('unsubscribes from the runtime when unmounted', async () => {
    const { runtime } = await bootInShell()
    expect(runtime.listeners('configuration')).toBe(1)

    act(() => app.handle?.unmount())
    app.handle = null

    expect(runtime.listeners('configuration')).toBe(0)
  })
})

describe('standalone', () => {
  it('signs in with the demo token route without any manual step', async () => {
    const fetch = routes()
    await act(async () => {
      app.handle = bootApp(app.element, {
        fetch: fetch.fn,
        urls: TEST_URLS,
        demo: { tokenUrl: 'http://127.0.0.1:9102/__dev/agent-token', org: 'DEMO@AdobeOrg' }
      })
    })

    await screen.findByTestId('search-value')

    expect(app.handle?.mode).toBe('standalone')
    expect(fetch.calls[0]?.url.toString()).toBe('http://127.0.0.1:9102/__dev/agent-token')
    expect(fetch.callsTo('metadata')[0]?.headers.authorization).toBe('Bearer demo-agent-token')
    expect(screen.getByTestId('language-switcher')).toBeTruthy()
  })

  it('asks to open the app in Experience Cloud when the build has no demo sign-in', async () => {
    const fetch = routes()

    await act(async () => {
      app.handle = bootApp(app.element, { fetch: fetch.fn, urls: TEST_URLS, demo: null })
    })

    expect(screen.getByTestId('standalone-unavailable').textContent).toContain(
      'Open this app inside Adobe Experience Cloud'
    )
    expect(fetch.calls).toHaveLength(0)
  })

  it('offers to try again when the demo sign-in fails', async () => {
    let attempts = 0
    const fetch = fakeFetch({
      'agent-token': () =>
        ++attempts === 1 ? { status: 503 } : { body: { access_token: 'tok', org: 'DEMO@AdobeOrg' } },
      metadata: () => ({ body: METADATA })
    })
    await act(async () => {
      app.handle = bootApp(app.element, {
        fetch: fetch.fn,
        urls: TEST_URLS,
        demo: { tokenUrl: 'http://127.0.0.1:9102/__dev/agent-token', org: null }
      })
    })

    const failed = await screen.findByTestId('sign-in-failed')
    await act(async () => {
      fireEvent.click(failed.querySelector('button') ?? failed)
    })

    expect(await screen.findByTestId('search-value')).toBeTruthy()
  })

  it('switches language with the switcher and remembers the choice', async () => {
    const fetch = routes()
    await act(async () => {
      app.handle = bootApp(app.element, {
        fetch: fetch.fn,
        urls: TEST_URLS,
        demo: { tokenUrl: 'http://127.0.0.1:9102/__dev/agent-token', org: null }
      })
    })
    const switcher = await screen.findByTestId('language-switcher')

    await act(async () => {
      fireEvent.click(switcher)
    })
    await act(async () => {
      fireEvent.click(await screen.findByRole('option', { name: '繁體中文' }))
    })

    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('客戶活動中心')
    expect(document.documentElement.lang).toBe('zh-Hant')
    expect(window.localStorage.getItem('cah.locale')).toBe('zh-Hant')
  })
})
