/**
 * Generated headers and parameters, each tagged with what the documented API must answer:
 * the caller's credentials (ok, 401, 403), and parameters that are valid, invalid (400) or
 * given twice (Runtime hands a repeated query parameter over as an array: 400).
 */
import fc from 'fast-check'
import { ORG, OTHER_ORG } from '../integration/harness'

export type AuthExpect = 'ok' | 401 | 403

export interface AuthCase {
  name: string
  /** null = no Authorization header from the harness (then `headers` may carry one). */
  token: string | null
  headers: Record<string, string>
  expect: AuthExpect
}

export interface Tokens {
  valid: readonly string[]
  otherOrg: string
  expired: string
}

const b64 = (o: unknown): string => Buffer.from(JSON.stringify(o)).toString('base64url')

/** The valid token's claims under `alg: none` and no signature. */
export function unsignedToken(valid: string): string {
  return `${b64({ alg: 'none', typ: 'JWT' })}.${valid.split('.')[1] ?? ''}.`
}

/** The valid token's header and claims with another signature. */
export function wronglySigned(valid: string, signature: string): string {
  return `${valid.split('.').slice(0, 2).join('.')}.${signature}`
}

export function authArb(t: Tokens): fc.Arbitrary<AuthCase> {
  const valid = fc.constantFrom(...t.valid)
  const ok = (
    name: string,
    token: fc.Arbitrary<string | null>,
    headers: (tok: string) => Record<string, string> = () => ({})
  ): fc.Arbitrary<AuthCase> =>
    fc.tuple(token, valid).map(([tk, v]) => ({ name, token: tk, headers: headers(v), expect: 'ok' as const }))
  const with401 = (name: string, header: fc.Arbitrary<string | null>): fc.Arbitrary<AuthCase> =>
    header.map((h): AuthCase => ({ name, token: null, headers: h === null ? {} : { authorization: h }, expect: 401 }))
  return fc.oneof(
    { weight: 40, arbitrary: ok('valid', valid) },
    {
      weight: 2,
      arbitrary: ok('Authorization header key capitalised', fc.constant(null), (v) => ({
        Authorization: `Bearer ${v}`
      }))
    },
    {
      weight: 2,
      arbitrary: ok('surrounding whitespace', fc.constant(null), (v) => ({ authorization: ` Bearer ${v} \n` }))
    },
    { weight: 3, arbitrary: with401('missing', fc.constant(null)) },
    { weight: 2, arbitrary: with401('expired', fc.constant(`Bearer ${t.expired}`)) },
    {
      weight: 2,
      arbitrary: with401(
        'unsigned (alg none)',
        valid.map((v) => `Bearer ${unsignedToken(v)}`)
      )
    },
    {
      weight: 2,
      arbitrary: with401(
        'wrongly signed',
        fc
          .tuple(valid, fc.base64String({ minLength: 4, maxLength: 64 }))
          .map(([v, s]) => `Bearer ${wronglySigned(v, s.replace(/[+/=]/g, 'A'))}`)
      )
    },
    {
      weight: 2,
      arbitrary: with401(
        'other scheme',
        valid.map((v) => `Basic ${v}`)
      )
    },
    {
      weight: 2,
      arbitrary: with401(
        'malformed bearer',
        fc.oneof(
          valid.map((v) => `Bearer "${v}"`),
          valid.map((v) => `Bearer ${v}.${v}`),
          valid.map((v) => `Bearer ${v}, Bearer ${v}`),
          fc.constant('Bearer'),
          fc.constant('Bearer '),
          fc.constant(`Bearer ${'A'.repeat(9000)}`)
        )
      )
    },
    {
      weight: 3,
      arbitrary: with401(
        'garbage token',
        fc.string({ unit: 'grapheme', maxLength: 60 }).map((s) => `Bearer ${s}`)
      )
    },
    {
      weight: 2,
      arbitrary: fc.constant<AuthCase>({ name: 'token of another org', token: t.otherOrg, headers: {}, expect: 403 })
    },
    {
      weight: 2,
      arbitrary: fc.tuple(valid, fc.constantFrom(OTHER_ORG, ORG.replace('@AdobeOrg', ''), `${ORG},${OTHER_ORG}`)).map(
        ([v, org]): AuthCase => ({
          name: `org header ${JSON.stringify(org)}`,
          token: v,
          headers: { 'x-gw-ims-org-id': org },
          expect: 403
        })
      )
    }
  )
}

/** A parameter value with what the API makes of it. */
export interface Param<V = unknown> {
  value: V | undefined
  /** true: accepted; false: refused with 400; or a status a valid-looking value leads to (e.g. 422). */
  ok: boolean | number
}

export const absent: Param = { value: undefined, ok: true }
export const good = (...values: unknown[]): fc.Arbitrary<Param> =>
  fc.constantFrom(...values).map((value) => ({ value, ok: true }))
export const bad = (...values: unknown[]): fc.Arbitrary<Param> =>
  fc.constantFrom(...values).map((value) => ({ value, ok: false }))
/** The same parameter given twice (or more): Runtime passes an array, the action must refuse it. */
export const repeated = (value: string): fc.Arbitrary<Param> =>
  fc.integer({ min: 2, max: 3 }).map((n) => ({ value: Array<string>(n).fill(value), ok: false }))

/** Parameters the actions do not know, which they must ignore (never config inputs: Runtime marks those final). */
export const junkParams: fc.Arbitrary<Record<string, unknown>> = fc.dictionary(
  fc.stringMatching(/^x[a-z_]{0,10}$/),
  fc.oneof(
    fc.string({ unit: 'grapheme', maxLength: 20 }),
    fc.constant('x'.repeat(10_240)),
    fc.array(fc.string(), { maxLength: 3 }),
    fc.integer()
  ),
  { maxKeys: 3 }
)

export const HTTP_METHODS = ['get', 'post', 'put', 'delete', 'patch', 'head', 'options'] as const
