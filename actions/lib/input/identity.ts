/**
 * Identity input: which namespace, and the value normalised the way AEP stores it, so that
 * " Jane.Doe@Example.com " and "jane.doe@example.com" find (and cache as) the same person.
 */
import type { NormalisedIdentity } from '../aep'

export type { NormalisedIdentity }

export type IdentityResult =
  | { ok: true; identity: NormalisedIdentity }
  | { ok: false; field: 'namespace' | 'id'; message: string }

const AEP_CODES: Record<string, string> = { email: 'Email', phone: 'Phone', ecid: 'ECID', crmid: 'CRMID' }
const NAMESPACE = /^[A-Za-z][A-Za-z0-9_.-]{0,63}$/
const EMAIL =
  /^[a-z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$/
const E164 = /^\+[1-9]\d{7,14}$/
const ECID = /^\d{38}$/
// Printable, no control characters, no characters that only appear in injection attempts.
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what an identity may not hold
const GENERIC_ID = /^[^\u0000-\u001f\u007f\u0080-\u009f#&?\\/<>"'`]{1,256}$/u

function normalisePhone(value: string, defaultCountryCode: string): string | undefined {
  const compact = value.replace(/[\s().-]/g, '')
  let digits: string
  if (compact.startsWith('+')) digits = compact.slice(1)
  else if (compact.startsWith('00')) digits = compact.slice(2)
  else if (/^\d{10}$/.test(compact)) digits = defaultCountryCode + compact
  else digits = compact
  const e164 = `+${digits}`
  return E164.test(e164) ? e164 : undefined
}

/** Validates and normalises a namespace/id pair; never throws. */
export function normaliseIdentity(namespaceInput: unknown, idInput: unknown, defaultCountryCode = '1'): IdentityResult {
  if (typeof namespaceInput !== 'string' || namespaceInput.trim() === '') {
    return {
      ok: false,
      field: 'namespace',
      message: 'is required (email, phone, ecid, crmid or another namespace code of the org)'
    }
  }
  const nsTrimmed = namespaceInput.trim()
  if (!NAMESPACE.test(nsTrimmed))
    return { ok: false, field: 'namespace', message: 'must be an identity namespace code such as email or phone' }
  const namespace = nsTrimmed.toLowerCase()
  if (typeof idInput !== 'string' || idInput.trim() === '') return { ok: false, field: 'id', message: 'is required' }
  const raw = idInput.trim()
  if (raw.length > 256) return { ok: false, field: 'id', message: 'must be at most 256 characters' }
  const aepNamespace = AEP_CODES[namespace] ?? nsTrimmed
  switch (namespace) {
    case 'email': {
      const id = raw.toLowerCase()
      return id.length <= 254 && EMAIL.test(id)
        ? { ok: true, identity: { namespace, aepNamespace, id } }
        : { ok: false, field: 'id', message: 'must be an e-mail address' }
    }
    case 'phone': {
      const id = normalisePhone(raw, defaultCountryCode)
      return id
        ? { ok: true, identity: { namespace, aepNamespace, id } }
        : { ok: false, field: 'id', message: 'must be a phone number in international (E.164) form, e.g. +14155550123' }
    }
    case 'ecid':
      return ECID.test(raw)
        ? { ok: true, identity: { namespace, aepNamespace, id: raw } }
        : { ok: false, field: 'id', message: 'must be an Experience Cloud ID of 38 digits' }
    default:
      return GENERIC_ID.test(raw)
        ? { ok: true, identity: { namespace, aepNamespace, id: raw } }
        : { ok: false, field: 'id', message: 'contains characters an identity cannot have' }
  }
}
