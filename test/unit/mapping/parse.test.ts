import {
  DEFAULT_REASONS,
  EMPTY_MAPPING,
  MappingError,
  mappedPaths,
  parseViewMapping,
  type ViewMapping
} from '../../../actions/lib/mapping'
import { placeholders } from '../../../actions/lib/xdm'

/** The MappingError's fields (JSON path → problem), or {} when the setting parses. */
function problems(json: string, kinds?: readonly string[]): Record<string, string> {
  try {
    parseViewMapping(json, kinds)
    return {}
  } catch (e) {
    if (e instanceof MappingError) return e.fields
    throw e
  }
}

const FULL = JSON.stringify({
  attributes: [
    { path: 'person.loyalty.tier', label: 'Tier' },
    {
      id: 'balance',
      path: '_acme.wallet.balance',
      label: { en: 'Balance', 'zh-Hant': '餘額' },
      format: 'money',
      currencyPath: '_acme.wallet.currency'
    },
    {
      id: 'plan',
      path: '_acme.plan.code',
      label: 'Plan',
      format: 'enum',
      enumLabels: { G: 'Gold', S: { en: 'Silver' } }
    },
    { id: 'fee', path: '_acme.plan.fee', label: 'Fee', format: 'money', currency: 'EUR' }
  ],
  insights: [
    { id: 'churn', path: '_acme.scores.churn', label: 'Churn' },
    { id: 'upsell', path: '_acme.scores.upsell', scale: 100, highIs: 'opportunity', bands: { high: 0.8 } }
  ],
  lifetimeValue: { path: '_acme.clv.value' },
  events: [
    {
      id: 'call',
      match: { eventType: '_acme.callCenter.interaction' },
      kind: 'support-call',
      channel: 'phone',
      details: { reason: '_acme.call.topic', durationSeconds: '_acme.call.seconds' },
      summary: { en: 'Call about {_acme.call.topic}', 'zh-Hant': '來電：{_acme.call.topic}' }
    },
    { id: 'store', match: { hasPath: '_acme.store.visit' }, kind: 'activity' }
  ],
  defaultCurrency: 'EUR'
})

const FULL_PARSED: ViewMapping = {
  attributes: [
    { id: 'person.loyalty.tier', path: 'person.loyalty.tier', label: { en: 'Tier' }, format: 'text' },
    {
      id: 'balance',
      path: '_acme.wallet.balance',
      label: { en: 'Balance', 'zh-Hant': '餘額' },
      format: 'money',
      currencyPath: '_acme.wallet.currency'
    },
    {
      id: 'plan',
      path: '_acme.plan.code',
      label: { en: 'Plan' },
      format: 'enum',
      enumLabels: { G: { en: 'Gold' }, S: { en: 'Silver' } }
    },
    { id: 'fee', path: '_acme.plan.fee', label: { en: 'Fee' }, format: 'money', currency: 'EUR' }
  ],
  insights: [
    {
      id: 'churn',
      path: '_acme.scores.churn',
      label: { en: 'Churn' },
      scale: 1,
      bands: { medium: 0.34, high: 0.67 },
      highIs: 'risk'
    },
    {
      id: 'upsell',
      path: '_acme.scores.upsell',
      label: { en: 'upsell' },
      scale: 100,
      bands: { medium: 0.34, high: 0.8 },
      highIs: 'opportunity'
    }
  ],
  lifetimeValue: { path: '_acme.clv.value', currencyPath: '_acme.clv.currency' },
  events: [
    {
      id: 'call',
      match: { eventType: '_acme.callCenter.interaction' },
      kind: 'support-call',
      channel: 'phone',
      details: { reason: '_acme.call.topic', durationSeconds: '_acme.call.seconds' },
      summary: { en: 'Call about {_acme.call.topic}', 'zh-Hant': '來電：{_acme.call.topic}' }
    },
    { id: 'store', match: { hasPath: '_acme.store.visit' }, kind: 'activity', channel: null, details: {} }
  ],
  bands: { medium: 0.34, high: 0.67 },
  defaultCurrency: 'EUR',
  reasons: DEFAULT_REASONS,
  interactions: null
}

/** The INSIGHT_FIELD_MAP value .env.example carried before CUSTOMER_VIEW_MAPPING. */
const INSIGHT_FIELD_MAP =
  '{"lifetimeValue":"_demotenant.clv.value","lifetimeValueCurrency":"_demotenant.clv.currency","churnPropensity":"_demotenant.scores.churnPropensity","engagementPropensity":"_demotenant.scores.engagementPropensity","bands":{"medium":0.34,"high":0.67}}'

describe('parseViewMapping', () => {
  it.each([
    ['unset', undefined],
    ['empty', ''],
    ['blank', '  \n ']
  ])('is the empty mapping when the setting is %s', (_, json) => {
    // Act
    const mapping = parseViewMapping(json)
    // Assess
    expect(mapping).toEqual({
      attributes: [],
      insights: [],
      lifetimeValue: null,
      events: [],
      bands: { medium: 0.34, high: 0.67 },
      defaultCurrency: 'USD',
      reasons: DEFAULT_REASONS,
      interactions: null
    })
    expect(mapping).toEqual(EMPTY_MAPPING)
  })

  it('reads a full mapping and fills every default', () => {
    // Act
    const mapping = parseViewMapping(FULL)
    // Assess
    expect(mapping).toEqual(FULL_PARSED)
  })

  it('lets each list reuse an id another list has', () => {
    // Prepare
    const json = JSON.stringify({
      attributes: [{ id: 'churn', path: 'a.b', label: 'A' }],
      insights: [{ id: 'churn', path: 'a.c' }],
      events: [{ id: 'churn', match: { eventType: 'x.y' }, kind: 'activity' }]
    })
    // Act
    const mapping = parseViewMapping(json)
    // Assess
    expect([mapping.attributes[0]?.id, mapping.insights[0]?.id, mapping.events[0]?.id]).toEqual([
      'churn',
      'churn',
      'churn'
    ])
  })

  it('defaults the id of an attribute on a tenant path to that path', () => {
    // Act
    const mapping = parseViewMapping('{"attributes":[{"path":"_acme.loyalty.status","label":"Status"}]}')
    // Assess
    expect(mapping.attributes).toEqual([
      { id: '_acme.loyalty.status', path: '_acme.loyalty.status', label: { en: 'Status' }, format: 'text' }
    ])
  })

  it('takes a kind from the kinds it is given', () => {
    // Act
    const mapping = parseViewMapping('{"events":[{"id":"a","match":{"eventType":"x.y"},"kind":"teleport"}]}', [
      'teleport'
    ])
    // Assess
    expect(mapping.events.map((e) => e.kind)).toEqual(['teleport'])
  })
})

describe('parseViewMapping with the former INSIGHT_FIELD_MAP', () => {
  it('reads the value .env.example had into lifetime value and two insight rules', () => {
    // Act
    const mapping = parseViewMapping(INSIGHT_FIELD_MAP)
    // Assess
    expect(mapping).toEqual<ViewMapping>({
      attributes: [],
      insights: [
        {
          id: 'churnPropensity',
          path: '_demotenant.scores.churnPropensity',
          label: { en: 'Churn propensity' },
          scale: 1,
          bands: { medium: 0.34, high: 0.67 },
          highIs: 'risk'
        },
        {
          id: 'engagementPropensity',
          path: '_demotenant.scores.engagementPropensity',
          label: { en: 'Engagement propensity' },
          scale: 1,
          bands: { medium: 0.34, high: 0.67 },
          highIs: 'opportunity'
        }
      ],
      lifetimeValue: { path: '_demotenant.clv.value', currencyPath: '_demotenant.clv.currency' },
      events: [],
      bands: { medium: 0.34, high: 0.67 },
      defaultCurrency: 'USD',
      reasons: DEFAULT_REASONS,
      interactions: null
    })
  })

  it('applies its bands to its scores and derives the currency path beside the value', () => {
    // Act
    const mapping = parseViewMapping(
      '{"lifetimeValue":"_acme.model.clv","churnPropensity":"_acme.model.churn","bands":{"high":0.9},"defaultCurrency":"EUR"}'
    )
    // Assess
    expect([mapping.lifetimeValue, mapping.insights.map((s) => [s.id, s.bands]), mapping.defaultCurrency]).toEqual([
      { path: '_acme.model.clv', currencyPath: '_acme.model.currency' },
      [['churnPropensity', { medium: 0.34, high: 0.9 }]],
      'EUR'
    ])
  })

  it('reports a score that is not text at its own key', () => {
    // Act
    const found = problems('{"churnPropensity":5}')
    // Assess
    expect(found).toEqual({ churnPropensity: 'must be a dot path such as _tenant.loyalty.tier' })
  })

  it('reports a score whose path is malformed at its own key, where the admin wrote it', () => {
    // Act
    const found = problems('{"churnPropensity":"a..b"}')
    // Assess
    expect(found).toEqual({ churnPropensity: 'must be a dot path such as _tenant.loyalty.tier' })
  })
})

const PATH = 'must be a dot path such as _tenant.loyalty.tier'
const TEXT = 'must be a text of 1 to 80 characters, or {"en": …, "zh-Hant": …}'
const BANDS = 'must be {"medium": m, "high": h} with 0 < m < h < 1'
const CURRENCY = 'must be an ISO 4217 code such as USD'
const MATCH = 'must be {"eventType": "…"} or {"hasPath": "…"}'
const KIND =
  'must be one of the event kinds (purchase, checkout, cart-add, cart-remove, cart-view, product-view, …; see docs/deploy.md)'
const attr = (rule: object): string => JSON.stringify({ attributes: [{ id: 'a', path: 'a.b', label: 'A', ...rule }] })
const insight = (rule: object): string => JSON.stringify({ insights: [{ id: 's', path: 'a.b', ...rule }] })
const ev = (rule: object): string =>
  JSON.stringify({ events: [{ id: 'e', match: { eventType: 'x.y' }, kind: 'activity', ...rule }] })
const many = (n: number, entry: (i: number) => object): object[] => Array.from({ length: n }, (_, i) => entry(i))

describe('parseViewMapping refusals', () => {
  it.each<[string, string, Record<string, string>]>([
    ['text that is not JSON', 'not json', { '': 'must be a JSON object' }],
    ['a JSON list', '[]', { '': 'must be a JSON object' }],
    ['an unknown top-level key', '{"colour":"red"}', { colour: 'is not a known key' }],
    ['an unknown attribute key', attr({ colour: 'red' }), { 'attributes[0].colour': 'is not a known key' }],
    [
      'an unknown format',
      attr({ format: 'percent' }),
      { 'attributes[0].format': 'must be one of text, number, money, date, boolean, enum' }
    ],
    ['a malformed attribute path', attr({ path: 'a..b' }), { 'attributes[0].path': PATH }],
    ['an attribute path that is not text', attr({ path: 7 }), { 'attributes[0].path': PATH }],
    ['a missing label', attr({ label: undefined }), { 'attributes[0].label': TEXT }],
    ['a label over 80 characters', attr({ label: 'x'.repeat(81) }), { 'attributes[0].label': TEXT }],
    [
      'a label in an unsupported language',
      attr({ label: { en: 'A', fr: 'A' } }),
      { 'attributes[0].label.fr': 'is not a supported language (en, zh-Hant)' }
    ],
    [
      'an empty zh-Hant label',
      attr({ label: { en: 'A', 'zh-Hant': '' } }),
      { 'attributes[0].label.zh-Hant': 'must be a text of 1 to 80 characters' }
    ],
    ['a bad id', attr({ id: '1st' }), { 'attributes[0].id': 'must be a name of letters, digits, _ . -' }],
    [
      'a repeated attribute id',
      JSON.stringify({
        attributes: [
          { id: 'a', path: 'a.b', label: 'A' },
          { id: 'a', path: 'a.c', label: 'B' }
        ]
      }),
      { 'attributes[1].id': 'repeats the id "a"' }
    ],
    [
      'a currency that is not ISO 4217',
      attr({ format: 'money', currency: 'usd' }),
      { 'attributes[0].currency': CURRENCY }
    ],
    [
      'a malformed currency path',
      attr({ format: 'money', currencyPath: 'a b' }),
      { 'attributes[0].currencyPath': PATH }
    ],
    [
      'a currency on a format that is not money',
      attr({ format: 'number', currency: 'USD' }),
      { 'attributes[0].format': 'must be money when a currency is given' }
    ],
    [
      'enum labels on a format that is not enum',
      attr({ enumLabels: { a: 'A' } }),
      { 'attributes[0].enumLabels': 'is only for format enum' }
    ],
    [
      'enum labels that are not an object',
      attr({ format: 'enum', enumLabels: ['A'] }),
      { 'attributes[0].enumLabels': 'must be an object of at most 100 value → label entries' }
    ],
    ['a bad enum label', attr({ format: 'enum', enumLabels: { G: '' } }), { 'attributes[0].enumLabels.G': TEXT }],
    [
      'an insight without id, whose label defaults to it',
      insight({ id: undefined }),
      { 'insights[0].id': 'must be a name of letters, digits, _ . -', 'insights[0].label': TEXT }
    ],
    [
      'a repeated insight id',
      JSON.stringify({
        insights: [
          { id: 's', path: 'a.b' },
          { id: 's', path: 'a.c' }
        ]
      }),
      { 'insights[1].id': 'repeats the id "s"' }
    ],
    [
      'a scale other than 1 or 100',
      insight({ scale: 10 }),
      { 'insights[0].scale': 'must be 1 (scores in 0..1) or 100 (0..100)' }
    ],
    ['an unknown highIs', insight({ highIs: 'good' }), { 'insights[0].highIs': 'must be risk or opportunity' }],
    ['insight bands out of order', insight({ bands: { medium: 0.8, high: 0.5 } }), { 'insights[0].bands': BANDS }],
    ['top-level bands reaching 1', '{"bands":{"high":1}}', { bands: BANDS }],
    ['top-level bands as text', '{"bands":{"medium":"0.2"}}', { bands: BANDS }],
    ['a default currency that is not ISO 4217', '{"defaultCurrency":"dollars"}', { defaultCurrency: CURRENCY }],
    [
      'a lifetime value of the wrong type',
      '{"lifetimeValue":42}',
      { lifetimeValue: 'must be {"path": …, "currencyPath": …}' }
    ],
    [
      'an unknown lifetime value key',
      '{"lifetimeValue":{"path":"a.b","unit":"x"}}',
      { 'lifetimeValue.unit': 'is not a known key' }
    ],
    ['a malformed lifetime value path', '{"lifetimeValue":{"path":"a b"}}', { 'lifetimeValue.path': PATH }],
    ['a match with both keys', ev({ match: { eventType: 'x.y', hasPath: 'a.b' } }), { 'events[0].match': MATCH }],
    ['a match with neither key', ev({ match: {} }), { 'events[0].match': MATCH }],
    [
      'a match on a malformed eventType',
      ev({ match: { eventType: 'x y' } }),
      { 'events[0].match.eventType': 'must be an XDM eventType such as _acme.callCenter.interaction' }
    ],
    ['a match on a malformed path', ev({ match: { hasPath: 'a..b' } }), { 'events[0].match.hasPath': PATH }],
    ['an unknown event kind', ev({ kind: 'teleport' }), { 'events[0].kind': KIND }],
    [
      'a bad channel',
      ev({ channel: 'call centre' }),
      { 'events[0].channel': 'must be a channel name such as phone or store' }
    ],
    [
      'details that are not an object',
      ev({ details: 'reason' }),
      { 'events[0].details': 'must be an object of detail → dot path' }
    ],
    [
      'an unknown details key',
      ev({ details: { mood: 'a.b' } }),
      { 'events[0].details.mood': 'is not a detail (reason, outcome, durationSeconds, campaign, page, amount)' }
    ],
    ['a malformed details path', ev({ details: { reason: 'a..b' } }), { 'events[0].details.reason': PATH }],
    [
      'a summary placeholder that is not a dot path',
      ev({ summary: 'Note {not a path}' }),
      { 'events[0].summary': 'has a placeholder {not a path} that is not a dot path' }
    ],
    [
      'a translated summary placeholder that is not a dot path',
      ev({ summary: { en: 'Call {a.b}', 'zh-Hant': '來電 {}' } }),
      { 'events[0].summary.zh-Hant': 'has a placeholder {} that is not a dot path' }
    ],
    ['a list that is not a list', '{"attributes":{"a":1}}', { attributes: 'must be a list of at most 50 entries' }],
    [
      'too many attributes',
      JSON.stringify({ attributes: many(51, (i) => ({ id: `a${i}`, path: 'a.b', label: 'A' })) }),
      { attributes: 'must be a list of at most 50 entries' }
    ],
    [
      'too many insights',
      JSON.stringify({ insights: many(21, (i) => ({ id: `s${i}`, path: 'a.b' })) }),
      { insights: 'must be a list of at most 20 entries' }
    ],
    [
      'too many events',
      JSON.stringify({ events: many(51, (i) => ({ id: `e${i}`, match: { eventType: 'x.y' }, kind: 'activity' })) }),
      { events: 'must be a list of at most 50 entries' }
    ]
  ])('refuses %s at its JSON path', (_, json, fields) => {
    // Act
    const found = problems(json)
    // Assess
    expect(found).toEqual(fields)
  })

  it('refuses bands that are not an object', () => {
    // Act
    const found = [problems('{"bands":"high"}'), problems(insight({ bands: 0.5 }))]
    // Assess
    expect(found).toEqual([{ bands: BANDS }, { 'insights[0].bands': BANDS }])
  })

  it('reports every problem at once, and says each in its message', () => {
    // Prepare
    const json = JSON.stringify({
      attributes: [
        { id: 'a', path: 'a.b', label: 'A', format: 'percent' },
        { id: 'b', path: 'a..b', label: 'B' },
        { id: 'c', path: 'c', label: 'C', colour: 'red' },
        { id: 'c', path: 'd', label: 'D' },
        { id: 'e', path: 'e', label: { en: 'E', fr: 'É' } },
        { id: 'f', path: 'f', label: 'F', format: 'money', currency: 'usd' }
      ],
      insights: [{ id: 'churn', path: '_a.churn', bands: { medium: 0.8, high: 0.5 } }],
      events: [
        { id: 'call', match: { eventType: 'x', hasPath: 'y' }, kind: 'support-call' },
        { id: 'visit', match: { hasPath: 'a.b' }, kind: 'teleport' },
        { id: 'chat', match: { eventType: '_a.chat' }, kind: 'activity', details: { mood: 'a.b' } },
        { id: 'note', match: { eventType: '_a.note' }, kind: 'activity', summary: 'Note {not a path}' }
      ],
      defaultCurrency: 'dollars',
      colour: 'red'
    })
    // Act
    const act = (): unknown => parseViewMapping(json)
    // Assess
    const fields = {
      colour: 'is not a known key',
      defaultCurrency: CURRENCY,
      'attributes[0].format': 'must be one of text, number, money, date, boolean, enum',
      'attributes[1].path': PATH,
      'attributes[2].colour': 'is not a known key',
      'attributes[3].id': 'repeats the id "c"',
      'attributes[4].label.fr': 'is not a supported language (en, zh-Hant)',
      'attributes[5].currency': CURRENCY,
      'insights[0].bands': BANDS,
      'events[0].match': MATCH,
      'events[1].kind': KIND,
      'events[2].details.mood': 'is not a detail (reason, outcome, durationSeconds, campaign, page, amount)',
      'events[3].summary': 'has a placeholder {not a path} that is not a dot path'
    }
    expect(act).toThrow(expect.objectContaining({ fields }))
    expect(act).toThrow(new MappingError(fields))
  })
})

describe('mappedPaths', () => {
  it('lists every path the mapping reads, where it is set and which schema holds it', () => {
    // Prepare
    const mapping = parseViewMapping(FULL)
    // Act
    const paths = mappedPaths(mapping)
    // Assess
    expect(paths).toEqual([
      { where: 'attributes[0].path', path: 'person.loyalty.tier', schema: 'profile' },
      { where: 'attributes[1].path', path: '_acme.wallet.balance', schema: 'profile' },
      { where: 'attributes[1].currencyPath', path: '_acme.wallet.currency', schema: 'profile' },
      { where: 'attributes[2].path', path: '_acme.plan.code', schema: 'profile' },
      { where: 'attributes[3].path', path: '_acme.plan.fee', schema: 'profile' },
      { where: 'insights[0].path', path: '_acme.scores.churn', schema: 'profile' },
      { where: 'insights[1].path', path: '_acme.scores.upsell', schema: 'profile' },
      { where: 'lifetimeValue.path', path: '_acme.clv.value', schema: 'profile' },
      { where: 'lifetimeValue.currencyPath', path: '_acme.clv.currency', schema: 'profile' },
      { where: 'events[0].details.reason', path: '_acme.call.topic', schema: 'event' },
      { where: 'events[0].details.durationSeconds', path: '_acme.call.seconds', schema: 'event' },
      { where: 'events[0].summary.en', path: '_acme.call.topic', schema: 'event' },
      { where: 'events[0].summary.zh-Hant', path: '_acme.call.topic', schema: 'event' },
      { where: 'events[1].match.hasPath', path: '_acme.store.visit', schema: 'event' }
    ])
  })

  it('is empty for the empty mapping', () => {
    // Act
    const paths = mappedPaths(EMPTY_MAPPING)
    // Assess
    expect(paths).toEqual([])
  })
})

describe('placeholders', () => {
  it('names the paths of a template in order, and nothing for plain text', () => {
    // Act
    const found = [placeholders('Call about {_acme.call.topic} at {place}'), placeholders('No fields')]
    // Assess
    expect(found).toEqual([['_acme.call.topic', 'place'], []])
  })
})
