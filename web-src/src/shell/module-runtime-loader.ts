/**
 * Loads the Experience Cloud module runtime when the console is framed by the shell, which passes
 * the runtime's script URL in `?_mr=`. Same checks as Adobe's generated `exc-runtime.js`: framed,
 * HTTPS, an Adobe Experience Cloud host, a .js file. On load the script calls `EXC_MR_READY`,
 * which exc-app's `init()` sets.
 */
const MR_HOST = /^(exc-unifiedcontent\.)?experience(-qa|-stage|-cdn|-cdn-stage)?\.adobe\.(com|net)$/

function isFramed(win: Window): boolean {
  try {
    return win.self !== win.top
  } catch {
    return true
  }
}

/** The validated module-runtime URL, or null when the page is not running in the shell. */
export function moduleRuntimeUrl(win: Window): URL | null {
  if (!isFramed(win)) return null
  const raw = new URL(win.location.href).searchParams.get('_mr')
  if (!raw) return null
  try {
    const url = new URL(decodeURIComponent(raw))
    if (url.protocol !== 'https:' || !MR_HOST.test(url.hostname) || !url.pathname.endsWith('.js')) return null
    return url
  } catch {
    return null
  }
}

/**
 * Starts loading the module runtime; returns false (and loads nothing) outside the shell.
 * `onError` runs when the script cannot be loaded, so the caller can fall back to standalone.
 */
export function startModuleRuntime(win: Window, onError: () => void): boolean {
  const url = moduleRuntimeUrl(win)
  if (!url) return false
  const script = win.document.createElement('script')
  script.async = true
  script.src = url.toString()
  script.onload = () => {
    const ready: unknown = (win as unknown as Record<string, unknown>).EXC_MR_READY
    if (typeof ready === 'function') ready()
  }
  script.onerror = () => onError()
  win.document.head.appendChild(script)
  return true
}
