/**
 * XDM Consents & Preferences (`consents.*`) normalised for an agent: each choice becomes granted,
 * denied, pending or unknown, with the stored value kept. Adobe's values: y (yes), n (no),
 * p (pending verification), u (unknown), dy / dn (default yes / no, no explicit choice), and the
 * legal bases LI (legitimate interest), CT (contract), CP (compliance with a legal obligation),
 * VI (vital interest) and PI (public interest), under which processing is allowed.
 */
import { readPath } from './paths'

export type ConsentStatus = 'granted' | 'denied' | 'pending' | 'unknown'

export interface Consent {
  status: ConsentStatus
  /** The XDM value as stored (`y`, `n`, `p`, `u`, `dy`, `dn`, `LI`, `CT`, `CP`, `VI`, `PI`). */
  raw: string
  /** ISO timestamp of the choice, when recorded. */
  time?: string
}

const STATUS: Record<string, ConsentStatus> = {
  y: 'granted',
  dy: 'granted',
  li: 'granted',
  ct: 'granted',
  cp: 'granted',
  vi: 'granted',
  pi: 'granted',
  n: 'denied',
  dn: 'denied',
  p: 'pending',
  u: 'unknown'
}

/** The marketing channels of XDM's consent field group; `any` covers all marketing. */
export const MARKETING_CHANNELS = [
  'any',
  'email',
  'sms',
  'push',
  'call',
  'postalMail',
  'fax',
  'commercialEmail',
  'whatsApp',
  'inApp',
  'socialMedia'
] as const

const MAX_EXTRA_CHANNELS = 20

/** One consent object (`{ val, time? }`) or null when the profile does not record it. */
export function consentAt(entity: unknown, path: string): Consent | null {
  const node = readPath(entity, path)
  if (typeof node !== 'object' || node === null || Array.isArray(node)) return null
  const val = (node as Record<string, unknown>).val
  if (typeof val !== 'string' || val.length === 0 || val.length > 8) return null
  const out: Consent = { status: STATUS[val.toLowerCase()] ?? 'unknown', raw: val }
  const time = (node as Record<string, unknown>).time
  if (typeof time === 'string' && Number.isFinite(Date.parse(time))) out.time = new Date(time).toISOString()
  return out
}

/**
 * `marketing` holds one entry per channel the profile records (`email`, `sms`, `push`, `call`,
 * `postalMail`, `whatsApp`, …, and `any` for all marketing), plus `preferred`, the channel the
 * customer prefers (XDM's code, such as `email` or `sms`).
 */
export interface Consents {
  collect: Consent | null
  share: Consent | null
  personalize: Consent | null
  marketing: MarketingConsents
}

export type MarketingConsents = { preferred: string | null } & { [channel: string]: Consent | string | null }

/** All consents the profile records. Unknown channel names are kept (bounded), known ones first. */
export function readConsents(entity: unknown): Consents {
  const marketing: Consents['marketing'] = { preferred: null }
  const preferred = readPath(entity, 'consents.marketing.preferred')
  if (typeof preferred === 'string' && /^[A-Za-z][A-Za-z0-9_-]{0,39}$/.test(preferred)) marketing.preferred = preferred
  for (const channel of MARKETING_CHANNELS) {
    const c = consentAt(entity, `consents.marketing.${channel}`)
    if (c) marketing[channel] = c
  }
  const all = readPath(entity, 'consents.marketing')
  if (typeof all === 'object' && all !== null && !Array.isArray(all)) {
    const extra = Object.keys(all)
      .filter((k) => k !== 'preferred' && !(MARKETING_CHANNELS as readonly string[]).includes(k))
      .filter((k) => /^[A-Za-z][A-Za-z0-9_]{0,39}$/.test(k))
    let kept = 0
    for (const k of extra) {
      if (kept >= MAX_EXTRA_CHANNELS) break
      const c = consentAt(entity, `consents.marketing.${k}`)
      if (c) {
        marketing[k] = c
        kept++
      }
    }
  }
  return {
    collect: consentAt(entity, 'consents.collect'),
    share: consentAt(entity, 'consents.share'),
    personalize: consentAt(entity, 'consents.personalize.content'),
    marketing
  }
}
