/**
 * What jsdom lacks and React Spectrum needs: matchMedia (theme and breakpoints follow it) and CSS.escape.
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

// React Aria builds selectors with CSS.escape, which jsdom does not provide.
if (typeof globalThis.CSS === 'undefined') {
  const cssEscape = (value: string): string => value.replace(/[^a-zA-Z0-9_-]/g, (ch) => `\\${ch}`)
  Object.defineProperty(globalThis, 'CSS', { configurable: true, value: { escape: cssEscape, supports: () => false } })
}

// axe-core measures text on a canvas to spot icon-font ligatures (WCAG 2.5.3 label/name rule).
// jsdom has no canvas: this one says every glyph is ordinary text, which is true of this app
// (its icons are SVG), so the rule runs instead of erroring.
HTMLCanvasElement.prototype.getContext = function getContext(this: HTMLCanvasElement): RenderingContext {
  const context = {
    canvas: this,
    font: '',
    textAlign: 'left',
    textBaseline: 'top',
    measureText: (text: string) => ({ width: 10 * text.length }),
    fillText: () => undefined,
    clearRect: () => undefined,
    getImageData: (_x: number, _y: number, w: number, h: number) => ({
      data: new Uint8ClampedArray(Math.max(4, Math.ceil(w) * Math.ceil(h) * 4)).fill(1)
    })
  }
  return context as unknown as RenderingContext
} as typeof HTMLCanvasElement.prototype.getContext
