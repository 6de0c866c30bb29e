import { type AttributeRule, EMPTY_MAPPING, type ViewMapping } from '../../../actions/lib/mapping'
import { type MappedAttribute, mappedAttributesOf } from '../../../actions/lib/view'

/** A mapping of the given rules; each rule's label is its id. */
function mapping(rules: Array<Omit<AttributeRule, 'label'>>, defaultCurrency = 'USD'): ViewMapping {
  return { ...EMPTY_MAPPING, attributes: rules.map((r) => ({ ...r, label: { en: r.id } })), defaultCurrency }
}

/** The typed values of one rule over several stored values (undefined: the card is left out). */
function valuesOf(rule: Omit<AttributeRule, 'id' | 'path' | 'label'>, stored: unknown[]): unknown[] {
  const m = mapping([{ id: 'x', path: '_acme.x', ...rule }])
  return stored.map((v) => {
    const [card] = mappedAttributesOf({ _acme: { x: v } }, m)
    return card ? { format: card.format, value: card.value } : undefined
  })
}

describe('mappedAttributesOf', () => {
  it('shows each mapped field as a card with its id, path and label, in the order of the mapping', () => {
    // Prepare
    const m: ViewMapping = {
      ...EMPTY_MAPPING,
      attributes: [
        { id: 'tier', path: '_acme.loyalty.tier', label: { en: 'Tier', 'zh-Hant': '等級' }, format: 'text' },
        { id: 'missing', path: '_acme.nothing', label: { en: 'Missing' }, format: 'text' },
        { id: 'points', path: '_acme.loyalty.points', label: { en: 'Points' }, format: 'number' }
      ]
    }
    const entity = { _acme: { loyalty: { tier: 'Gold', points: 12500 } } }
    // Act
    const cards = mappedAttributesOf(entity, m)
    // Assess
    expect(cards).toEqual<MappedAttribute[]>([
      {
        id: 'tier',
        path: '_acme.loyalty.tier',
        label: { en: 'Tier', 'zh-Hant': '等級' },
        format: 'text',
        value: 'Gold'
      },
      { id: 'points', path: '_acme.loyalty.points', label: { en: 'Points' }, format: 'number', value: 12500 }
    ])
  })

  it('shows no cards for the empty mapping', () => {
    // Act
    const cards = mappedAttributesOf({ _acme: { x: 1 } }, EMPTY_MAPPING)
    // Assess
    expect(cards).toEqual([])
  })

  it('shows text, numbers and booleans as bounded, printable text', () => {
    // Act
    const values = valuesOf({ format: 'text' }, [
      'Gold\u0000 tier\n',
      42,
      false,
      'x'.repeat(300),
      '',
      ' \t ',
      {},
      ['a']
    ])
    // Assess
    expect(values).toEqual([
      { format: 'text', value: 'Gold  tier' },
      { format: 'text', value: '42' },
      { format: 'text', value: 'false' },
      { format: 'text', value: 'x'.repeat(200) },
      undefined,
      undefined,
      undefined,
      undefined
    ])
  })

  it('reads numbers and numeric text as numbers', () => {
    // Act
    const values = valuesOf({ format: 'number' }, [12500, ' 3.5 ', '-2', 'many', '', true, null])
    // Assess
    expect(values).toEqual([
      { format: 'number', value: 12500 },
      { format: 'number', value: 3.5 },
      { format: 'number', value: -2 },
      undefined,
      undefined,
      undefined,
      undefined
    ])
  })

  it('takes the currency of money from its currency path, else the rule, else the mapping', () => {
    // Prepare
    const m = mapping(
      [
        { id: 'stored', path: '_acme.a.value', format: 'money', currencyPath: '_acme.a.currency', currency: 'GBP' },
        {
          id: 'storedNotIso',
          path: '_acme.b.value',
          format: 'money',
          currencyPath: '_acme.b.currency',
          currency: 'GBP'
        },
        { id: 'rule', path: '_acme.c.value', format: 'money', currency: 'JPY' },
        { id: 'mapping', path: '_acme.d.value', format: 'money', currencyPath: '_acme.d.currency' },
        { id: 'notANumber', path: '_acme.e.value', format: 'money' }
      ],
      'EUR'
    )
    const entity = {
      _acme: {
        a: { value: 10, currency: 'USD' },
        b: { value: '20.5', currency: 'dollars' },
        c: { value: 30 },
        d: { value: 40 },
        e: { value: 'lots' }
      }
    }
    // Act
    const cards = mappedAttributesOf(entity, m)
    // Assess
    expect(cards.map((c) => [c.id, c.value])).toEqual([
      ['stored', { value: 10, currency: 'USD' }],
      ['storedNotIso', { value: 20.5, currency: 'GBP' }],
      ['rule', { value: 30, currency: 'JPY' }],
      ['mapping', { value: 40, currency: 'EUR' }]
    ])
  })

  it('keeps a date-only value as a date, shows a timestamp in ISO form, and leaves out what is not a date', () => {
    // Act
    const values = valuesOf({ format: 'date' }, [
      '2019-03-14',
      '2026-11-19T10:00:00+01:00',
      1763546400000,
      'yesterday',
      true
    ])
    // Assess
    expect(values).toEqual([
      { format: 'date', value: '2019-03-14' },
      { format: 'date', value: '2026-11-19T09:00:00.000Z' },
      { format: 'date', value: '2025-11-19T10:00:00.000Z' },
      undefined,
      undefined
    ])
  })

  it('does not throw on a number out of the range of dates', () => {
    // Act
    const values = valuesOf({ format: 'date' }, [1e20])
    // Assess
    expect(values).toEqual([undefined])
  })

  it('reads booleans, their text and y/n, yes/no and 1/0', () => {
    // Act
    const values = valuesOf({ format: 'boolean' }, [true, false, 'true', 'false', 'y', 'n', 'yes', 'no', 1, 0, 'Y', 2])
    // Assess
    const yes = { format: 'boolean', value: true }
    const no = { format: 'boolean', value: false }
    expect(values).toEqual([yes, no, yes, no, yes, no, yes, no, yes, no, undefined, undefined])
  })

  it("shows an enum's code with the admin's label for it, or with no label when the mapping has none", () => {
    // Prepare
    const m = mapping([
      {
        id: 'plan',
        path: '_acme.plan',
        format: 'enum',
        enumLabels: { G: { en: 'Gold', 'zh-Hant': '金' }, '2': { en: 'Two' } }
      },
      { id: 'other', path: '_acme.other', format: 'enum', enumLabels: { G: { en: 'Gold' } } },
      { id: 'level', path: '_acme.level', format: 'enum', enumLabels: { G: { en: 'Gold' } } },
      { id: 'bare', path: '_acme.bare', format: 'enum' },
      { id: 'empty', path: '_acme.empty', format: 'enum' }
    ])
    const entity = { _acme: { plan: 'G', other: 'S', level: 2, bare: 'G', empty: '' } }
    // Act
    const cards = mappedAttributesOf(entity, m)
    // Assess
    expect(cards.map((c) => (c.format === 'enum' ? [c.id, c.value, c.valueLabel] : c.id))).toEqual([
      ['plan', 'G', { en: 'Gold', 'zh-Hant': '金' }],
      ['other', 'S', null],
      ['level', '2', null],
      ['bare', 'G', null]
    ])
  })

  it('gives no label to an enum value that only names a property every object has', () => {
    // Prepare
    const m = mapping([{ id: 'plan', path: '_acme.plan', format: 'enum', enumLabels: { G: { en: 'Gold' } } }])
    // Act
    const cards = ['constructor', 'toString'].map((plan) => mappedAttributesOf({ _acme: { plan } }, m)[0])
    // Assess
    expect(cards.map((c) => (c?.format === 'enum' ? c.valueLabel : 'missing'))).toEqual([null, null])
  })
})
