/**
 * What jsdom lacks and React Spectrum needs: matchMedia (theme and breakpoints follow it).
 * A test can set `prefersDark` to emulate `prefers-color-scheme: dark`.
 */
export const media = { prefersDark: false }

Object.defineProperty(window, 'matchMedia', {
  configurable: true,
  writable: true,
  value: (query: string): MediaQueryList => ({
    matches: query.includes('prefers-color-scheme: dark') ? media.prefersDark : false,
    media: query,
    onchange: null,
    addListener: () => undefined,
    removeListener: () => undefined,
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
    dispatchEvent: () => false
  })
})
