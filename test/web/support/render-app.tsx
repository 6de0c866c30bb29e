/**
 * Renders the whole console standalone (demo sign-in faked) against a fake fetch, and offers the
 * few interactions the tests share: type an identity, pick an identity type, press Enter.
 */
import { act, fireEvent, type RenderResult, render, screen, within } from '@testing-library/react'
import type { Lookup } from '../../../web-src/src/api/types'
import { App } from '../../../web-src/src/components/app'
import { PENDING_KEY, sharedPendingStore } from '../../../web-src/src/lib/pending-interactions'
import { RECENTS_KEY, RecentsStore, sharedRecentsStore } from '../../../web-src/src/lib/recents-store'
import { DEMO, type FakeFetch, fakeFetch, type Handler, TEST_URLS } from './fake-fetch'
import { METADATA } from './fixtures'

export interface RenderOptions {
  routes?: Record<string, Handler>
  locale?: 'en-US' | 'zh-Hant'
  hash?: string
  /** Recent lookups a previous page of this tab left in sessionStorage (masked, values gone). */
  earlierRecents?: Lookup[]
  /** Other sessionStorage entries a previous page of this tab left (e.g. pending wrap-ups). */
  earlierSession?: Record<string, string>
}

export function resetBrowserState(): void {
  window.localStorage.clear()
  sharedRecentsStore().clear()
  window.sessionStorage.removeItem(RECENTS_KEY)
  sharedPendingStore().clear()
  window.sessionStorage.removeItem(PENDING_KEY)
  window.history.replaceState(null, '', '/')
}

export function renderApp(options: RenderOptions = {}): RenderResult & { fetch: FakeFetch } {
  resetBrowserState()
  if (options.locale) window.localStorage.setItem('cah.locale', options.locale)
  const earlier = new RecentsStore(window.sessionStorage)
  for (const lookup of options.earlierRecents ?? []) earlier.add(lookup)
  for (const [key, value] of Object.entries(options.earlierSession ?? {})) window.sessionStorage.setItem(key, value)
  if (options.hash) window.history.replaceState(null, '', `/${options.hash}`)
  const fetch = fakeFetch({ metadata: () => ({ body: METADATA }), ...options.routes })
  const result = render(<App bootstrap={{ kind: 'standalone', demo: DEMO }} fetch={fetch.fn} urls={TEST_URLS} />)
  return { ...result, fetch }
}

export function searchInput(): HTMLInputElement {
  const input = screen.getByTestId('search-value')
  if (!(input instanceof HTMLInputElement)) throw new Error('search-value is not an input')
  return input
}

/** Types a value into the identifier field and presses Enter. */
export async function typeAndEnter(value: string): Promise<void> {
  const input = await screen.findByTestId('search-value')
  await act(async () => {
    fireEvent.change(input, { target: { value } })
  })
  await act(async () => {
    fireEvent.keyDown(input, { key: 'Enter', code: 'Enter' })
  })
}

/** Opens the identity-type picker and chooses an option by its visible name. */
export async function chooseNamespace(label: RegExp | string): Promise<void> {
  const picker = await screen.findByTestId('search-namespace')
  await act(async () => {
    fireEvent.click(picker)
  })
  const listbox = await screen.findByRole('listbox')
  await act(async () => {
    fireEvent.click(within(listbox).getByRole('option', { name: label }))
  })
}
