/**
 * Where each action lives. `aio app build` / `aio app dev` write `web-src/src/config.json` with the
 * deployed (or local) URL of every action; without it (tests, a hand-made build) the actions are
 * assumed next to the page, as App Builder serves them.
 */
export type ActionName =
  | 'customer-profile'
  | 'customer-events'
  | 'metadata'
  | 'customer-reveal'
  | 'customer-interactions'

export const ACTION_PACKAGE = 'customer-activity-hub'

export type ActionUrls = (action: ActionName) => string

function loadInjectedConfig(): Record<string, unknown> {
  try {
    // Optional on purpose: Parcel marks a require inside try as optional, and Jest throws here
    // when the file is absent. Both fall back to the relative URLs below.
    const raw: unknown = require('../config.json')
    return typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {}
  } catch {
    return {}
  }
}

function usable(url: unknown): url is string {
  if (typeof url !== 'string' || url === '' || url.includes('undefined')) return false
  return url.startsWith('/') || /^https?:\/\//.test(url)
}

/** Resolves action URLs from an injected config (default: config.json), else `/api/v1/web/<package>/<action>`. */
export function createActionUrls(config: Record<string, unknown> = loadInjectedConfig(), origin?: string): ActionUrls {
  return (action) => {
    const injected = config[`${ACTION_PACKAGE}/${action}`]
    if (usable(injected)) return injected
    const path = `/api/v1/web/${ACTION_PACKAGE}/${action}`
    return origin ? new URL(path, origin).toString() : path
  }
}
