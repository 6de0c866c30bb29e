/**
 * Generated identity inputs, each tagged with what the API must make of it — an oracle built from
 * the documented rules (docs/api.md), not from the action's code:
 * `found` → 200, `unknown` → 404, `invalid` → 400 INVALID_IDENTITY, `either` → 400 or 404.
 */
import fc from 'fast-check'
import type { Seed } from '../../stand-ins/seed/types'

export type IdentityClass = 'found' | 'unknown' | 'invalid' | 'either'

export interface IdentityCase {
  namespace: unknown
  id: unknown
  expect: IdentityClass
}

/** Known customers' identities, as the seed holds them. */
export interface KnownCustomer {
  email: string
  phone: string | null
  crmid: string
  ecid: string
  loyaltyid: string
}

export function knownCustomers(seed: Seed, count: number): KnownCustomer[] {
  return Array.from({ length: count }, (_, i) => {
    const ids = seed.identities(i)
    const of = (ns: string): string | null => ids.find((x) => x.namespace === ns)?.id ?? null
    return {
      email: of('email') ?? '',
      phone: of('phone'),
      crmid: of('crmid') ?? '',
      ecid: of('ecid') ?? '',
      loyaltyid: of('loyaltyid') ?? ''
    }
  }).filter((c) => c.email && c.crmid && c.ecid && c.loyaltyid)
}

/** Values an attacker tries in a query string: separators, encodings, traversal, NULs. */
export const INJECTIONS = [
  '&entityIdNS=ECID',
  '#frag',
  '%00',
  '\u0000',
  '..',
  '../../config/mergePolicies',
  '?x=1',
  '/',
  '%2F',
  '%26',
  '\\',
  '<script>alert(1)</script>',
  '" OR 1=1 --',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a literal Log4Shell payload, not a template
  '${jndi:ldap://x}',
  '\r\nX-Injected: 1',
  '%0d%0a',
  '\u202e',
  '\ud83d\ude00'
]

const digits = (n: number): fc.Arbitrary<string> =>
  fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: n, maxLength: n })
const casings = (ns: string): fc.Arbitrary<string> =>
  fc.constantFrom(ns, ns.toUpperCase(), ns[0]?.toUpperCase() + ns.slice(1), ` ${ns} `)
const pad = (s: string): fc.Arbitrary<string> => fc.constantFrom(s, ` ${s}`, `${s}\t`, ` ${s} `)
const tagged =
  (expect: IdentityClass) =>
  ([namespace, id]: [unknown, unknown]): IdentityCase => ({ namespace, id, expect })

/** How a person might type a phone number AEP stores as E.164. */
function phoneForms(e164: string): string[] {
  const d = e164.slice(1)
  const forms = [e164, `00${d}`, `+${d.slice(0, 2)} ${d.slice(2, 6)} ${d.slice(6)}`]
  if (d.startsWith('1') && d.length === 11)
    forms.push(
      `+1 (${d.slice(1, 4)}) ${d.slice(4, 7)}-${d.slice(7)}`,
      d.slice(1),
      `${d.slice(1, 4)}.${d.slice(4, 7)}.${d.slice(7)}`
    )
  return forms
}

function found(customers: KnownCustomer[]): fc.Arbitrary<IdentityCase> {
  return fc
    .constantFrom(...customers)
    .chain((c) =>
      fc.oneof(
        fc.tuple(casings('email'), fc.constantFrom(c.email, c.email.toUpperCase(), ` ${c.email} `)),
        ...(c.phone ? [fc.tuple(casings('phone'), fc.constantFrom(...phoneForms(c.phone)))] : []),
        fc.tuple(casings('crmid'), pad(c.crmid)),
        fc.tuple(casings('ecid'), pad(c.ecid)),
        fc.tuple(fc.constantFrom('loyaltyid', 'LoyaltyID', 'LOYALTYID'), pad(c.loyaltyid))
      )
    )
    .map(tagged('found'))
}

const unknown: fc.Arbitrary<IdentityCase> = fc
  .oneof(
    fc.tuple(fc.constant('email'), fc.stringMatching(/^[a-z][a-z0-9._-]{0,20}@nowhere\.example$/)),
    fc.tuple(
      fc.constant('phone'),
      digits(7).map((d) => `+1999${d}`)
    ),
    fc.tuple(
      fc.constant('crmid'),
      digits(5).map((d) => `CRM-9${d}`)
    ),
    fc.tuple(fc.constant('ecid'), digits(38)),
    fc.tuple(
      fc.constant('loyaltyid'),
      digits(8).map((d) => `11${d}`)
    )
  )
  .map(tagged('unknown'))

const bigString = fc.constantFrom('a', 'é', '\u0000', '&', '😀').map((ch) => ch.repeat(10_240))
const notText = fc.oneof(
  fc.integer().map((n) => [String(n), String(n)]),
  fc.constant({}),
  fc.constant(true),
  fc.constant([]),
  fc.array(fc.string(), { minLength: 2, maxLength: 3 })
)

const invalid: fc.Arbitrary<IdentityCase> = fc
  .oneof(
    // The namespace is missing, not a namespace code, or given twice.
    fc.tuple(
      fc.oneof(
        fc.constant(undefined),
        fc.constant(null),
        fc.constant(''),
        fc.constant('   '),
        notText,
        fc
          .constantFrom(
            '1email',
            'e mail',
            'email;drop',
            'émail',
            'email\u0000',
            'x'.repeat(65),
            ...INJECTIONS.map((i) => `email${i}`)
          )
          .filter((s) => !/^[A-Za-z][A-Za-z0-9_.-]{0,63}$/.test(s.trim())),
        fc
          .string({ unit: 'grapheme', minLength: 1, maxLength: 30 })
          .filter((s) => !/^[A-Za-z][A-Za-z0-9_.-]{0,63}$/.test(s.trim()) && s.trim() !== '')
      ),
      fc.constantFrom('jane.doe@example.com', 'CRM-000001')
    ),
    // The identity is missing, given twice, or not of its namespace's form.
    fc.tuple(
      fc.constantFrom('email', 'phone', 'ecid', 'crmid'),
      fc.oneof(
        fc.constant(undefined),
        fc.constant(''),
        fc.constant('  '),
        fc.constant({}),
        fc.constant(['a', 'b']),
        bigString
      )
    ),
    fc.tuple(
      fc.constant('email'),
      fc.oneof(
        fc.constantFrom(
          'not-an-email',
          'a@b',
          '@x.com',
          'jane@',
          'jané@example.com',
          'jane.doe@example.com\n x',
          'jane doe@example.com'
        ),
        fc
          .constantFrom(...INJECTIONS)
          .map((i) => `jane.doe@example.com${i}`)
          .filter((s) => !/^[^@]+@[a-z0-9.-]+$/i.test(s.trim()))
      )
    ),
    fc.tuple(
      fc.constant('phone'),
      fc.oneof(
        fc.constantFrom('123', 'abc', '+0123456789', '+1234567890123456', '+1 415 555 01x3'),
        digits(3),
        fc
          .constantFrom(...INJECTIONS)
          .map((i) => `+14155550123${i}`)
          .filter((s) => s.replace(/[\s().-]/g, '') !== '+14155550123')
      )
    ),
    fc.tuple(
      fc.constant('ecid'),
      fc.oneof(
        digits(37),
        digits(39),
        fc.constant('x'.repeat(38)),
        fc
          .constantFrom(...INJECTIONS)
          .map((i) => `17334725183673808305068192924520701006${i}`)
          .filter((s) => s.trim() !== '17334725183673808305068192924520701006')
      )
    ),
    fc.tuple(
      fc.constantFrom('crmid', 'loyaltyid', 'CORE'),
      fc.oneof(
        fc
          .constantFrom('#', '&', '?', '\\', '/', '<', '>', '"', "'", '`', '\u0000', '\u001f', '\u007f', '\u0085')
          .map((ch) => `CRM-${ch}000001`),
        fc.constant('C'.repeat(257))
      )
    )
  )
  .map(tagged('invalid'))

/** Identities the documented rules neither clearly accept nor refuse: any 400 or 404 is fine, a 5xx is not. */
const either: fc.Arbitrary<IdentityCase> = fc
  .oneof(
    fc.tuple(
      fc.constantFrom('CORE', 'WAID', 'TNTID', 'AdCloud', 'GAID', 'IDFA', 'crmid', 'loyaltyid'),
      fc.oneof(
        fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }),
        fc.constantFrom('..', '%00', 'a%26b', 'x;y', 'a b', '\u202e', 'CRM 000001'),
        fc.integer({ min: 0 })
      )
    ),
    // A namespace code the org does not have (well-formed): unknown to AEP.
    fc.tuple(
      fc
        .stringMatching(/^[A-Za-z][A-Za-z0-9_.-]{0,20}$/)
        .filter(
          (s) =>
            ![
              'email',
              'phone',
              'ecid',
              'crmid',
              'loyaltyid',
              'core',
              'waid',
              'tntid',
              'adcloud',
              'gaid',
              'idfa'
            ].includes(s.toLowerCase())
        ),
      fc.stringMatching(/^[A-Za-z0-9-]{1,20}$/)
    ),
    fc.tuple(
      fc.constant('email'),
      fc.constantFrom('a&b@example.com', "o'hara@example.com", 'x+tag@example.com', 'a%00@example.com')
    )
  )
  .map(tagged('either'))

/** Every kind of identity input, most of them invalid (they make no upstream call and are cheap). */
export function identityArb(customers: KnownCustomer[]): fc.Arbitrary<IdentityCase> {
  return fc.oneof(
    { weight: 4, arbitrary: found(customers) },
    { weight: 1, arbitrary: unknown },
    { weight: 8, arbitrary: invalid },
    { weight: 2, arbitrary: either }
  )
}
