import { genericReading, humaniseEventType } from '../../../actions/lib/xdm'

describe('genericReading', () => {
  it("picks the call-centre sample's topic and feeling, never its call id or the caller's identities", () => {
    // Prepare
    const call = {
      _acsultimatesupport: {
        identification: {
          core: { phoneNumber: '+13125550188', ecid: '60082543727227001177187726540000', email: 'a@b.co' }
        },
        interactionDetails: {
          core: {
            callCenterAgent: {
              callID: 'Support Contact - 448120573',
              callTopic: 'invoice',
              callFeeling: 'positive',
              callContractCancelled: false
            }
          }
        }
      }
    }
    // Act
    const reading = genericReading(call)
    // Assess
    expect(reading).toEqual({
      heading: 'Call Center Agent',
      facts: [
        { field: 'Call topic', value: 'invoice' },
        { field: 'Call feeling', value: 'positive' }
      ]
    })
  })

  it('skips ids, hashes, links, times, contact details and placeholders, whatever the field is called', () => {
    // Prepare
    const e = {
      _acme: {
        visit: {
          note: 'https://luma.example.com/x',
          contact: 'someone@example.com',
          line: '+44 20 7946 0000',
          when: '2026-02-02T07:36:51.000Z',
          ref: '0e86ac62-c315-48cc-ab4f-3f8b741ae667',
          digest: 'a3f5c2e1b4d6a7f8c9e0a1b2c3d4e5f6',
          sessionId: 'abc',
          orderNumber: '12345',
          topic: 'none',
          big: 12345678901,
          id: 'A-77',
          screenView: { value: 1 },
          userName: 'ana.r',
          outcome: 'resolved'
        },
        identity: { name: 'Ana Reyes' }
      }
    }
    // Act
    const reading = genericReading(e)
    // Assess
    expect(reading.facts).toEqual([{ field: 'Outcome', value: 'resolved' }])
  })

  it('prefers telling names, keeps document order, and stops at three', () => {
    // Prepare
    const e = {
      _acme: {
        support: {
          agentDesk: 'North',
          durationSeconds: 420,
          reason: 'Late delivery',
          status: 'closed',
          topic: 'Delivery'
        }
      }
    }
    // Act
    const reading = genericReading(e)
    // Assess
    expect(reading).toEqual({
      heading: 'Support',
      facts: [
        { field: 'Reason', value: 'Late delivery' },
        { field: 'Status', value: 'closed' },
        { field: 'Topic', value: 'Delivery' }
      ]
    })
  })

  it("reads only tenant objects, not Adobe's _experience or standard field groups", () => {
    // Act
    const reading = genericReading({ _experience: { campaign: { name: 'x' } }, web: { webPageDetails: { name: 'y' } } })
    // Assess
    expect(reading).toEqual({ heading: undefined, facts: [] })
  })

  it('stays bounded on deep, wide and hostile tenant objects', () => {
    // Prepare
    const deep = Array.from({ length: 10_000 }).reduce<unknown>((inner) => ({ d: inner }), { topic: 'too deep' })
    const wide = Object.fromEntries(Array.from({ length: 50_000 }, (_, i) => [`k${i}`, `v${i}`]))
    const e = { _acme: { deep, wide, name: `<b>${'x'.repeat(100)}</b>`, label: 'a\u0000b' } }
    // Act
    const started = Date.now()
    const reading = genericReading(e)
    // Assess
    expect(Date.now() - started).toBeLessThan(500)
    expect(reading.facts.length).toBeLessThanOrEqual(3)
    expect(reading.facts.map((f) => f.value)).not.toContain('too deep')
    expect(reading.facts.every((f) => f.value.length <= 60 && !f.value.includes('\u0000'))).toBe(true)
  })
})

describe('humaniseEventType', () => {
  it.each([
    ['loyalty.pointsRedeemed', 'Loyalty · Points Redeemed'],
    ['support.callCompleted', 'Support · Call Completed'],
    ['application.interaction', 'Application · Interaction'],
    ['web.login', 'Web · Login'],
    ['ORDER_status-update', 'ORDER Status Update']
  ])('reads %s as %s', (eventType, words) => {
    // Act / Assess
    expect(humaniseEventType(eventType)).toBe(words)
  })

  it('never answers unknown or an empty string', () => {
    // Act
    const words = ['unknown', 'Other', '...', '', '  '].map((t) => humaniseEventType(t))
    // Assess
    expect(words).toEqual([undefined, undefined, undefined, undefined, undefined])
  })
})
