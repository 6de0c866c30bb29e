/** This tab's sessionStorage, or null where the browser refuses it (privacy modes, sandboxed frames). */
export function sessionStorageOrNull(): Storage | null {
  try {
    return typeof window !== 'undefined' ? window.sessionStorage : null
  } catch {
    return null
  }
}
