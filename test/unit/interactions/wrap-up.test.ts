import { ValidationError } from '../../../actions/lib/errors'
import { parseWrapUp } from '../../../actions/lib/interactions'
import type { InteractionShape } from '../../../actions/lib/mapping'
import { testConfig } from '../fixtures/config'
import { demoShape, NOW } from '../fixtures/interactions'

const config = testConfig()
const TOPICS = 'delivery, billing, returns, product, account, loyalty, complaint, other'
const OUTCOMES = 'resolved, follow-up, escalated, transferred, unresolved'
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/

/** The demo shape without the optional paths: it records only the id, the topic and the outcome. */
function bareShape(): InteractionShape {
  const { interactionId, topic, outcome } = demoShape().fields
  return { ...demoShape(), fields: { interactionId, topic, outcome } }
}

const body = (extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  namespace: 'email',
  id: 'jane.doe@example.com',
  topic: 'delivery',
  outcome: 'resolved',
  ...extra
})

/** The ValidationError parseWrapUp throws for `fields`; fails the test when it does not throw one. */
function rejection(fields: Record<string, unknown>, shape: InteractionShape = demoShape()): ValidationError {
  try {
    parseWrapUp(fields, config, shape, NOW)
  } catch (e) {
    if (e instanceof ValidationError) return e
    throw e
  }
  throw new Error('expected a ValidationError')
}

describe('parseWrapUp', () => {
  it('reads a complete wrap-up, normalising the customer and trimming the note', () => {
    // Prepare
    const fields = body({
      namespace: 'Email',
      id: '  Jane.Doe@Example.COM ',
      sandbox: 'dev',
      sentiment: 'negative',
      note: '  Parcel lost; re-sent.  ',
      followUpDate: '2026-12-08',
      interactionId: 'call_2026-12-01_0001'
    })
    // Act
    const wrapUp = parseWrapUp(fields, config, demoShape(), NOW)
    // Assess
    expect(wrapUp).toEqual({
      identity: { namespace: 'email', aepNamespace: 'Email', id: 'jane.doe@example.com' },
      sandbox: 'dev',
      topic: 'delivery',
      outcome: 'resolved',
      sentiment: 'negative',
      note: 'Parcel lost; re-sent.',
      noteRedacted: false,
      followUpDate: '2026-12-08',
      interactionId: 'call_2026-12-01_0001'
    })
  })

  it('fills the optional values: default sandbox, nothing recorded, a fresh UUID per submit', () => {
    // Act
    const first = parseWrapUp(body(), config, demoShape(), NOW)
    const second = parseWrapUp(body(), config, demoShape(), NOW)
    // Assess
    expect(first).toEqual({
      identity: { namespace: 'email', aepNamespace: 'Email', id: 'jane.doe@example.com' },
      sandbox: 'prod',
      topic: 'delivery',
      outcome: 'resolved',
      sentiment: null,
      note: null,
      noteRedacted: false,
      followUpDate: null,
      interactionId: expect.stringMatching(UUID)
    })
    expect(second.interactionId).toMatch(UUID)
    expect(second.interactionId).not.toBe(first.interactionId)
  })

  it('puts a phone number in E.164 form with the default country code', () => {
    // Prepare
    const fields = body({ namespace: 'phone', id: '(415) 555-0123' })
    // Act
    const wrapUp = parseWrapUp(fields, config, demoShape(), NOW)
    // Assess
    expect(wrapUp.identity).toEqual({ namespace: 'phone', aepNamespace: 'Phone', id: '+14155550123' })
  })

  it('names every field at fault in one 400', () => {
    // Prepare
    const fields = body({
      sandbox: 'staging',
      topic: 'weather',
      outcome: '',
      sentiment: 'ecstatic',
      note: 42,
      followUpDate: '2026-02-30',
      interactionId: 'short',
      agentId: 'me'
    })
    // Act
    const error = rejection(fields)
    // Assess
    expect(error.code).toBe('INVALID_PARAMETER')
    expect(error.status).toBe(400)
    expect(error.fields).toEqual({
      agentId: 'is not a field of this request',
      sandbox: 'must be one of: prod, dev',
      topic: `must be one of: ${TOPICS}`,
      outcome: `is required: one of ${OUTCOMES}`,
      sentiment: 'must be one of: positive, neutral, negative',
      note: 'must be text',
      followUpDate: 'must be a date, YYYY-MM-DD',
      interactionId: 'must be 8 to 64 letters, digits, _ or -'
    })
  })

  it('answers INVALID_IDENTITY when the customer is malformed, with the other faults too', () => {
    // Prepare
    const fields = body({ id: 'not-an-address', topic: undefined })
    // Act
    const error = rejection(fields)
    // Assess
    expect(error.code).toBe('INVALID_IDENTITY')
    expect(error.fields).toEqual({ id: 'must be an e-mail address', topic: `is required: one of ${TOPICS}` })
  })

  it('requires the topic and the outcome', () => {
    // Act
    const error = rejection({ namespace: 'email', id: 'jane.doe@example.com' })
    // Assess
    expect(error.fields).toEqual({
      topic: `is required: one of ${TOPICS}`,
      outcome: `is required: one of ${OUTCOMES}`
    })
  })

  it('refuses a topic given as something other than a code', () => {
    // Act
    const error = rejection(body({ topic: ['delivery'] }))
    // Assess
    expect(error.fields).toEqual({ topic: `must be one of: ${TOPICS}` })
  })

  describe('note', () => {
    it('removes what looks like a card number and says so', () => {
      // Act
      const wrapUp = parseWrapUp(body({ note: 'Refund to 4111 1111 1111 1111' }), config, demoShape(), NOW)
      // Assess
      expect({ note: wrapUp.note, noteRedacted: wrapUp.noteRedacted }).toEqual({
        note: 'Refund to [removed]',
        noteRedacted: true
      })
    })

    it('takes a note of the maximum length, counted after trimming', () => {
      // Prepare
      const text = 'x'.repeat(demoShape().noteMaxLength)
      // Act
      const wrapUp = parseWrapUp(body({ note: `\n${text}  \n` }), config, demoShape(), NOW)
      // Assess
      expect(wrapUp.note).toBe(text)
    })

    it('refuses a note one character too long', () => {
      // Prepare
      const shape = { ...demoShape(), noteMaxLength: 20 }
      // Act
      const error = rejection(body({ note: 'y'.repeat(21) }), shape)
      // Assess
      expect(error.fields).toEqual({ note: 'must be at most 20 characters' })
    })

    it('records a blank note as none', () => {
      // Act
      const wrapUp = parseWrapUp(body({ note: ' \n\t ' }), config, demoShape(), NOW)
      // Assess
      expect(wrapUp.note).toBeNull()
    })

    it('refuses a note the deployment has no place for, but takes a blank one', () => {
      // Act
      const error = rejection(body({ note: 'Called back' }), bareShape())
      const blank = parseWrapUp(body({ note: '  ' }), config, bareShape(), NOW)
      // Assess
      expect(error.fields).toEqual({
        note: 'is not recorded by this deployment (CUSTOMER_VIEW_MAPPING.interactions.fields.note is not set)'
      })
      expect(blank.note).toBeNull()
    })
  })

  it('refuses a sentiment and a follow-up the deployment does not record', () => {
    // Act
    const error = rejection(body({ sentiment: 'neutral', followUpDate: '2026-12-02' }), bareShape())
    // Assess
    expect(error.fields).toEqual({
      sentiment: 'is not recorded by this deployment',
      followUpDate: 'is not recorded by this deployment'
    })
  })

  describe('followUpDate', () => {
    it.each([
      ['today', '2026-12-01'],
      ['yesterday (the agent may still be on yesterday in UTC)', '2026-11-30'],
      ['366 days ahead', '2027-12-02']
    ])('takes %s', (_case, date) => {
      // Act
      const wrapUp = parseWrapUp(body({ followUpDate: date }), config, demoShape(), NOW)
      // Assess
      expect(wrapUp.followUpDate).toBe(date)
    })

    it('takes a leap day', () => {
      // Prepare
      const now = Date.parse('2028-01-10T08:00:00Z')
      // Act
      const wrapUp = parseWrapUp(body({ followUpDate: '2028-02-29' }), config, demoShape(), now)
      // Assess
      expect(wrapUp.followUpDate).toBe('2028-02-29')
    })

    it.each([
      ['two days ago', '2026-11-29'],
      ['367 days ahead', '2027-12-03']
    ])('refuses %s', (_case, date) => {
      // Act
      const error = rejection(body({ followUpDate: date }))
      // Assess
      expect(error.fields).toEqual({ followUpDate: 'must be from today to 366 days ahead' })
    })

    it.each([
      ['a day that does not exist', '2027-02-29'],
      ['a month that does not exist', '2026-13-01'],
      ['no leading zeros', '2026-12-8'],
      ['a time', '2026-12-08T10:00:00Z'],
      ['a number', 20261208]
    ])('refuses %s', (_case, date) => {
      // Act
      const error = rejection(body({ followUpDate: date }))
      // Assess
      expect(error.fields).toEqual({ followUpDate: 'must be a date, YYYY-MM-DD' })
    })
  })

  describe('interactionId', () => {
    it.each(['abcd1234', 'A'.repeat(64), 'call_2026-12-01'])('takes %j as given', (id) => {
      // Act
      const wrapUp = parseWrapUp(body({ interactionId: id }), config, demoShape(), NOW)
      // Assess
      expect(wrapUp.interactionId).toBe(id)
    })

    it.each([
      ['7 characters', 'abc1234'],
      ['65 characters', 'A'.repeat(65)],
      ['a space', 'call 0001'],
      ['a slash', 'call/0001'],
      ['a number', 12345678]
    ])('refuses one with %s', (_case, id) => {
      // Act
      const error = rejection(body({ interactionId: id }))
      // Assess
      expect(error.fields).toEqual({ interactionId: 'must be 8 to 64 letters, digits, _ or -' })
    })
  })
})
