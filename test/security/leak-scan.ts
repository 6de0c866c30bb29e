/**
 * Scans captured log lines for what must never be logged: tokens (any JWT), the app's secrets,
 * and the seeded e-mail addresses, phone numbers and names of the customers a suite used —
 * raw or URL-encoded. Candidates are extracted once per line and looked up in sets, so scanning
 * a soak's hundreds of thousands of lines against thousands of customers stays fast.
 */
import type { Seed } from '../../stand-ins/seed/types'
import type { TestEnv } from '../integration/harness'
import { CLIENT_SECRET } from '../integration/harness'

export interface Pii {
  emails: Set<string>
  /** Last 10 digits of every phone number (catches +1…, 1…, national and formatted forms). */
  phoneDigits: Set<string>
  names: Set<string>
}

/** The State API key and the app's client secret (what __OW_API_KEY / .env would hold). */
export const SECRETS: readonly string[] = [
  CLIENT_SECRET,
  'cah-local-key',
  'cah-local-ims-signing-secret-not-for-production'
]

const JWT = /eyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]/
const EMAIL = /[A-Za-z0-9._%+-]+(?:@|%40)[A-Za-z0-9.-]+\.[A-Za-z]{2,}/gi
const DIGITS = /\d[\d\s().+-]{8,}\d/g

/** The e-mails, phones and full names of customers `indexes` of `seeds`. */
export function seededPii(seeds: readonly Seed[], indexes: Iterable<number>): Pii {
  const pii: Pii = { emails: new Set(), phoneDigits: new Set(), names: new Set() }
  for (const i of indexes) {
    for (const seed of seeds) {
      if (i >= seed.size) continue
      for (const id of seed.identities(i)) {
        if (id.namespace === 'email') pii.emails.add(id.id.toLowerCase())
        if (id.namespace === 'phone') pii.phoneDigits.add(id.id.replace(/\D/g, '').slice(-10))
      }
      const name = seed.profile(i).person?.name
      if (name?.firstName && name.lastName) pii.names.add(`${name.firstName} ${name.lastName}`)
    }
  }
  return pii
}

/** The seeds of the env's prod and dev sandboxes. */
export function seedsOf(env: TestEnv): Seed[] {
  return ['prod', 'dev'].flatMap((s) => {
    const sb = env.standIns.aep.sandboxes.get(s)
    return sb ? [sb.seed] : []
  })
}

/** One description per leaking line (empty = clean). */
export function findLeaks(lines: readonly string[], pii: Pii, secrets: readonly string[] = SECRETS): string[] {
  const out: string[] = []
  lines.forEach((line, n) => {
    const what: string[] = []
    if (JWT.test(line)) what.push('a JWT')
    for (const s of secrets) if (line.includes(s)) what.push('a secret')
    for (const m of line.matchAll(EMAIL))
      if (pii.emails.has(m[0].toLowerCase().replace(/%40/g, '@'))) what.push('a seeded e-mail')
    for (const m of line.matchAll(DIGITS)) {
      const digits = m[0].replace(/\D/g, '')
      for (let k = 0; k + 10 <= digits.length; k++)
        if (pii.phoneDigits.has(digits.slice(k, k + 10))) what.push('a seeded phone number')
    }
    for (const name of pii.names) if (line.includes(name)) what.push('a seeded name')
    if (what.length > 0) out.push(`line ${n}: ${[...new Set(what)].join(', ')}: ${line.slice(0, 300)}`)
  })
  return out
}
