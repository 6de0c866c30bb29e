/**
 * The bounds an identity must meet before the UI sends it anywhere, shared by the search bar and
 * the screen-pop link. The action does the real (per-namespace) validation.
 */
export const NAMESPACE_PATTERN = /^[A-Za-z][A-Za-z0-9_.-]{0,63}$/
export const MAX_ID_LENGTH = 256
// Control characters never belong in an identity (and would not display).
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/

export type IdentityProblem = 'namespace' | 'empty' | 'too-long' | 'characters'

/** Returns what is wrong with a namespace/value pair, or null when it may be looked up. */
export function identityProblem(namespace: string, value: string): IdentityProblem | null {
  if (!NAMESPACE_PATTERN.test(namespace)) return 'namespace'
  const v = value.trim()
  if (v === '') return 'empty'
  if (v.length > MAX_ID_LENGTH) return 'too-long'
  if (CONTROL.test(v)) return 'characters'
  return null
}
