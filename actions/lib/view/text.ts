import { str } from '../aep'

// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what is stripped
const CONTROL = /[\u0000-\u001f\u007f]+/g

/** One printable line of at most `max` characters from untrusted AEP data, or null when nothing is left. */
export function printable(v: unknown, max: number): string | null {
  const s = str(v)
  if (!s) return null
  const clean = s.replace(CONTROL, ' ').trim().slice(0, max)
  return clean === '' ? null : clean
}
