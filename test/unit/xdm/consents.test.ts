import { type Consents, consentAt, readConsents } from '../../../actions/lib/xdm'

const NONE: Consents = { collect: null, share: null, personalize: null, marketing: { preferred: null } }

describe('consentAt', () => {
  it.each([
    ['y', 'granted'],
    ['n', 'denied'],
    ['p', 'pending'],
    ['u', 'unknown'],
    ['dy', 'granted'],
    ['dn', 'denied'],
    ['LI', 'granted'],
    ['CT', 'granted'],
    ['CP', 'granted'],
    ['VI', 'granted'],
    ['PI', 'granted'],
    ['Y', 'granted'],
    ['maybe', 'unknown']
  ])('reads %s as %s, keeping the value as stored', (val, status) => {
    // Act
    const consent = consentAt({ consents: { collect: { val } } }, 'consents.collect')
    // Assess
    expect(consent).toEqual({ status, raw: val })
  })

  it('keeps the time of the choice as an ISO timestamp, and drops one that is not a time', () => {
    // Prepare
    const entity = {
      a: { val: 'y', time: '2026-01-05T10:00:00+01:00' },
      b: { val: 'n', time: 'last week' },
      c: { val: 'n', time: 1767600000000 }
    }
    // Act
    const read = ['a', 'b', 'c'].map((path) => consentAt(entity, path))
    // Assess
    expect(read).toEqual([
      { status: 'granted', raw: 'y', time: '2026-01-05T09:00:00.000Z' },
      { status: 'denied', raw: 'n' },
      { status: 'denied', raw: 'n' }
    ])
  })

  it.each([
    ['a missing consent', {}],
    ['a consent that is not an object', { c: 'y' }],
    ['a consent as a list', { c: [{ val: 'y' }] }],
    ['a value that is not text', { c: { val: 1 } }],
    ['an empty value', { c: { val: '' } }],
    ['a value longer than any XDM value', { c: { val: 'y'.repeat(100_000) } }]
  ])('is null for %s', (_, entity) => {
    // Act
    const consent = consentAt(entity, 'c')
    // Assess
    expect(consent).toBeNull()
  })
})

describe('readConsents', () => {
  it('reads collect, share, personalisation and each marketing channel, with the preferred channel', () => {
    // Prepare
    const entity = {
      consents: {
        collect: { val: 'y' },
        share: { val: 'n', time: '2026-02-01T00:00:00Z' },
        personalize: { content: { val: 'LI' } },
        marketing: {
          preferred: 'sms',
          any: { val: 'p' },
          email: { val: 'y', time: '2026-01-05T09:00:00Z' },
          sms: { val: 'dn' },
          whatsApp: { val: 'u' }
        }
      }
    }
    // Act
    const consents = readConsents(entity)
    // Assess
    expect(consents).toEqual<Consents>({
      collect: { status: 'granted', raw: 'y' },
      share: { status: 'denied', raw: 'n', time: '2026-02-01T00:00:00.000Z' },
      personalize: { status: 'granted', raw: 'LI' },
      marketing: {
        preferred: 'sms',
        any: { status: 'pending', raw: 'p' },
        email: { status: 'granted', raw: 'y', time: '2026-01-05T09:00:00.000Z' },
        sms: { status: 'denied', raw: 'dn' },
        whatsApp: { status: 'unknown', raw: 'u' }
      }
    })
  })

  it('lists the known channels first, then the channels it does not know', () => {
    // Prepare
    const entity = { consents: { marketing: { carrierPigeon: { val: 'y' }, email: { val: 'n' }, call: { val: 'y' } } } }
    // Act
    const consents = readConsents(entity)
    // Assess
    expect(Object.keys(consents.marketing)).toEqual(['preferred', 'email', 'call', 'carrierPigeon'])
    expect(consents.marketing.carrierPigeon).toEqual({ status: 'granted', raw: 'y' })
  })

  it('keeps at most 20 unknown channels, and none whose name is not a field name', () => {
    // Prepare
    const marketing: Record<string, unknown> = { 'bad name': { val: 'y' }, '1st': { val: 'y' } }
    for (let i = 0; i < 30; i++) marketing[`channel${i}`] = { val: 'y' }
    // Act
    const consents = readConsents({ consents: { marketing } })
    // Assess
    expect(Object.keys(consents.marketing)).toEqual([
      'preferred',
      ...Array.from({ length: 20 }, (_, i) => `channel${i}`)
    ])
  })

  it('leaves out a preferred channel that is not a channel name', () => {
    // Act
    const read = ['e mail', 'x'.repeat(41), 7].map((preferred) =>
      readConsents({ consents: { marketing: { preferred } } })
    )
    // Assess
    expect(read).toEqual([NONE, NONE, NONE])
  })

  it.each([
    ['no profile', undefined],
    ['a profile as a list', [{ consents: {} }]],
    ['a number', 42],
    ['consents as a list', { consents: [{ collect: { val: 'y' } }] }],
    ['consents as text', { consents: 'y'.repeat(1_000_000) }],
    ['marketing as a list', { consents: { marketing: [{ val: 'y' }] } }],
    ['marketing as a number', { consents: { marketing: 1 } }],
    ['channels of odd shapes', { consents: { marketing: { email: [], sms: 5, push: null, call: { val: {} } } } }],
    ['personalisation as text', { consents: { personalize: 'content' } }]
  ])('records nothing, and does not throw, for %s', (_, entity) => {
    // Act
    const consents = readConsents(entity)
    // Assess
    expect(consents).toEqual(NONE)
  })
})
