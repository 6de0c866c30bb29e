import {
  type EventContext,
  interactionEventId,
  interactionMessage,
  SOURCE_NAME
} from '../../../actions/lib/interactions'
import type { InteractionShape } from '../../../actions/lib/mapping'
import { ORG, testConfig } from '../fixtures/config'
import { DATASET_ID, DEMO_SCHEMA_ID, demoShape, FLOW_ID, NOW, wrapUp } from '../fixtures/interactions'

const AGENT = 'A1B2C3D4E5F6@AdobeID'
const EVENT_ID = /^cah-[0-9a-f]{32}$/
const CONTENT_TYPE_V1 = 'application/vnd.adobe.xed-full+json;version=1'

function context(overrides: Partial<EventContext> = {}): EventContext {
  return {
    config: testConfig(),
    shape: demoShape(),
    datasetId: DATASET_ID,
    flowId: null,
    agentId: AGENT,
    now: NOW,
    ...overrides
  }
}

const withShape = (changes: Partial<InteractionShape>): InteractionShape => ({ ...demoShape(), ...changes })

/** The call-centre object of the demo event, where the mapped values land. */
function callValues(entity: Record<string, unknown>): unknown {
  return (entity._demotenant as { interactionDetails: { core: { callCenterAgent: unknown } } }).interactionDetails.core
    .callCenterAgent
}

describe('interactionEventId', () => {
  it('gives the same id for the same interaction', () => {
    // Act
    const first = interactionEventId(ORG, 'prod', 'call-0001-abcd')
    const again = interactionEventId(ORG, 'prod', 'call-0001-abcd')
    // Assess
    expect(first).toMatch(EVENT_ID)
    expect(again).toBe(first)
  })

  it.each([
    ['another org', ['OTHER0000000000000000000@AdobeOrg', 'prod', 'call-0001-abcd']],
    ['another sandbox', [ORG, 'dev', 'call-0001-abcd']],
    ['another interaction', [ORG, 'prod', 'call-0002-abcd']],
    ['the same characters split differently', [ORG, 'prodc', 'all-0001-abcd']]
  ] as const)('gives a different id for %s', (_case, [org, sandbox, interactionId]) => {
    // Prepare
    const base = interactionEventId(ORG, 'prod', 'call-0001-abcd')
    // Act
    const other = interactionEventId(org, sandbox, interactionId)
    // Assess
    expect(other).toMatch(EVENT_ID)
    expect(other).not.toBe(base)
  })
})

describe('interactionMessage', () => {
  it('wraps the demo wrap-up in the streaming envelope with every value at its path', () => {
    // Act
    const { eventId, message } = interactionMessage(wrapUp(), context())
    // Assess
    expect(eventId).toBe(interactionEventId(ORG, 'prod', 'call-0001-abcd'))
    expect(message).toEqual({
      header: {
        schemaRef: { id: DEMO_SCHEMA_ID, contentType: CONTENT_TYPE_V1 },
        imsOrgId: ORG,
        datasetId: DATASET_ID,
        source: { name: 'Customer Activity Hub' }
      },
      body: {
        xdmMeta: { schemaRef: { id: DEMO_SCHEMA_ID, contentType: CONTENT_TYPE_V1 } },
        xdmEntity: {
          _id: eventId,
          timestamp: '2026-12-01T12:00:00.000Z',
          eventType: 'callCenter.interaction',
          identityMap: { Email: [{ id: 'jane.doe@example.com', primary: true }] },
          _demotenant: {
            interactionDetails: {
              core: {
                callCenterAgent: {
                  callID: 'call-0001-abcd',
                  callTopic: 'delivery',
                  callOutcome: 'resolved',
                  callFeeling: 'positive',
                  callNote: 'Parcel re-sent by courier',
                  followUpDate: '2026-12-08',
                  agentID: expect.any(String)
                }
              }
            }
          }
        }
      }
    })
    expect(SOURCE_NAME).toBe('Customer Activity Hub')
  })

  it('survives JSON as it is: no undefined values, no stray keys', () => {
    // Act
    const { message } = interactionMessage(wrapUp({ sentiment: null }), context())
    // Assess
    expect(JSON.parse(JSON.stringify(message))).toStrictEqual(message)
  })

  it('names the flow in the header only when there is one', () => {
    // Act
    const without = interactionMessage(wrapUp(), context()).message
    const withFlow = interactionMessage(wrapUp(), context({ flowId: FLOW_ID })).message
    // Assess
    expect(Object.keys(without.header)).not.toContain('flowId')
    expect(withFlow.header.flowId).toBe(FLOW_ID)
  })

  it('writes the schema version into both content types', () => {
    // Act
    const { message } = interactionMessage(wrapUp(), context({ shape: withShape({ schemaVersion: 3 }) }))
    // Assess
    const schemaRef = { id: DEMO_SCHEMA_ID, contentType: 'application/vnd.adobe.xed-full+json;version=3' }
    expect(message.header.schemaRef).toEqual(schemaRef)
    expect(message.body.xdmMeta.schemaRef).toEqual(schemaRef)
  })

  it('leaves eventType out when the mapping names none', () => {
    // Act
    const { message } = interactionMessage(wrapUp(), context({ shape: withShape({ eventType: null }) }))
    // Assess
    expect(Object.keys(message.body.xdmEntity)).toEqual(['_id', 'timestamp', 'identityMap', '_demotenant'])
  })

  it.each([
    ['a phone number', { namespace: 'phone', aepNamespace: 'Phone', id: '+14155550123' }, 'Phone'],
    ['a CRM id', { namespace: 'crmid', aepNamespace: 'CRMID', id: 'CRM-77' }, 'CRMID'],
    ["the org's own namespace", { namespace: 'loyaltyid', aepNamespace: 'LoyaltyId', id: 'L-9' }, 'LoyaltyId']
  ])('keys the identity map by the AEP namespace code for %s', (_case, identity, code) => {
    // Act
    const { message } = interactionMessage(wrapUp({ identity }), context())
    // Assess
    expect(message.body.xdmEntity.identityMap).toEqual({ [code]: [{ id: identity.id, primary: true }] })
  })

  describe('agent', () => {
    const agentOf = (ctx: EventContext): unknown =>
      (callValues(interactionMessage(wrapUp(), ctx).message.body.xdmEntity) as Record<string, unknown>).agentID

    it('is hashed by default: not the IMS id, the same every time, another for another agent', () => {
      // Act
      const hashed = agentOf(context())
      const again = agentOf(context())
      const other = agentOf(context({ agentId: 'Z9Y8X7W6V5U4@AdobeID' }))
      // Assess
      expect(hashed).toMatch(/^[A-Za-z0-9_-]{32}$/)
      expect(hashed).not.toBe(AGENT)
      expect(String(hashed)).not.toContain('A1B2C3D4E5F6')
      expect(again).toBe(hashed)
      expect(other).not.toBe(hashed)
    })

    it("is hashed with the deployment's salt", () => {
      // Act
      const hashed = agentOf(context())
      const otherSalt = agentOf(context({ config: testConfig({ IDENTITY_HASH_SALT: 'another-salt-of-24-chars' }) }))
      // Assess
      expect(otherSalt).toMatch(/^[A-Za-z0-9_-]{32}$/)
      expect(otherSalt).not.toBe(hashed)
    })

    it('is the IMS id as it is when the mapping says id', () => {
      // Act
      const agent = agentOf(context({ shape: withShape({ agent: 'id' }) }))
      // Assess
      expect(agent).toBe(AGENT)
    })

    it('is left out when the mapping says none', () => {
      // Act
      const { message } = interactionMessage(wrapUp(), context({ shape: withShape({ agent: 'none' }) }))
      // Assess
      expect(callValues(message.body.xdmEntity)).toEqual({
        callID: 'call-0001-abcd',
        callTopic: 'delivery',
        callOutcome: 'resolved',
        callFeeling: 'positive',
        callNote: 'Parcel re-sent by courier',
        followUpDate: '2026-12-08'
      })
    })
  })

  it('writes no field for an optional value the agent left empty', () => {
    // Prepare
    const w = wrapUp({ sentiment: null, note: null, followUpDate: null })
    // Act
    const { message } = interactionMessage(w, context({ shape: withShape({ agent: 'none' }) }))
    // Assess
    expect(callValues(message.body.xdmEntity)).toEqual({
      callID: 'call-0001-abcd',
      callTopic: 'delivery',
      callOutcome: 'resolved'
    })
  })

  it('writes no field the mapping has no path for', () => {
    // Prepare
    const { interactionId, topic, outcome } = demoShape().fields
    const shape = withShape({ fields: { interactionId, topic, outcome } })
    // Act
    const { message } = interactionMessage(wrapUp(), context({ shape }))
    // Assess
    expect(callValues(message.body.xdmEntity)).toEqual({
      callID: 'call-0001-abcd',
      callTopic: 'delivery',
      callOutcome: 'resolved'
    })
  })

  it('places values at paths of different depths and shared parents', () => {
    // Prepare
    const shape = withShape({
      agent: 'none',
      fields: { interactionId: '_acme.id', topic: '_acme.call.topic', outcome: '_acme.call.result.code' }
    })
    // Act
    const { message } = interactionMessage(wrapUp({ sentiment: null }), context({ shape }))
    // Assess
    expect(message.body.xdmEntity._acme).toEqual({
      id: 'call-0001-abcd',
      call: { topic: 'delivery', result: { code: 'resolved' } }
    })
  })

  it.each([
    ['__proto__', '_acme.__proto__.polluted'],
    ['constructor.prototype', 'constructor.prototype.polluted'],
    ['a leading __proto__', '__proto__.polluted']
  ])('never writes through a %s segment', (_case, path) => {
    // Prepare
    const shape = withShape({ agent: 'none', fields: { ...demoShape().fields, note: path } })
    // Act
    const { message } = interactionMessage(wrapUp({ note: 'polluting?' }), context({ shape }))
    // Assess
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    expect(Object.hasOwn(Object.prototype, 'polluted')).toBe(false)
    expect(JSON.stringify(message)).not.toContain('polluting?')
    expect(callValues(message.body.xdmEntity)).toEqual({
      callID: 'call-0001-abcd',
      callTopic: 'delivery',
      callOutcome: 'resolved',
      callFeeling: 'positive',
      followUpDate: '2026-12-08'
    })
  })
})
