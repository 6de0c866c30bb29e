/**
 * Starts the console. Inside the Experience Cloud shell (module runtime present, or announced by
 * the shell's `?_mr=` parameter) it waits for exc-app's runtime; anywhere else it runs standalone,
 * signing in with the demo token route when this build has one.
 */

import { getEMR, init } from '@adobe/exc-app'
import { createRoot } from 'react-dom/client'
import type { FetchLike } from './api/action-client'
import type { ActionUrls } from './api/action-urls'
import { App } from './components/app'
import { type DemoSignIn, demoSignIn } from './shell/demo-token'
import { startModuleRuntime } from './shell/module-runtime-loader'

export interface BootOptions {
  win?: Window
  fetch?: FetchLike
  urls?: ActionUrls
  /** Standalone sign-in; defaults to the DEMO_TOKEN_URL / DEMO_IMS_ORG inlined at build time. */
  demo?: DemoSignIn | null
}

export type BootMode = 'shell' | 'shell-loading' | 'standalone'

export interface BootHandle {
  mode: BootMode
  unmount(): void
}

/** Renders the console into `container` and says which way it started. */
export function bootApp(container: HTMLElement, options: BootOptions = {}): BootHandle {
  const win = options.win ?? window
  const fetchFn: FetchLike = options.fetch ?? ((input, init) => win.fetch(input, init))
  // Parcel replaces these two expressions with the build-time values (undefined in production).
  const demo =
    options.demo !== undefined ? options.demo : demoSignIn(process.env.DEMO_TOKEN_URL, process.env.DEMO_IMS_ORG)
  const root = createRoot(container)
  let rendered = false

  const renderStandalone = (): void => {
    rendered = true
    root.render(<App bootstrap={{ kind: 'standalone', demo }} fetch={fetchFn} urls={options.urls} />)
  }
  // exc-app's runtime() only works once the module runtime exists: init() calls back then
  // (at once when it is already there, else when the runtime script calls EXC_MR_READY).
  const renderInShell = (): void =>
    init((runtime) => {
      rendered = true
      root.render(<App bootstrap={{ kind: 'shell', runtime }} fetch={fetchFn} urls={options.urls} />)
    })

  const handle = (mode: BootMode): BootHandle => ({ mode, unmount: () => root.unmount() })
  if (getEMR(win)) {
    renderInShell()
    return handle('shell')
  }
  if (
    startModuleRuntime(win, () => {
      if (!rendered) renderStandalone()
    })
  ) {
    renderInShell()
    return handle('shell-loading')
  }
  renderStandalone()
  return handle('standalone')
}
