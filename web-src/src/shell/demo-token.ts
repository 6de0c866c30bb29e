/**
 * Standalone sign-in for local runs: `npm start` inlines DEMO_TOKEN_URL (the IMS stand-in's dev
 * route) and DEMO_IMS_ORG at build time, and the console fetches a demo agent token from it.
 * Production builds have neither, and a URL that is not on this machine is never used, so a
 * stray variable cannot make a deployed console mint tokens anywhere.
 */
import type { FetchLike } from '../api/action-client'
import type { Credentials } from '../api/types'

export interface DemoSignIn {
  tokenUrl: string
  org: string | null
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]'])

/** The demo sign-in settings, or null when this build has none (or a non-local URL). */
export function demoSignIn(tokenUrl: string | undefined, org: string | undefined): DemoSignIn | null {
  if (!tokenUrl) return null
  try {
    const url = new URL(tokenUrl)
    if (!LOOPBACK.has(url.hostname) || !/^https?:$/.test(url.protocol)) return null
  } catch {
    return null
  }
  return { tokenUrl, org: org?.trim() || null }
}

/** POSTs `{ org }` to the stand-in's dev route and returns the agent's credentials. */
export async function fetchDemoToken(config: DemoSignIn, fetchFn: FetchLike): Promise<Credentials> {
  const res = await fetchFn(config.tokenUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(config.org ? { org: config.org } : {})
  })
  if (!res.ok) throw new Error(`demo token route answered ${res.status}`)
  const body: unknown = await res.json()
  const b = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {}
  const org = typeof b.org === 'string' && b.org ? b.org : config.org
  if (typeof b.access_token !== 'string' || !b.access_token || !org)
    throw new Error('demo token route answered without a token or org')
  return { token: b.access_token, org }
}
