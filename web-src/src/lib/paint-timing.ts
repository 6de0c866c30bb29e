/**
 * Performance marks for "action answered → profile painted", read by the end-to-end tests
 * (performance.getEntriesByName('cah:answer-to-paint')). No-ops where the User Timing API is missing.
 */
export const ANSWER_MARK = 'cah:profile-answered'
export const PAINT_MARK = 'cah:profile-painted'
export const ANSWER_TO_PAINT = 'cah:answer-to-paint'

function perf(): Performance | null {
  return typeof performance !== 'undefined' && typeof performance.mark === 'function' ? performance : null
}

export function markProfileAnswered(): void {
  perf()?.mark(ANSWER_MARK)
}

/** Call after the profile rendered; marks the next frame (when the browser has painted it). */
export function markProfilePainted(): void {
  const p = perf()
  if (!p || typeof requestAnimationFrame !== 'function') return
  requestAnimationFrame(() => {
    p.mark(PAINT_MARK)
    try {
      p.measure(ANSWER_TO_PAINT, ANSWER_MARK, PAINT_MARK)
    } catch {
      // No answer mark (e.g. rendered from a test fixture): nothing to measure.
    }
  })
}
