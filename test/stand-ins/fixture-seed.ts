/**
 * A three-customer Seed for stand-in tests, independent of the generator:
 * 0 Jane Doe (five events, every namespace), 1 John Roe (no events), 2 Max Many (56 identities:
 * over the 50-identity guardrail).
 */
import type {
  AudienceDefinition,
  NamespaceDefinition,
  Seed,
  SeedIdentity,
  XdmEvent,
  XdmProfile
} from '../../stand-ins/seed/types'

export const AUDIENCES: AudienceDefinition[] = [
  {
    id: '3a1f5c2e-8b4d-4e6f-9a0b-1c2d3e4f5a01',
    name: 'Gold loyalty members',
    description: 'Loyalty tier gold or above'
  },
  { id: '3a1f5c2e-8b4d-4e6f-9a0b-1c2d3e4f5a02', name: 'Lapsed buyers', description: 'No purchase for 90 days' }
]

export const NAMESPACES: NamespaceDefinition[] = [
  { id: 4, code: 'ECID', name: 'ECID', description: 'Adobe Experience Cloud ID', idType: 'COOKIE', custom: false },
  { id: 6, code: 'Email', name: 'Email', description: 'Email', idType: 'EMAIL', custom: false },
  { id: 7, code: 'Phone', name: 'Phone', description: 'Phone', idType: 'PHONE', custom: false },
  { id: 10018776, code: 'CRMID', name: 'CRM ID', description: 'CRM id', idType: 'CROSS_DEVICE', custom: true },
  {
    id: 10018777,
    code: 'LoyaltyID',
    name: 'Loyalty ID',
    description: 'Loyalty number',
    idType: 'CROSS_DEVICE',
    custom: true
  }
]

export const JANE = {
  email: 'jane.doe@example.com',
  phone: '+14155550123',
  crmid: 'CRM-000001',
  ecid: '12345678901234567890123456789012345678',
  loyaltyid: 'LOY-000001'
}

const CODE: Record<string, string> = {
  email: 'Email',
  phone: 'Phone',
  crmid: 'CRMID',
  ecid: 'ECID',
  loyaltyid: 'LoyaltyID'
}

const IDENTITIES: SeedIdentity[][] = [
  Object.entries(JANE).map(([namespace, id]) => ({ namespace, id })),
  [
    { namespace: 'email', id: 'john.roe@example.net' },
    { namespace: 'crmid', id: 'CRM-000002' }
  ],
  [
    { namespace: 'email', id: 'max.many@example.org' },
    ...Array.from({ length: 55 }, (_, k) => ({
      namespace: 'ecid',
      id: String(50000000000000000000000000000000000000n + BigInt(k))
    }))
  ]
]

const NAMES = [
  ['Jane', 'Doe'],
  ['John', 'Roe'],
  ['Max', 'Many']
] as const

/** Jane's events, newest first, one day apart ending 2025-06-05. */
export const JANE_EVENTS: XdmEvent[] = Array.from({ length: 5 }, (_, k) => ({
  _id: `evt-jane-${5 - k}`,
  timestamp: new Date(Date.UTC(2025, 5, 5 - k, 12)).toISOString(),
  eventType: k % 2 === 0 ? 'commerce.purchases' : 'web.webpagedetails.pageViews',
  web: { webPageDetails: { name: `page-${5 - k}` } },
  commerce: k % 2 === 0 ? { order: { priceTotal: 10 * (k + 1), currencyCode: 'USD' } } : undefined
}))

function profile(i: number): XdmProfile {
  const ids = IDENTITIES[i] ?? []
  const identityMap: XdmProfile['identityMap'] = {}
  for (const id of ids) {
    const code = CODE[id.namespace] ?? id.namespace
    const entries = identityMap[code] ?? []
    entries.push({ id: id.id, primary: id.namespace === 'email' })
    identityMap[code] = entries
  }
  const [firstName, lastName] = NAMES[i] ?? ['?', '?']
  return {
    identityMap,
    person: { name: { firstName, lastName, fullName: `${firstName} ${lastName}` } },
    personalEmail: { address: ids[0]?.id },
    loyalty: i === 0 ? { tier: 'gold', points: 1200 } : undefined,
    segmentMembership:
      i === 0
        ? { ups: { [AUDIENCES[0]?.id ?? '']: { status: 'realized', lastQualificationTime: '2025-06-01T00:00:00Z' } } }
        : undefined
  }
}

export function fixtureSeed(): Seed {
  return {
    size: 3,
    find: (ns, id) => {
      const i = IDENTITIES.findIndex((list) => list.some((x) => x.namespace === ns && x.id === id))
      return i < 0 ? undefined : i
    },
    profileId: (i) => `FIXTUREXID${String(i).padStart(4, '0')}AAAAAAAAAAAA`,
    identities: (i) => IDENTITIES[i] ?? [],
    profile,
    events: (i) => (i === 0 ? JANE_EVENTS : i === 2 ? [JANE_EVENTS[0] as XdmEvent] : []),
    audiences: AUDIENCES,
    namespaces: NAMESPACES
  }
}
