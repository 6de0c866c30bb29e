/**
 * Masks an identity for display in places that outlive the call (recent lookups). The bullet runs
 * have a fixed length so the mask does not reveal how long the hidden part is.
 */
const BULLETS = '•••'

export function maskIdentity(namespace: string, value: string): string {
  const v = value.trim()
  if (v === '') return ''
  if (namespace === 'email') {
    const at = v.lastIndexOf('@')
    if (at > 0) return `${v.slice(0, 1)}${BULLETS}${v.slice(at)}`
  }
  if (namespace === 'phone') {
    const digits = v.replace(/\D/g, '')
    if (digits.length >= 7)
      return `${v.startsWith('+') || v.startsWith('00') ? '+' : ''}${digits.slice(0, 1)}•••••${digits.slice(-4)}`
  }
  // Other identifiers (CRM id, ECID, custom): enough of both ends to tell two apart, never the middle.
  if (v.length > 8) return `${v.slice(0, 2)}${BULLETS}${v.slice(-2)}`
  return BULLETS
}
