import { MappingError, parseViewMapping } from '../../../actions/lib/mapping'
import {
  CALL,
  DEMO_SCHEMA_ID,
  DEMO_VIEW_MAPPING_JSON,
  MINIMAL_INTERACTIONS,
  mappingWith
} from '../fixtures/interactions'

/** The MappingError's fields (JSON path → problem), or {} when the setting parses. */
function problems(json: string): Record<string, string> {
  try {
    parseViewMapping(json)
    return {}
  } catch (e) {
    if (e instanceof MappingError) return e.fields
    throw e
  }
}

const DEFAULT_OUTCOMES = [
  { code: 'resolved', label: { en: 'Resolved', 'zh-Hant': '已解決' } },
  { code: 'follow-up', label: { en: 'Follow-up needed', 'zh-Hant': '需要後續跟進' } },
  { code: 'escalated', label: { en: 'Escalated', 'zh-Hant': '已轉交上級' } },
  { code: 'transferred', label: { en: 'Transferred', 'zh-Hant': '已轉接' } },
  { code: 'unresolved', label: { en: 'Not resolved', 'zh-Hant': '未解決' } }
]
const DEFAULT_SENTIMENTS = [
  { code: 'positive', label: { en: 'Positive', 'zh-Hant': '正面' } },
  { code: 'neutral', label: { en: 'Neutral', 'zh-Hant': '中立' } },
  { code: 'negative', label: { en: 'Negative', 'zh-Hant': '負面' } }
]
const CLASS_FIELD = 'must not be a field the event class defines (_id, timestamp, …)'
const CHOICES = 'must be a list of 1 to 50 {"code": …, "label": …} entries'
const NOTE_MAX = 'must be a whole number from 1 to 2000'

/** MINIMAL_INTERACTIONS with `changes` over it, as a whole CUSTOMER_VIEW_MAPPING. */
const minimal = (changes: Record<string, unknown> = {}): string => mappingWith({ ...MINIMAL_INTERACTIONS, ...changes })
const minimalFields = (fields: Record<string, unknown>): string =>
  minimal({ fields: { ...MINIMAL_INTERACTIONS.fields, ...fields } })

describe('CUSTOMER_VIEW_MAPPING.interactions', () => {
  it("parses the demo seed's interactions", () => {
    // Act
    const { interactions } = parseViewMapping(DEMO_VIEW_MAPPING_JSON)
    // Assess
    expect(interactions).toEqual({
      schemaId: DEMO_SCHEMA_ID,
      schemaVersion: 1,
      eventType: 'callCenter.interaction',
      agent: 'hashed',
      fields: {
        interactionId: `${CALL}.callID`,
        topic: `${CALL}.callTopic`,
        outcome: `${CALL}.callOutcome`,
        sentiment: `${CALL}.callFeeling`,
        note: `${CALL}.callNote`,
        followUpDate: `${CALL}.followUpDate`,
        agent: `${CALL}.agentID`
      },
      topics: [
        { code: 'delivery', label: { en: 'Delivery', 'zh-Hant': '配送' } },
        { code: 'billing', label: { en: 'Billing', 'zh-Hant': '帳單' } },
        { code: 'returns', label: { en: 'Returns and refunds', 'zh-Hant': '退貨與退款' } },
        { code: 'product', label: { en: 'Product question', 'zh-Hant': '產品諮詢' } },
        { code: 'account', label: { en: 'Account and sign-in', 'zh-Hant': '帳戶與登入' } },
        { code: 'loyalty', label: { en: 'Loyalty programme', 'zh-Hant': '會員計劃' } },
        { code: 'complaint', label: { en: 'Complaint', 'zh-Hant': '投訴' } },
        { code: 'other', label: { en: 'Other', 'zh-Hant': '其他' } }
      ],
      outcomes: DEFAULT_OUTCOMES,
      sentiments: DEFAULT_SENTIMENTS,
      noteMaxLength: 500
    })
  })

  it('fills the defaults around the three required paths and one topic', () => {
    // Act
    const { interactions } = parseViewMapping(minimal())
    // Assess
    expect(interactions).toEqual({
      schemaId: 'https://ns.adobe.com/acme/schemas/calls',
      schemaVersion: 1,
      eventType: null,
      agent: 'hashed',
      fields: { interactionId: '_acme.call.id', topic: '_acme.call.topic', outcome: '_acme.call.outcome' },
      topics: [{ code: 'billing', label: { en: 'Billing', 'zh-Hant': '帳單' } }],
      outcomes: DEFAULT_OUTCOMES,
      sentiments: DEFAULT_SENTIMENTS,
      noteMaxLength: 500
    })
  })

  it('takes the admin’s own outcomes and sentiments, labels given as text or left to the code', () => {
    // Prepare
    const json = minimal({
      schemaVersion: 7,
      agent: 'none',
      noteMaxLength: 2000,
      outcomes: [{ code: 'done', label: 'Done' }, { code: 'callback' }],
      sentiments: [{ code: 'calm', label: { en: 'Calm' } }]
    })
    // Act
    const { interactions } = parseViewMapping(json)
    // Assess
    expect(interactions).toMatchObject({
      schemaVersion: 7,
      agent: 'none',
      noteMaxLength: 2000,
      outcomes: [
        { code: 'done', label: { en: 'Done' } },
        { code: 'callback', label: { en: 'callback' } }
      ],
      sentiments: [{ code: 'calm', label: { en: 'Calm' } }]
    })
  })

  it.each([
    ['absent', JSON.stringify({})],
    ['null', mappingWith(null)]
  ])('is null when %s: the deployment records no interactions', (_case, json) => {
    // Act
    const mapping = parseViewMapping(json)
    // Assess
    expect(mapping.interactions).toBeNull()
  })

  it.each([
    ['noteMaxLength 1', { noteMaxLength: 1 }],
    ['schemaVersion 1000', { schemaVersion: 1000 }],
    ['agent id', { agent: 'id' }],
    ['a tenant eventType', { eventType: '_acme.callCenter.wrapUp' }]
  ])('accepts %s', (_case, changes) => {
    // Act
    const { interactions } = parseViewMapping(minimal(changes))
    // Assess
    expect(interactions).toMatchObject(changes)
  })

  it.each<[string, string, Record<string, string>]>([
    [
      'a schemaId that is not a schema $id',
      minimal({ schemaId: 'http://ns.adobe.com/acme/schemas/calls' }),
      { 'interactions.schemaId': 'must be the schema $id, https://ns.adobe.com/<tenant>/schemas/<id>' }
    ],
    [
      'no topic path',
      mappingWith({ ...MINIMAL_INTERACTIONS, fields: { interactionId: '_acme.id', outcome: '_acme.outcome' } }),
      { 'interactions.fields.topic': 'is required' }
    ],
    [
      'a note at the same path as the topic',
      minimalFields({ note: '_acme.call.topic' }),
      { 'interactions.fields.note': 'is the same path as topic' }
    ],
    ['a field at _id', minimalFields({ sentiment: '_id' }), { 'interactions.fields.sentiment': CLASS_FIELD }],
    ['a field at timestamp', minimalFields({ note: 'timestamp' }), { 'interactions.fields.note': CLASS_FIELD }],
    [
      'a field inside identityMap',
      minimalFields({ agent: 'identityMap.Agent' }),
      { 'interactions.fields.agent': CLASS_FIELD }
    ],
    [
      'a path that is not a dot path',
      minimalFields({ topic: 'call topic' }),
      { 'interactions.fields.topic': 'must be a dot path such as _tenant.loyalty.tier' }
    ],
    [
      'a repeated topic code',
      minimal({ topics: [{ code: 'billing' }, { code: 'billing', label: 'Again' }] }),
      { 'interactions.topics[1].code': 'repeats the code "billing"' }
    ],
    ['an empty topics list', minimal({ topics: [] }), { 'interactions.topics': CHOICES }],
    [
      'no topics',
      mappingWith({ schemaId: MINIMAL_INTERACTIONS.schemaId, fields: MINIMAL_INTERACTIONS.fields }),
      { 'interactions.topics': CHOICES }
    ],
    ['an empty outcomes list', minimal({ outcomes: [] }), { 'interactions.outcomes': CHOICES }],
    [
      'a code with a space',
      minimal({ topics: [{ code: 'late parcel' }] }),
      { 'interactions.topics[0].code': 'must be a code of letters, digits, . _ - (at most 64)' }
    ],
    [
      'a label in an unsupported language',
      minimal({ topics: [{ code: 'billing', label: { en: 'Billing', fr: 'Facturation' } }] }),
      { 'interactions.topics[0].label.fr': 'is not a supported language (en, zh-Hant)' }
    ],
    ['an unknown key', minimal({ colour: 'blue' }), { 'interactions.colour': 'is not a known key' }],
    [
      'an unknown field',
      minimalFields({ duration: '_acme.call.seconds' }),
      { 'interactions.fields.duration': 'is not a known key' }
    ],
    [
      'an unknown key in a choice',
      minimal({ topics: [{ code: 'billing', icon: 'card' }] }),
      { 'interactions.topics[0].icon': 'is not a known key' }
    ],
    ['noteMaxLength 0', minimal({ noteMaxLength: 0 }), { 'interactions.noteMaxLength': NOTE_MAX }],
    ['noteMaxLength 2001', minimal({ noteMaxLength: 2001 }), { 'interactions.noteMaxLength': NOTE_MAX }],
    ['noteMaxLength as text', minimal({ noteMaxLength: '500' }), { 'interactions.noteMaxLength': NOTE_MAX }],
    [
      'schemaVersion 0',
      minimal({ schemaVersion: 0 }),
      { 'interactions.schemaVersion': 'must be a whole number from 1 to 1000' }
    ],
    ['an unknown agent mode', minimal({ agent: 'anonymous' }), { 'interactions.agent': 'must be hashed, id or none' }],
    [
      'an eventType with a space',
      minimal({ eventType: 'call centre' }),
      { 'interactions.eventType': 'must be an XDM eventType such as _acme.callCenter.wrapUp' }
    ],
    [
      'a list instead of an object',
      mappingWith([MINIMAL_INTERACTIONS]),
      { interactions: 'must be {"schemaId": …, "fields": {…}, "topics": […]}' }
    ]
  ])('reports %s at its path', (_case, json, expected) => {
    // Act
    const found = problems(json)
    // Assess
    expect(found).toEqual(expected)
  })

  it.each([
    ['a path inside another field’s', { note: '_acme.call.topic.note' }, 'interactions.fields.note', 'topic'],
    ['a path holding another field’s', { note: '_acme.call' }, 'interactions.fields.note', 'interactionId']
  ])('refuses %s, which would overwrite a value', (_case, extra, at, other) => {
    // Prepare
    const json = mappingWith({ ...MINIMAL_INTERACTIONS, fields: { ...MINIMAL_INTERACTIONS.fields, ...extra } })
    // Act
    const found = problems(json)
    // Assess
    expect(found).toEqual({ [at]: `overlaps the path of ${other} (one would hold the other)` })
  })

  it('refuses a path through __proto__, constructor or prototype', () => {
    // Prepare
    const json = mappingWith({
      ...MINIMAL_INTERACTIONS,
      fields: { ...MINIMAL_INTERACTIONS.fields, note: '_acme.__proto__.note', agent: '_acme.constructor' }
    })
    // Act
    const found = problems(json)
    // Assess
    expect(found).toEqual({
      'interactions.fields.note': 'must not use __proto__, constructor or prototype',
      'interactions.fields.agent': 'must not use __proto__, constructor or prototype'
    })
  })

  it('reports every problem of one setting at once', () => {
    // Prepare
    const json = mappingWith({
      schemaId: 'calls',
      fields: { interactionId: '_acme.id', outcome: '_acme.id', note: '_id' },
      topics: [{ code: 'a' }, { code: 'a' }],
      noteMaxLength: 5000,
      extra: true
    })
    // Act
    const found = problems(json)
    // Assess
    expect(found).toEqual({
      'interactions.extra': 'is not a known key',
      'interactions.schemaId': 'must be the schema $id, https://ns.adobe.com/<tenant>/schemas/<id>',
      'interactions.noteMaxLength': NOTE_MAX,
      'interactions.fields.topic': 'is required',
      'interactions.fields.outcome': 'is the same path as interactionId',
      'interactions.fields.note': CLASS_FIELD,
      'interactions.topics[1].code': 'repeats the code "a"'
    })
  })
})

describe('event rules and the wrap-up labels', () => {
  const rule = (extra: Record<string, unknown> = {}) => ({
    id: 'call',
    match: { hasPath: '_acme.call.id' },
    kind: 'support-call',
    details: { reason: '_acme.call.topic' },
    ...extra
  })

  it("reads the admin's valueLabels, a text label as English", () => {
    // Prepare
    const json = JSON.stringify({
      events: [
        rule({ valueLabels: { '_acme.call.topic': { tv: 'Television', pc: { en: 'Computer', 'zh-Hant': '電腦' } } } })
      ]
    })
    // Act
    const { events } = parseViewMapping(json)
    // Assess
    expect(events[0]?.valueLabels).toEqual({
      '_acme.call.topic': { tv: { en: 'Television' }, pc: { en: 'Computer', 'zh-Hant': '電腦' } }
    })
  })

  it.each<[string, unknown, Record<string, string>]>([
    ['a list', [], { 'events[0].valueLabels': 'must be an object of at most 20 dot path → {code: label} entries' }],
    [
      'more than 20 paths',
      Object.fromEntries(Array.from({ length: 21 }, (_, i) => [`_acme.p${i}`, { a: 'A' }])),
      { 'events[0].valueLabels': 'must be an object of at most 20 dot path → {code: label} entries' }
    ],
    [
      'a key that is not a dot path',
      { 'call topic': { a: 'A' } },
      { 'events[0].valueLabels.call topic': 'must be a dot path such as _tenant.loyalty.tier' }
    ],
    [
      'codes that are not an object',
      { '_acme.call.topic': 'Billing' },
      { 'events[0].valueLabels._acme.call.topic': 'must be an object of at most 100 code → label entries' }
    ],
    [
      'a label that is not text',
      { '_acme.call.topic': { tv: 5 } },
      {
        'events[0].valueLabels._acme.call.topic.tv': 'must be a text of 1 to 80 characters, or {"en": …, "zh-Hant": …}'
      }
    ]
  ])('reports valueLabels given as %s at its path', (_case, valueLabels, expected) => {
    // Act
    const found = problems(JSON.stringify({ events: [rule({ valueLabels })] }))
    // Assess
    expect(found).toEqual(expected)
  })

  it("gives the demo's support-call rule the words for its topic, outcome and sentiment codes", () => {
    // Act
    const { events } = parseViewMapping(DEMO_VIEW_MAPPING_JSON)
    // Assess
    const labels = events.find((e) => e.id === 'support-call')?.valueLabels
    expect(Object.keys(labels ?? {})).toEqual([`${CALL}.callTopic`, `${CALL}.callOutcome`, `${CALL}.callFeeling`])
    expect(labels?.[`${CALL}.callTopic`]?.delivery).toEqual({ en: 'Delivery', 'zh-Hant': '配送' })
    expect(labels?.[`${CALL}.callOutcome`]).toEqual(Object.fromEntries(DEFAULT_OUTCOMES.map((o) => [o.code, o.label])))
    expect(labels?.[`${CALL}.callFeeling`]?.negative).toEqual({ en: 'Negative', 'zh-Hant': '負面' })
  })

  it("keeps the admin's own words for a path and adds the wrap-up's for the others", () => {
    // Prepare
    const json = mappingWith(MINIMAL_INTERACTIONS, {
      events: [rule({ valueLabels: { '_acme.call.topic': { billing: 'Invoices' }, '_acme.other': { x: 'X' } } })]
    })
    // Act
    const { events } = parseViewMapping(json)
    // Assess
    expect(events[0]?.valueLabels).toEqual({
      '_acme.call.topic': { billing: { en: 'Invoices' } },
      '_acme.other': { x: { en: 'X' } },
      '_acme.call.outcome': Object.fromEntries(DEFAULT_OUTCOMES.map((o) => [o.code, o.label]))
    })
  })

  it('adds no words to the rules when there are no interactions', () => {
    // Act
    const { events } = parseViewMapping(JSON.stringify({ events: [rule()] }))
    // Assess
    expect(events[0]?.valueLabels).toBeUndefined()
  })
})
