/**
 * What the fault, fuzz and security suites check on every answer: no unhandled rejection, a 200
 * always carries a whole view, an error always carries a documented code, and the State stand-in
 * never holds a view built from a failed or partial upstream answer.
 */
import type { ActionResponse } from '../../actions/lib/http/responses'
import type { TestEnv } from '../integration/harness'

/** Every error code of docs/api.md, with the HTTP status it comes with. */
export const DOCUMENTED_CODES: Readonly<Record<string, number>> = {
  INVALID_IDENTITY: 400,
  INVALID_PARAMETER: 400,
  INVALID_BODY: 400,
  UNAUTHENTICATED: 401,
  ORG_MISMATCH: 403,
  PROFILE_NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  UPSTREAM_UNPROCESSABLE: 422,
  UPSTREAM_RATE_LIMITED: 429,
  CONFIG_INVALID: 500,
  INTERNAL_ERROR: 500,
  UPSTREAM_UNAVAILABLE: 502,
  UPSTREAM_BAD_RESPONSE: 502,
  UPSTREAM_AUTH_FAILED: 502,
  UPSTREAM_REJECTED: 502,
  CACHE_UNAVAILABLE: 503,
  UPSTREAM_TIMEOUT: 504
}

export type Json = Record<string, unknown>
const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v)
const strOrNull = (v: unknown): boolean => v === null || typeof v === 'string'

/** Collects unhandled promise rejections from install until stop (assert the list is empty). */
export function watchUnhandledRejections(): { readonly seen: unknown[]; stop(): void } {
  const seen: unknown[] = []
  const listener = (reason: unknown): void => {
    seen.push(reason)
  }
  process.on('unhandledRejection', listener)
  return {
    seen,
    stop: () => {
      process.off('unhandledRejection', listener)
    }
  }
}

/** The `error.code` of an error answer, or undefined. */
export function errorCode(res: ActionResponse): string | undefined {
  const body = res.body
  return isObj(body) && isObj(body.error) && typeof body.error.code === 'string' ? body.error.code : undefined
}

/** Problems of an error answer: its code must be documented, with that very status. */
export function errorProblems(res: ActionResponse): string[] {
  const code = errorCode(res)
  if (code === undefined) return [`status ${res.statusCode} without an error.code`]
  const expected = DOCUMENTED_CODES[code]
  if (expected === undefined) return [`undocumented error code ${code}`]
  return expected === res.statusCode ? [] : [`${code} came with ${res.statusCode}, documented ${expected}`]
}

/** Every number finite and every string free of control characters, anywhere in `value`. */
export function valueProblems(value: unknown, path = '$', out: string[] = []): string[] {
  if (typeof value === 'number' && !Number.isFinite(value)) out.push(`${path} is ${value}`)
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
  else if (typeof value === 'string' && /[\u0000-\u001f\u007f]/.test(value))
    out.push(`${path} holds a control character`)
  else if (Array.isArray(value)) {
    value.forEach((v, i) => {
      valueProblems(v, `${path}[${i}]`, out)
    })
  } else if (isObj(value)) for (const [k, v] of Object.entries(value)) valueProblems(v, `${path}.${k}`, out)
  return out
}

const SECTION_CHECKS: Record<string, (c: Json) => boolean> = {
  identities: (c) =>
    Array.isArray(c.identities) &&
    c.identities.every(
      (i) => isObj(i) && typeof i.namespace === 'string' && typeof i.id === 'string' && typeof i.primary === 'boolean'
    ),
  name: (c) => isObj(c.name) && strOrNull(c.name.first) && strOrNull(c.name.last) && strOrNull(c.name.full),
  contact: (c) =>
    isObj(c.contact) &&
    strOrNull(c.contact.email) &&
    strOrNull(c.contact.phone) &&
    (c.contact.address === null || isObj(c.contact.address)),
  attributes: (c) =>
    isObj(c.attributes) &&
    ['loyaltyTier', 'loyaltyPoints', 'customerSince', 'preferredLanguage', 'birthDate'].every(
      (k) => k in (c.attributes as Json)
    ),
  mappedAttributes: (c) =>
    Array.isArray(c.mappedAttributes) &&
    c.mappedAttributes.every((a) => isObj(a) && typeof a.id === 'string' && typeof a.format === 'string'),
  consents: (c) =>
    isObj(c.consents) &&
    ['collect', 'share', 'personalize'].every((k) => k in (c.consents as Json)) &&
    isObj(c.consents.marketing),
  insights: (c) =>
    isObj(c.insights) &&
    ['lifetimeValue', 'churnPropensity', 'engagementPropensity'].every((k) => k in (c.insights as Json)) &&
    Array.isArray(c.insights.scores) &&
    Array.isArray(c.insights.computed),
  audiences: (c) =>
    Array.isArray(c.audiences) &&
    c.audiences.every(
      (a) =>
        isObj(a) && typeof a.id === 'string' && (a.status === 'realized' || a.status === 'exited') && strOrNull(a.name)
    ),
  events: (c) =>
    Array.isArray(c.events) &&
    c.events.every(
      (e) =>
        isObj(e) &&
        typeof e.id === 'string' &&
        typeof e.summary === 'string' &&
        typeof e.timestamp === 'string' &&
        Number.isFinite(Date.parse(e.timestamp)) &&
        isObj(e.details)
    ),
  allAttributes: (c) =>
    Array.isArray(c.allAttributes) &&
    c.allAttributes.every((f) => isObj(f) && typeof f.path === 'string' && typeof f.value === 'string')
}
export const ALL_SECTIONS = Object.keys(SECTION_CHECKS)

/** Problems of a customer object holding `sections` (a half-built customer has some). */
export function customerProblems(customer: unknown, sections: readonly string[] = ALL_SECTIONS): string[] {
  if (!isObj(customer)) return ['customer is not an object']
  const out: string[] = []
  if (typeof customer.profileId !== 'string' || customer.profileId === '') out.push('customer.profileId missing')
  for (const s of sections) if (!SECTION_CHECKS[s]?.(customer)) out.push(`customer.${s} missing or malformed`)
  return out
}

/** Problems of a 200 customer-profile body: the whole customer and the meta an agent's screen needs. */
export function viewProblems(body: unknown, sections: readonly string[] = ALL_SECTIONS): string[] {
  if (!isObj(body)) return ['body is not an object']
  const out = customerProblems(body.customer, sections)
  const meta = body.meta
  if (!isObj(meta)) return [...out, 'meta missing']
  if (typeof meta.sandbox !== 'string' || typeof meta.mergePolicyId !== 'string' || typeof meta.fetchedAt !== 'string')
    out.push('meta.sandbox/mergePolicyId/fetchedAt missing')
  if (!isObj(meta.events) || (meta.events.status !== 'available' && meta.events.status !== 'unavailable'))
    out.push('meta.events missing')
  if (
    !isObj(meta.cache) ||
    !['HIT', 'MISS', 'STALE', 'BYPASS'].includes(String(meta.cache.status)) ||
    typeof meta.cache.ageSeconds !== 'number'
  )
    out.push('meta.cache missing')
  return out
}

/** A customer view or pointer key: cah1.<org>.<sandbox>.<merge policy>.<namespace>.<identity hash>. */
export const VIEW_KEY = /^cah1\.[A-Za-z0-9]+\.[a-z0-9-]+\.[A-Za-z0-9_-]+\.[a-z0-9_-]+\.[A-Za-z0-9_-]{32}$/

/** Keys of customer views and identity pointers in the State stand-in (not the token, metadata or audience names). */
export function viewKeys(env: TestEnv): string[] {
  return env.standIns.state.store
    .keys('cah-local')
    .filter((k) => VIEW_KEY.test(k) && !/^cah1\.(token|meta|aud)\./.test(k))
}

/** A stored value, parsed. */
export function storedValue(env: TestEnv, key: string): unknown {
  const entry = env.standIns.state.store.get('cah-local', key)
  return entry ? (JSON.parse(entry.value.toString('utf8')) as unknown) : undefined
}

/**
 * Problems of the stored views: each must be a whole customer built from complete upstream answers
 * (no `meta.incomplete`, events either loaded or deliberately absent), and each pointer must lead to one.
 */
export function storedViewProblems(env: TestEnv): string[] {
  const out: string[] = []
  for (const key of viewKeys(env)) {
    const entry = storedValue(env, key)
    if (isObj(entry) && typeof entry.ref === 'string') continue
    if (!isObj(entry) || !isObj(entry.view)) {
      out.push(`${key}: not a view entry`)
      continue
    }
    const { customer, meta } = entry.view
    out.push(...customerProblems(customer).map((p) => `${key}: ${p}`))
    if (!isObj(meta)) {
      out.push(`${key}: meta missing`)
      continue
    }
    if (Array.isArray(meta.incomplete) && meta.incomplete.length > 0)
      out.push(`${key}: stored although incomplete (${meta.incomplete.join(',')})`)
    const ev = isObj(meta.events) ? meta.events : {}
    if (ev.status !== 'available' && ev.reason !== 'EVENTS_LOOKUP_REFUSED' && ev.reason !== 'NOT_REQUESTED') {
      out.push(`${key}: stored although events failed (${String(ev.reason)})`)
    }
  }
  return out
}

/** Resolves with the promise's value, or with 'PENDING' when it has not settled within `ms`. */
export async function settledWithin<T>(work: Promise<T>, ms: number): Promise<T | 'PENDING'> {
  let timer: NodeJS.Timeout | undefined
  const pending = new Promise<'PENDING'>((resolve) => {
    timer = setTimeout(() => resolve('PENDING'), ms)
  })
  try {
    return await Promise.race([work, pending])
  } finally {
    clearTimeout(timer)
  }
}

/** Waits (at most `ms`) until every request record has ended: a server sees an abandoned socket close a moment later. */
export async function recordsEnded(records: () => ReadonlyArray<{ endMs?: number }>, ms = 2000): Promise<boolean> {
  for (let waited = 0; waited < ms; waited += 20) {
    if (records().every((r) => r.endMs !== undefined)) return true
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
  return records().every((r) => r.endMs !== undefined)
}

/** First start to last end of the request records (ms): how long the action kept calling upstream. */
export function recordSpanMs(records: ReadonlyArray<{ startMs: number; endMs?: number }>): number {
  if (records.length === 0) return 0
  const start = Math.min(...records.map((r) => r.startMs))
  const end = Math.max(...records.map((r) => r.endMs ?? r.startMs))
  return end - start
}
