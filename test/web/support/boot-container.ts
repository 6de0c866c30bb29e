/**
 * A container element for booting the whole console per test, torn down after it (the app
 * unmounted, the fake shell removed). Tests set `app.handle` to what bootApp returned.
 */
import { act } from '@testing-library/react'
import type { BootHandle } from '../../../web-src/src/boot'
import { removeFakeShell } from './fake-shell'
import { resetBrowserState } from './render-app'

export interface BootContainer {
  element: HTMLElement
  handle: BootHandle | null
}

export function registerBootContainer(): BootContainer {
  const app: BootContainer = { element: document.createElement('div'), handle: null }
  beforeEach(() => {
    resetBrowserState()
    app.element = document.createElement('div')
    document.body.appendChild(app.element)
  })
  afterEach(() => {
    act(() => app.handle?.unmount())
    app.handle = null
    app.element.remove()
    removeFakeShell()
  })
  return app
}
