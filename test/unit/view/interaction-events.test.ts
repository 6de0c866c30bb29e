import type { AepEvent } from '../../../actions/lib/aep'
import { interactionMessage } from '../../../actions/lib/interactions'
import { parseViewMapping } from '../../../actions/lib/mapping'
import { toCustomerEvent } from '../../../actions/lib/view'
import { testConfig } from '../fixtures/config'
import {
  CALL,
  DATASET_ID,
  DEMO_VIEW_MAPPING,
  demoShape,
  MINIMAL_INTERACTIONS,
  NOW,
  wrapUp
} from '../fixtures/interactions'

const RULES = DEMO_VIEW_MAPPING.events

/** The wrap-up event as Profile hands it back: the demo schema's call-centre fields. */
function stored(values: Record<string, unknown>): AepEvent {
  return {
    entityId: 'cah-0123456789abcdef0123456789abcdef',
    timestamp: NOW,
    entity: {
      _id: 'cah-0123456789abcdef0123456789abcdef',
      timestamp: '2026-12-01T12:00:00.000Z',
      eventType: 'callCenter.interaction',
      _demotenant: { interactionDetails: { core: { callCenterAgent: { callID: 'call-0001-abcd', ...values } } } }
    }
  }
}

describe('toCustomerEvent with the wrap-up labels', () => {
  it("reads the demo wrap-up through the support-call rule in the agent's languages", () => {
    // Prepare
    const raw = stored({ callTopic: 'delivery', callOutcome: 'resolved', callFeeling: 'positive' })
    // Act
    const event = toCustomerEvent(raw, RULES)
    // Assess
    expect(event).toEqual({
      id: 'cah-0123456789abcdef0123456789abcdef',
      type: 'support-call',
      xdmEventType: 'callCenter.interaction',
      source: 'mapping',
      timestamp: '2026-12-01T12:00:00.000Z',
      channel: 'phone',
      summary: 'Call about Delivery – Resolved',
      details: {
        reason: 'Delivery',
        outcome: 'Resolved',
        text: { en: 'Call about Delivery – Resolved', 'zh-Hant': '來電：配送（已解決）' }
      }
    })
  })

  it('reads back the very event the wrap-up sends, under the id the 202 gave', () => {
    // Prepare
    const { eventId, message } = interactionMessage(wrapUp({ topic: 'billing', outcome: 'escalated' }), {
      config: testConfig(),
      shape: demoShape(),
      datasetId: DATASET_ID,
      flowId: null,
      agentId: 'A1B2C3D4E5F6@AdobeID',
      now: NOW
    })
    const raw: AepEvent = { entityId: eventId, timestamp: NOW, entity: message.body.xdmEntity as AepEvent['entity'] }
    // Act
    const event = toCustomerEvent(raw, RULES)
    // Assess
    expect(event).toMatchObject({
      id: eventId,
      type: 'support-call',
      summary: 'Call about Billing – Escalated',
      details: {
        reason: 'Billing',
        outcome: 'Escalated',
        text: { en: 'Call about Billing – Escalated', 'zh-Hant': '來電：帳單（已轉交上級）' }
      }
    })
  })

  it('shows a code the lists do not know as it is stored', () => {
    // Prepare
    const raw = stored({ callTopic: 'warranty', callOutcome: 'follow-up' })
    // Act
    const event = toCustomerEvent(raw, RULES)
    // Assess
    expect(event?.summary).toBe('Call about warranty – Follow-up needed')
    expect(event?.details).toEqual({
      reason: 'warranty',
      outcome: 'Follow-up needed',
      text: { en: 'Call about warranty – Follow-up needed', 'zh-Hant': '來電：warranty（需要後續跟進）' }
    })
  })

  it.each(['toString', '__proto__', 'constructor'])(
    'shows the stored code %j as it is, not an inherited value',
    (code) => {
      // Prepare
      const raw = stored({ callTopic: code, callOutcome: 'resolved' })
      // Act
      const event = toCustomerEvent(raw, RULES)
      // Assess
      expect(event?.details.reason).toBe(code)
      expect(event?.summary).toBe(`Call about ${code} – Resolved`)
    }
  )

  it('falls back to the English label when a code has no zh-Hant one', () => {
    // Prepare
    const rules = parseViewMapping(
      JSON.stringify({
        events: [
          {
            id: 'call',
            match: { hasPath: `${CALL}.callID` },
            kind: 'support-call',
            details: { reason: `${CALL}.callTopic` },
            summary: { en: `About {${CALL}.callTopic}`, 'zh-Hant': `關於{${CALL}.callTopic}` },
            valueLabels: { [`${CALL}.callTopic`]: { delivery: 'Shipping' } }
          }
        ],
        interactions: {
          ...MINIMAL_INTERACTIONS,
          fields: { interactionId: `${CALL}.callID`, topic: `${CALL}.callTopic`, outcome: `${CALL}.callOutcome` }
        }
      })
    ).events
    // Act
    const event = toCustomerEvent(stored({ callTopic: 'delivery', callOutcome: 'resolved' }), rules)
    // Assess: the admin's own words for the topic path win over the wrap-up list.
    expect(event?.details).toEqual({ reason: 'Shipping', text: { en: 'About Shipping', 'zh-Hant': '關於Shipping' } })
  })

  it('shows the codes as stored when the rules carry no labels', () => {
    // Prepare
    const rules = RULES.map(({ valueLabels: _labels, ...rule }) => rule)
    // Act
    const event = toCustomerEvent(stored({ callTopic: 'delivery', callOutcome: 'resolved' }), rules)
    // Assess
    expect(event?.summary).toBe('Call about delivery – resolved')
    expect(event?.details).toMatchObject({ reason: 'delivery', outcome: 'resolved' })
  })
})
