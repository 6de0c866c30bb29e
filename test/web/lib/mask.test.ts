import { maskIdentity } from '../../../web-src/src/lib/mask'

describe('maskIdentity', () => {
  it('keeps the first letter and the domain of an email', () => {
    expect(maskIdentity('email', 'jane.doe@example.com')).toBe('j•••@example.com')
  })

  it('keeps the country digit and the last four digits of a phone number', () => {
    expect(maskIdentity('phone', '+14155550123')).toBe('+1•••••0123')
  })

  it('does not reveal how long the hidden part is', () => {
    expect(maskIdentity('email', 'al@example.com')).toBe('a•••@example.com')
    expect(maskIdentity('email', 'alexandra.longname@example.com')).toBe('a•••@example.com')
    expect(maskIdentity('phone', '+4420712345678')).toBe('+4•••••5678')
  })

  it('shows only both ends of other identifiers, and nothing of short ones', () => {
    expect(maskIdentity('crmid', 'CRM-000123')).toBe('CR•••23')
    expect(maskIdentity('ecid', '12345678901234567890123456789012345678')).toBe('12•••78')
    expect(maskIdentity('crmid', 'AB12')).toBe('•••')
  })

  it('never contains the full value', () => {
    for (const [ns, v] of [
      ['email', 'jane.doe@example.com'],
      ['phone', '+14155550123'],
      ['crmid', 'CRM-000123']
    ] as const) {
      expect(maskIdentity(ns, v)).not.toContain(v)
    }
  })
})
