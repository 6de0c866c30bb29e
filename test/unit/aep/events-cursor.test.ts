import { cursorToHref, hrefToCursor, type NormalisedIdentity, rebindCursor } from '../../../actions/lib/aep'
import { ValidationError } from '../../../actions/lib/errors'
import { SALT } from '../fixtures/config'

const byEmail: NormalisedIdentity = { namespace: 'email', aepNamespace: 'Email', id: 'jane.doe@example.com' }
const byPhone: NormalisedIdentity = { namespace: 'phone', aepNamespace: 'Phone', id: '+14155550123' }
const someoneElse: NormalisedIdentity = { namespace: 'email', aepNamespace: 'Email', id: 'john.roe@example.com' }
const NEXT = '/entities?schema.name=_xdm.context.experienceevent&start=c8f1e2a0-page-2&limit=10'

const refused = {
  status: 400,
  code: 'INVALID_PARAMETER',
  message: "Invalid request: cursor: is not a cursor this customer's events returned",
  fields: { cursor: "is not a cursor this customer's events returned" }
}

/** The ValidationError `act` throws, as status and body. */
function refusalOf(act: () => unknown): Record<string, unknown> {
  try {
    act()
  } catch (e) {
    if (e instanceof ValidationError) return { status: e.status, ...e.toJSON() }
    throw e
  }
  throw new Error('expected a refusal')
}

/** The cursor's text, for tests that take it apart as a forger would. */
const decoded = (cursor: string): unknown => JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'))
const encoded = (value: unknown): string => Buffer.from(JSON.stringify(value), 'utf8').toString('base64url')

describe('hrefToCursor → cursorToHref', () => {
  it("round-trips AEP's page position into the next-page request of the same customer", () => {
    // Prepare
    const cursor = hrefToCursor(NEXT, byEmail, SALT)
    // Act
    const href = cursorToHref(cursor ?? '', byEmail, 25, SALT, null)
    // Assess
    expect(href).toBe(
      '/entities?schema.name=_xdm.context.experienceevent&relatedSchema.name=_xdm.context.profile&relatedEntityId=jane.doe%40example.com&relatedEntityIdNS=Email&start=c8f1e2a0-page-2&limit=25&orderby=-timestamp'
    )
  })

  it('names the merge policy in the next-page request when the lookup has one', () => {
    // Prepare
    const cursor = hrefToCursor(`https://platform.adobe.io/data/core/ups/access${NEXT}`, byEmail, SALT) ?? ''
    // Act
    const href = cursorToHref(cursor, byEmail, 10, SALT, 'mp-1')
    // Assess
    expect(new URLSearchParams(href.slice(href.indexOf('?') + 1)).get('mergePolicyId')).toBe('mp-1')
  })

  it('carries only the page position and a binding, never the identity', () => {
    // Act
    const cursor = hrefToCursor(NEXT, byEmail, SALT) ?? ''
    // Assess
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/)
    expect(decoded(cursor)).toEqual({ s: 'c8f1e2a0-page-2', f: expect.stringMatching(/^[A-Za-z0-9_-]{16}$/) })
    expect(Buffer.from(cursor, 'base64url').toString('utf8')).not.toContain('jane')
  })

  it.each([
    ['the last page', null],
    ['an empty link', ''],
    ['a link without a position', '/entities?limit=10'],
    ['a link whose position is not an AEP id', '/entities?start=a%26relatedEntityId%3Dx'],
    ['a link with an over-long position', `/entities?start=${'a'.repeat(513)}`]
  ])('gives no cursor for %s', (_, href) => {
    // Act
    const cursor = hrefToCursor(href, byEmail, SALT)
    // Assess
    expect(cursor).toBeNull()
  })
})

describe('cursorToHref refusals', () => {
  const cursor = hrefToCursor(NEXT, byEmail, SALT) ?? ''

  it('refuses a cursor of another customer with INVALID_PARAMETER', () => {
    // Act
    const error = refusalOf(() => cursorToHref(cursor, someoneElse, 10, SALT, null))
    // Assess
    expect(error).toEqual(refused)
  })

  it('refuses a cursor bound under another salt (another deployment)', () => {
    // Act
    const error = refusalOf(() => cursorToHref(cursor, byEmail, 10, 'another-salt-0123456789', null))
    // Assess
    expect(error).toEqual(refused)
  })

  it("refuses a cursor whose position was swapped for a query of the forger's own", () => {
    // Prepare
    const parts = decoded(cursor) as { s: string; f: string }
    const forged = encoded({ ...parts, s: 'x&relatedEntityId=john.roe@example.com' })
    // Act
    const error = refusalOf(() => cursorToHref(forged, byEmail, 10, SALT, null))
    // Assess
    expect(error).toEqual(refused)
  })

  it.each([
    ['an empty cursor', ''],
    ['text that is not base64url', 'not a cursor!'],
    ['base64url of text that is not JSON', Buffer.from('garbled').toString('base64url')],
    ['a JSON array', encoded(['c8f1e2a0-page-2'])],
    ['JSON without a binding', encoded({ s: 'c8f1e2a0-page-2' })],
    ['a made-up binding', encoded({ s: 'c8f1e2a0-page-2', f: 'AAAAAAAAAAAAAAAA' })],
    ['an over-long cursor', 'A'.repeat(2049)]
  ])('refuses %s', (_, garbled) => {
    // Act
    const error = refusalOf(() => cursorToHref(garbled, byEmail, 10, SALT, null))
    // Assess
    expect(error).toEqual(refused)
  })
})

describe('rebindCursor', () => {
  const cursor = hrefToCursor(NEXT, byEmail, SALT) ?? ''

  it('moves a position to another identity of the same customer, and off the first one', () => {
    // Act
    const rebound = rebindCursor(cursor, byPhone, SALT) ?? ''
    // Assess
    expect(cursorToHref(rebound, byPhone, 10, SALT, null)).toBe(
      '/entities?schema.name=_xdm.context.experienceevent&relatedSchema.name=_xdm.context.profile&relatedEntityId=%2B14155550123&relatedEntityIdNS=Phone&start=c8f1e2a0-page-2&limit=10&orderby=-timestamp'
    )
    expect(refusalOf(() => cursorToHref(rebound, byEmail, 10, SALT, null))).toEqual(refused)
  })

  it('gives the same cursor when rebinding to the identity it is bound to', () => {
    // Act
    const rebound = rebindCursor(cursor, byEmail, SALT)
    // Assess
    expect(rebound).toBe(cursor)
  })

  it.each([
    ['no cursor', null],
    ['a garbled cursor', 'not a cursor!']
  ])('gives null for %s', (_, given) => {
    // Act
    const rebound = rebindCursor(given, byPhone, SALT)
    // Assess
    expect(rebound).toBeNull()
  })
})
