/**
 * The Experience Cloud shell keeps the app's route in its own URL, after the app's base
 * (`…/custom-apps/<app id>/customer?ns=phone&id=…`), and tells the app of a change it did not
 * make (browser back/forward, a deep link opened in the shell) with a `history` event
 * `{ type: 'external', path: '/customer?ns=…' }`. The console's route lives in its location hash.
 */

/** The location hash (`#/customer?…`) for a shell `history` payload; null when there is nothing to follow. */
export function hashOfShellPath(payload: unknown): string | null {
  if (typeof payload !== 'object' || payload === null) return null
  const { type, path } = payload as Record<string, unknown>
  // 'internal' (or absent) means the change came from the app itself, which already shows it.
  if (type !== 'external' || typeof path !== 'string') return null
  const route = path.replace(/^#/, '').trim()
  if (route === '' || route === '/') return ''
  return `#${route.startsWith('/') ? route : `/${route}`}`
}
