import { cleanNote, REMOVED } from '../../../actions/lib/interactions'

/** `digits` with the Luhn check digit appended: a card-shaped number of any length. */
function withCheckDigit(digits: string): string {
  let sum = 0
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i])
    // The check digit goes on the right, so the rightmost given digit is doubled.
    if (i % 2 === 0) {
      d *= 2
      if (d > 9) d -= 9
    }
    sum += d
  }
  return `${digits}${(10 - (sum % 10)) % 10}`
}

describe('cleanNote', () => {
  it('keeps an ordinary note as it is', () => {
    // Prepare
    const raw = 'Parcel 7 days late; courier re-booked for Friday.'
    // Act
    const result = cleanNote(raw)
    // Assess
    expect(result).toEqual({ text: raw, redacted: false })
  })

  it('trims, joins line breaks to \\n and drops control and invisible characters', () => {
    // Prepare
    const raw = '  first\r\nsecond\rthird\u0000\u0007 zero\u200bwidth\u202e\u007f  '
    // Act
    const result = cleanNote(raw)
    // Assess
    expect(result).toEqual({ text: 'first\nsecond\nthird zerowidth', redacted: false })
  })

  it.each([
    ['spaces', 'Card 4111 1111 1111 1111 charged twice', 'Card [removed] charged twice'],
    ['dashes', 'card 5555-5555-5555-4444 declined', 'card [removed] declined'],
    ['no separators', 'number 4012888888881881', 'number [removed]'],
    ['15 digits (Amex)', 'amex 378282246310005 ok', 'amex [removed] ok'],
    ['13 digits', `old card ${withCheckDigit('422222222222')}`, 'old card [removed]'],
    ['19 digits', `card ${withCheckDigit('627598000000000000')} ok`, 'card [removed] ok'],
    ['zero-width spaces between groups', 'card 4111\u200b1111\u200b1111\u200b1111', 'card [removed]']
  ])('removes a Luhn-valid card number with %s', (_case, raw, text) => {
    // Act
    const result = cleanNote(raw)
    // Assess
    expect(result).toEqual({ text, redacted: true })
  })

  it.each([
    ['fails the Luhn check', 'Order 4111 1111 1111 1112 is late'],
    ['has 12 digits', `Order ${withCheckDigit('41111111111')} is late`],
    ['is a phone number', 'Call back on +1 415 555 0123'],
    ['is a date and a short reference', 'Ref 2026-12-01 case 12345']
  ])('keeps a number that %s', (_case, raw) => {
    // Act
    const result = cleanNote(raw)
    // Assess
    expect(result).toEqual({ text: raw, redacted: false })
  })

  it.each([
    ['cvv 123', 'cvv [removed]'],
    ['CVC: 4321', 'CVC: [removed]'],
    ['CVV2 987', 'CVV2 [removed]'],
    ['security code is 999', 'security code is [removed]'],
    ['cvv is: 123', 'cvv is: [removed]']
  ])('removes the card security code in %j', (raw, text) => {
    // Act
    const result = cleanNote(raw)
    // Assess
    expect(result).toEqual({ text, redacted: true })
  })

  it.each([
    ['password is hunter2', 'password is [removed]'],
    ['Password: abc', 'Password: [removed]'],
    ['Password:hunter2', 'Password:[removed]'],
    ['pwd=xyz', 'pwd=[removed]'],
    ['PIN 1234', 'PIN [removed]'],
    ['pin code 9876 confirmed', 'pin code [removed] confirmed'],
    ['my password hunter2', 'my password [removed]'],
    ['password is: hunter2', 'password is: [removed]'],
    ['PIN was: 1234', 'PIN was: [removed]'],
    ['密碼是 abc123', '密碼是 [removed]'],
    ['密码：xyz', '密码：[removed]'],
    ['口令 1234', '口令 [removed]']
  ])('removes the secret and keeps the word in %j', (raw, text) => {
    // Act
    const result = cleanNote(raw)
    // Assess
    expect(result).toEqual({ text, redacted: true })
  })

  it.each([
    'password reset link sent',
    'Password reset link sent to customer',
    'customer had a password issue',
    'spin 1234 times',
    'pinned 1234 to the board',
    'passwords are hard',
    '密碼重設',
    'Password was reset by the customer',
    'the pin was changed yesterday'
  ])('keeps %j, which names no secret', (raw) => {
    // Act
    const result = cleanNote(raw)
    // Assess
    expect(result).toEqual({ text: raw, redacted: false })
  })

  it.each([
    ['pin - 1234', `pin - ${REMOVED}`],
    ['password - hunter2', `password - ${REMOVED}`]
  ])('removes a secret after a spaced dash in %j', (raw, text) => {
    // Act
    const result = cleanNote(raw)
    // Assess
    expect(result).toEqual({ text, redacted: true })
  })

  it('removes every secret of a note that has several', () => {
    // Prepare
    const raw = 'card 4111 1111 1111 1111, cvv 123, pin 4321'
    // Act
    const result = cleanNote(raw)
    // Assess
    expect(result).toEqual({ text: `card ${REMOVED}, cvv ${REMOVED}, pin ${REMOVED}`, redacted: true })
  })

  it('leaves a note it already cleaned as it is', () => {
    // Prepare
    const once = cleanNote('password: hunter2 and 4111-1111-1111-1111').text
    // Act
    const twice = cleanNote(once)
    // Assess
    expect(once).toBe('password: [removed] and [removed]')
    expect(twice).toEqual({ text: once, redacted: false })
  })
})
