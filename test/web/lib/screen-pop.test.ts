import { parseScreenPop, screenPopHash } from '../../../web-src/src/lib/screen-pop'

describe('parseScreenPop', () => {
  it('reads the namespace and the percent-encoded phone number of a screen-pop link', () => {
    expect(parseScreenPop('#/customer?ns=phone&id=%2B14155550123')).toEqual({
      kind: 'lookup',
      lookup: { namespace: 'phone', id: '+14155550123' }
    })
  })

  it('keeps a literal plus sign instead of turning it into a space', () => {
    expect(parseScreenPop('#/customer?ns=phone&id=+14155550123')).toEqual({
      kind: 'lookup',
      lookup: { namespace: 'phone', id: '+14155550123' }
    })
  })

  it('lower-cases the namespace and trims the value', () => {
    expect(parseScreenPop('#/customer?id=%20jane%40example.com%20&ns=Email')).toEqual({
      kind: 'lookup',
      lookup: { namespace: 'email', id: 'jane@example.com' }
    })
  })

  it('treats any other hash as the search page', () => {
    expect(parseScreenPop('')).toEqual({ kind: 'none' })
    expect(parseScreenPop('#/')).toEqual({ kind: 'none' })
    expect(parseScreenPop('#/about')).toEqual({ kind: 'none' })
  })

  it('rejects a customer link without both parameters', () => {
    expect(parseScreenPop('#/customer')).toEqual({ kind: 'invalid', problem: 'format' })
    expect(parseScreenPop('#/customer?ns=phone')).toEqual({ kind: 'invalid', problem: 'format' })
  })

  it('rejects a namespace outside the allowed pattern', () => {
    expect(parseScreenPop('#/customer?ns=ph%20one&id=1')).toEqual({ kind: 'invalid', problem: 'namespace' })
    expect(parseScreenPop('#/customer?ns=%3Cscript%3E&id=1')).toEqual({ kind: 'invalid', problem: 'namespace' })
    expect(parseScreenPop(`#/customer?ns=${'a'.repeat(65)}&id=1`)).toEqual({ kind: 'invalid', problem: 'namespace' })
  })

  it('rejects empty, over-long and control-character values', () => {
    expect(parseScreenPop('#/customer?ns=email&id=')).toEqual({ kind: 'invalid', problem: 'empty' })
    expect(parseScreenPop(`#/customer?ns=crmid&id=${'x'.repeat(257)}`)).toEqual({
      kind: 'invalid',
      problem: 'too-long'
    })
    expect(parseScreenPop('#/customer?ns=crmid&id=a%0Ab')).toEqual({ kind: 'invalid', problem: 'characters' })
  })

  it('rejects malformed encoding, repeated parameters and oversized links', () => {
    expect(parseScreenPop('#/customer?ns=phone&id=%E0%A4%A')).toEqual({ kind: 'invalid', problem: 'format' })
    expect(parseScreenPop('#/customer?ns=phone&id=1&id=2')).toEqual({ kind: 'invalid', problem: 'format' })
    expect(parseScreenPop(`#/customer?ns=phone&id=1&pad=${'x'.repeat(1100)}`)).toEqual({
      kind: 'invalid',
      problem: 'format'
    })
  })

  it('builds a link that parses back to the same lookup', () => {
    const lookup = { namespace: 'email', id: 'jane+vip@example.com' }
    expect(parseScreenPop(screenPopHash(lookup))).toEqual({ kind: 'lookup', lookup })
  })
})
