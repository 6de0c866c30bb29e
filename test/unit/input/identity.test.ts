import { normaliseIdentity } from '../../../actions/lib/input'

describe('normaliseIdentity', () => {
  it('trims and lower-cases e-mail addresses the way AEP stores them', () => {
    expect(normaliseIdentity(' Email ', '  Jane.Doe@Example.COM ')).toEqual({
      ok: true,
      identity: { namespace: 'email', aepNamespace: 'Email', id: 'jane.doe@example.com' }
    })
  })

  it.each([
    ['+1 (415) 555-0123', '+14155550123'],
    ['415.555.0123', '+14155550123'],
    ['0044 20 7946 0958', '+442079460958'],
    ['+886 2 2345 6789', '+886223456789']
  ])('normalises phone %s to E.164 %s', (input, expected) => {
    const result = normaliseIdentity('phone', input)
    expect(result).toEqual({ ok: true, identity: { namespace: 'phone', aepNamespace: 'Phone', id: expected } })
  })

  it('uses the configured country code for ten-digit national numbers', () => {
    expect(normaliseIdentity('phone', '2079460958', '44')).toMatchObject({
      ok: true,
      identity: { id: '+442079460958' }
    })
  })

  it.each([
    ['email', 'not-an-email', 'id'],
    ['email', 'a@b', 'id'],
    ['phone', '12', 'id'],
    ['phone', '+0123456789', 'id'],
    ['ecid', '1234', 'id'],
    ['crmid', 'CRM-1&x=1', 'id'],
    ['crmid', 'a\u0000b', 'id'],
    ['crmid', 'x'.repeat(300), 'id'],
    ['', 'x', 'namespace'],
    ['e mail', 'x', 'namespace'],
    ['email', '', 'id']
  ])('rejects %s / %j on the %s field', (ns, id, field) => {
    const result = normaliseIdentity(ns, id)
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.field).toBe(field)
  })

  it("maps well-known namespaces to AEP codes and passes the org's own codes through", () => {
    expect(normaliseIdentity('ECID', '8'.repeat(38))).toMatchObject({
      ok: true,
      identity: { namespace: 'ecid', aepNamespace: 'ECID' }
    })
    expect(normaliseIdentity('crmid', 'CRM-000001')).toMatchObject({
      ok: true,
      identity: { aepNamespace: 'CRMID', id: 'CRM-000001' }
    })
    expect(normaliseIdentity('LoyaltyID', 'L-42')).toMatchObject({
      ok: true,
      identity: { namespace: 'loyaltyid', aepNamespace: 'LoyaltyID', id: 'L-42' }
    })
  })

  it('rejects non-string input without throwing', () => {
    expect(normaliseIdentity(['email'], 'a@example.com')).toMatchObject({ ok: false, field: 'namespace' })
    expect(normaliseIdentity('email', { $ne: 1 })).toMatchObject({ ok: false, field: 'id' })
  })
})
