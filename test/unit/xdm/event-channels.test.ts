import { eventChannelOf, messageChannelOf, resolveChannel } from '../../../actions/lib/xdm'

describe('eventChannelOf', () => {
  it.each([
    [{ channel: { _type: 'https://ns.adobe.com/xdm/channel-types/web' } }, 'web'],
    [{ channel: { _type: 'https://ns.adobe.com/xdm/channel-types/offline' } }, 'store'],
    [{ channel: 'https://ns.adobe.com/xdm/channels/mobile-app' }, 'mobile'],
    [{ channel: { _id: 'https://ns.adobe.com/xdm/channels/phone' } }, 'phone'],
    [{ environment: { type: 'browser' } }, 'web'],
    [
      { implementationDetails: { name: 'https://ns.adobe.com/experience/mobilesdk/ios', environment: 'app' } },
      'mobile'
    ],
    [{ _experienceplatform: { interactionDetails: { core: { channel: 'mobile' } } } }, 'mobile'],
    [{ channel: { _type: 'https://ns.adobe.com/xdm/channel-types/kiosk' } }, 'kiosk'],
    [{ channel: { _type: 'https://x/<img src=x onerror=alert(1)>' } }, null],
    [{ channel: 42, environment: ['browser'] }, null],
    [{}, null]
  ])('reads %j as %s', (event, channel) => {
    // Act / Assess
    expect(eventChannelOf(event)).toBe(channel)
  })
})

describe('messageChannelOf', () => {
  it.each([
    ['email', 'email'],
    ['sms', 'sms'],
    ['push', 'push'],
    ['inapp', 'inApp'],
    ['whatsApp', 'whatsApp']
  ])("names AJO's %s channel %s", (id, name) => {
    // Prepare
    const e = {
      _experience: {
        customerJourneyManagement: { messageProfile: { channel: { _id: `https://ns.adobe.com/xdm/channels/${id}` } } }
      }
    }
    // Act / Assess
    expect(messageChannelOf(e)).toBe(name)
  })
})

describe('resolveChannel', () => {
  it('prefers the given channel, then the event, then the kind, and shows offline support calls as phone', () => {
    // Prepare
    const offline = { channel: { _type: 'https://ns.adobe.com/xdm/channel-types/offline' } }
    // Act
    const channels = [
      resolveChannel('purchase', 'store', { environment: { type: 'browser' } }),
      resolveChannel('purchase', null, offline),
      resolveChannel('email-open', null, {}),
      resolveChannel('support-call', null, offline),
      resolveChannel('activity', null, {})
    ]
    // Assess
    expect(channels).toEqual(['store', 'store', 'email', 'phone', null])
  })
})
