import { MAX_BATCH_IDENTITIES, parseBatchRequest } from '../../../../actions/customer-profiles/request'
import { ValidationError } from '../../../../actions/lib/errors'
import type { BatchRequest } from '../../../../actions/lib/input'
import { testConfig } from '../../fixtures/config'

const config = testConfig({ AEP_MERGE_POLICY_ID: 'mp-default', PHONE_DEFAULT_COUNTRY_CODE: '44' })
const jane = { namespace: 'email', id: 'jane.doe@example.com' }

const IDENTITIES = 'must be an array of 1 to 100 { "namespace", "id" } objects'
const SECTIONS =
  'must list sections from: identities, name, contact, attributes, mappedAttributes, consents, insights, audiences, events, allAttributes'
const EVENTS_LIMIT = 'must be a whole number from 1 to 100'

function refusal(fields: Record<string, unknown>): ValidationError {
  try {
    parseBatchRequest(fields, config)
  } catch (e) {
    if (e instanceof ValidationError) return e
  }
  throw new Error('expected a ValidationError')
}

describe('parseBatchRequest', () => {
  it('reads a good body into normalised items and the options it names', () => {
    // Prepare
    const body = {
      identities: [
        { namespace: ' Email ', id: ' Jane.Doe@Example.COM ' },
        { namespace: 'phone', id: '20 7946 0958' },
        { namespace: 'crmid', id: 'CRM-000001' }
      ],
      include: ['name', 'events'],
      sandbox: 'dev',
      mergePolicyId: 'mp-1',
      eventsLimit: 25
    }
    // Act
    const request = parseBatchRequest(body, config)
    // Assess
    expect(request).toEqual<BatchRequest>({
      items: [
        {
          index: 0,
          namespace: ' Email ',
          identity: { ok: true, identity: { namespace: 'email', aepNamespace: 'Email', id: 'jane.doe@example.com' } }
        },
        {
          index: 1,
          namespace: 'phone',
          identity: { ok: true, identity: { namespace: 'phone', aepNamespace: 'Phone', id: '+442079460958' } }
        },
        {
          index: 2,
          namespace: 'crmid',
          identity: { ok: true, identity: { namespace: 'crmid', aepNamespace: 'CRMID', id: 'CRM-000001' } }
        }
      ],
      sections: new Set(['name', 'events']),
      sandbox: 'dev',
      mergePolicyId: 'mp-1',
      eventsLimit: 25
    })
  })

  it('defaults to every section but events and all attributes, the default sandbox and merge policy, and ten events', () => {
    // Act
    const request = parseBatchRequest({ identities: [jane] }, config)
    // Assess
    expect({ ...request, sections: [...request.sections] }).toEqual({
      items: [
        {
          index: 0,
          namespace: 'email',
          identity: { ok: true, identity: { namespace: 'email', aepNamespace: 'Email', id: 'jane.doe@example.com' } }
        }
      ],
      sections: [
        'identities',
        'name',
        'contact',
        'attributes',
        'mappedAttributes',
        'consents',
        'insights',
        'audiences'
      ],
      sandbox: 'prod',
      mergePolicyId: 'mp-default',
      eventsLimit: 10
    })
  })

  it(`accepts exactly ${MAX_BATCH_IDENTITIES} identities`, () => {
    // Prepare
    const identities = Array.from({ length: MAX_BATCH_IDENTITIES }, (_, i) => ({ namespace: 'crmid', id: `CRM-${i}` }))
    // Act
    const request = parseBatchRequest({ identities }, config)
    // Assess
    expect(request.items.map((item) => item.index)).toEqual(identities.map((_, i) => i))
  })

  it.each([
    ['missing identities', {}, { identities: IDENTITIES }],
    ['an empty identity list', { identities: [] }, { identities: IDENTITIES }],
    [
      'too many identities',
      { identities: Array.from({ length: MAX_BATCH_IDENTITIES + 1 }, () => jane) },
      { identities: IDENTITIES }
    ],
    ['identities that are not a list', { identities: jane }, { identities: IDENTITIES }],
    ['include as comma text', { identities: [jane], include: 'name,events' }, { include: SECTIONS }],
    ['an empty include', { identities: [jane], include: [] }, { include: SECTIONS }],
    ['an unknown section', { identities: [jane], include: ['name', 'everything'] }, { include: SECTIONS }],
    ['a section that is not text', { identities: [jane], include: ['name', 1] }, { include: SECTIONS }],
    ['eventsLimit as text', { identities: [jane], eventsLimit: '5' }, { eventsLimit: EVENTS_LIMIT }],
    ['a fractional eventsLimit', { identities: [jane], eventsLimit: 2.5 }, { eventsLimit: EVENTS_LIMIT }],
    ['an eventsLimit of 0', { identities: [jane], eventsLimit: 0 }, { eventsLimit: EVENTS_LIMIT }],
    ['an eventsLimit over 100', { identities: [jane], eventsLimit: 101 }, { eventsLimit: EVENTS_LIMIT }],
    ['a null eventsLimit', { identities: [jane], eventsLimit: null }, { eventsLimit: EVENTS_LIMIT }],
    [
      'a sandbox the deployment does not allow',
      { identities: [jane], sandbox: 'stage' },
      { sandbox: 'must be one of: prod, dev' }
    ],
    ['a sandbox that is not text', { identities: [jane], sandbox: ['dev'] }, { sandbox: 'must be text' }],
    ['a null sandbox', { identities: [jane], sandbox: null }, { sandbox: 'must be text' }],
    [
      'an empty mergePolicyId',
      { identities: [jane], mergePolicyId: '' },
      { mergePolicyId: 'must be a merge policy id' }
    ],
    [
      'a blank mergePolicyId',
      { identities: [jane], mergePolicyId: '   ' },
      { mergePolicyId: 'must be a merge policy id' }
    ],
    [
      'a malformed mergePolicyId',
      { identities: [jane], mergePolicyId: 'mp 1&x=y' },
      { mergePolicyId: 'must be a merge policy id' }
    ],
    ['a mergePolicyId that is not text', { identities: [jane], mergePolicyId: 7 }, { mergePolicyId: 'must be text' }]
  ])('refuses %s with INVALID_BODY', (_, body, fields) => {
    // Act
    const error = refusal(body)
    // Assess
    expect(error.toJSON()).toEqual({
      code: 'INVALID_BODY',
      message: `Invalid request: ${Object.entries(fields)
        .map(([f, m]) => `${f}: ${m}`)
        .join('; ')}`,
      fields
    })
  })

  it('names every bad field of a body at once', () => {
    // Act
    const error = refusal({ identities: [], include: 'all', sandbox: 'stage', mergePolicyId: '', eventsLimit: '10' })
    // Assess
    expect(error.fields).toEqual({
      identities: IDENTITIES,
      include: SECTIONS,
      sandbox: 'must be one of: prod, dev',
      mergePolicyId: 'must be a merge policy id',
      eventsLimit: EVENTS_LIMIT
    })
  })

  it("keeps a bad identity inside a good body as that item's result, not a refusal", () => {
    // Prepare
    const body = {
      identities: [
        { namespace: 'email', id: 'not-an-email' },
        'jane.doe@example.com',
        { namespace: 42, id: 'x' },
        { namespace: 'n'.repeat(80), id: 'x' },
        jane
      ]
    }
    // Act
    const request = parseBatchRequest(body, config)
    // Assess
    expect(request.items).toEqual([
      { index: 0, namespace: 'email', identity: { ok: false, field: 'id', message: 'must be an e-mail address' } },
      {
        index: 1,
        namespace: null,
        identity: {
          ok: false,
          field: 'namespace',
          message: 'is required (email, phone, ecid, crmid or another namespace code of the org)'
        }
      },
      {
        index: 2,
        namespace: null,
        identity: {
          ok: false,
          field: 'namespace',
          message: 'is required (email, phone, ecid, crmid or another namespace code of the org)'
        }
      },
      {
        index: 3,
        namespace: 'n'.repeat(64),
        identity: {
          ok: false,
          field: 'namespace',
          message: 'must be an identity namespace code such as email or phone'
        }
      },
      {
        index: 4,
        namespace: 'email',
        identity: { ok: true, identity: { namespace: 'email', aepNamespace: 'Email', id: 'jane.doe@example.com' } }
      }
    ])
  })
})
