import { MAX_PROFILE_FIELDS, profileFieldsOf } from '../../../actions/lib/view'

/** `value` nested `depth` levels under `key`: `{ key: { key: … value } }`. */
function nest(depth: number, value: unknown, wrap: (inner: unknown) => unknown): unknown {
  let v = value
  for (let i = 0; i < depth; i++) v = wrap(v)
  return v
}

describe('profileFieldsOf', () => {
  it('lists every leaf as a dot path and text, sorted by path, with array items as [n]', () => {
    // Prepare
    const entity = {
      person: { name: { lastName: 'Doe', firstName: 'Jane' } },
      loyalty: { points: 12500, member: true },
      productListItems: [{ SKU: 'A', quantity: 2 }, 'loose'],
      _acme: { score: 0.5 }
    }
    // Act
    const fields = profileFieldsOf(entity)
    // Assess
    expect(fields).toEqual({
      fields: [
        { path: '_acme.score', value: '0.5' },
        { path: 'loyalty.member', value: 'true' },
        { path: 'loyalty.points', value: '12500' },
        { path: 'person.name.firstName', value: 'Jane' },
        { path: 'person.name.lastName', value: 'Doe' },
        { path: 'productListItems[0].SKU', value: 'A' },
        { path: 'productListItems[0].quantity', value: '2' },
        { path: 'productListItems[1]', value: 'loose' }
      ],
      trimmed: false
    })
  })

  it('leaves out the identity map and audience memberships, which the view shows elsewhere, at the top only', () => {
    // Prepare
    const entity = {
      identityMap: { Email: [{ id: 'jane.doe@example.com' }] },
      segmentMembership: { ups: { 'aud-1': { status: 'realized' } } },
      _acme: { identityMap: 'kept' }
    }
    // Act
    const fields = profileFieldsOf(entity)
    // Assess
    expect(fields).toEqual({ fields: [{ path: '_acme.identityMap', value: 'kept' }], trimmed: false })
  })

  it('strips control characters, bounds values to 200 characters and keeps an empty text as empty', () => {
    // Prepare
    const entity = { a: 'line one\nline\u0000two\u007f', b: 'x'.repeat(500), c: '', d: '\u0001' }
    // Act
    const fields = profileFieldsOf(entity)
    // Assess
    expect(fields.fields).toEqual([
      { path: 'a', value: 'line one line two' },
      { path: 'b', value: 'x'.repeat(200) },
      { path: 'c', value: '' },
      { path: 'd', value: '' }
    ])
  })

  it('drops numbers that are not finite and values that are not leaves', () => {
    // Prepare
    const entity = { inf: Number.POSITIVE_INFINITY, nan: Number.NaN, none: null, empty: {}, list: [], ok: 0 }
    // Act
    const fields = profileFieldsOf(entity)
    // Assess
    expect(fields).toEqual({ fields: [{ path: 'ok', value: '0' }], trimmed: false })
  })

  it(`keeps at most ${MAX_PROFILE_FIELDS} leaves and says it trimmed the rest`, () => {
    // Prepare
    const entity = {
      _acme: Object.fromEntries(Array.from({ length: 1200 }, (_, i) => [`f${String(i).padStart(4, '0')}`, i]))
    }
    // Act
    const { fields, trimmed } = profileFieldsOf(entity)
    // Assess
    expect([fields.length, fields[0], fields.at(-1), trimmed]).toEqual([
      MAX_PROFILE_FIELDS,
      { path: '_acme.f0000', value: '0' },
      { path: '_acme.f0999', value: '999' },
      true
    ])
  })

  it(`does not say it trimmed a profile of exactly ${MAX_PROFILE_FIELDS} leaves`, () => {
    // Prepare
    const entity = Object.fromEntries(Array.from({ length: MAX_PROFILE_FIELDS }, (_, i) => [`f${i}`, i]))
    // Act
    const { fields, trimmed } = profileFieldsOf(entity)
    // Assess
    expect([fields.length, trimmed]).toEqual([MAX_PROFILE_FIELDS, false])
  })

  it('keeps the first 50 items of a list and says it trimmed the rest', () => {
    // Prepare
    const entity = { list: Array.from({ length: 60 }, (_, i) => i) }
    // Act
    const { fields, trimmed } = profileFieldsOf(entity)
    // Assess
    expect([fields.length, fields.at(-1), trimmed]).toEqual([50, { path: 'list[49]', value: '49' }, true])
  })

  it('stops at 16 levels of objects and says it trimmed what lies deeper', () => {
    // Prepare
    const entity = { shallow: nest(15, 'kept', (v) => ({ k: v })), deep: nest(16, 'lost', (v) => ({ k: v })) }
    // Act
    const { fields, trimmed } = profileFieldsOf(entity)
    // Assess
    expect([fields, trimmed]).toEqual([[{ path: `shallow${'.k'.repeat(15)}`, value: 'kept' }], true])
  })

  it('stops at 16 levels of lists too, and does not overflow the stack on a hostile profile', () => {
    // Prepare
    const entity = { deep: nest(20, 'lost', (v) => [v]), hostile: nest(50_000, 'lost', (v) => [v]) }
    // Act
    const read = () => profileFieldsOf(entity)
    // Assess
    expect(read).not.toThrow()
    expect(read()).toEqual({ fields: [], trimmed: true })
  })

  it('bounds each key of a path to 100 characters', () => {
    // Prepare
    const entity = { ['k'.repeat(150)]: { v: 1 } }
    // Act
    const { fields } = profileFieldsOf(entity)
    // Assess
    expect(fields).toEqual([{ path: `${'k'.repeat(100)}.v`, value: '1' }])
  })
})
