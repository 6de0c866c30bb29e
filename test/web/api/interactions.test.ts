import { createActionClient } from '../../../web-src/src/api/action-client'
import { ApiError } from '../../../web-src/src/api/api-error'
import { isInteractionAnswer } from '../../../web-src/src/api/guards'
import { INTERACTIONS_DISABLED, interactionSettings } from '../../../web-src/src/api/interaction-settings'
import type { InteractionBody, Metadata } from '../../../web-src/src/api/types'
import { fakeFetch, type Handler, TEST_URLS } from '../support/fake-fetch'
import { errorBody, INTERACTIONS, interactionAccepted, METADATA } from '../support/fixtures'

const CREDS = { token: 'agent-token', org: 'ORG1@AdobeOrg' }
const ID = '3b1f6a52-8c1e-4d0b-9a57-0f3c2b8e7d41'

const BODY: InteractionBody = {
  namespace: 'email',
  id: 'jane.doe@example.com',
  sandbox: 'prod',
  topic: 'delivery',
  outcome: 'resolved',
  note: 'Parcel re-sent',
  interactionId: ID
}

function client(handler: Handler) {
  const fetch = fakeFetch({ 'customer-interactions': handler })
  return { c: createActionClient({ fetch: fetch.fn, urls: TEST_URLS, credentials: () => CREDS }), fetch }
}

async function rejection(p: Promise<unknown>): Promise<ApiError> {
  try {
    await p
  } catch (err) {
    if (err instanceof ApiError) return err
    throw err
  }
  throw new Error('expected a rejection')
}

describe('recordInteraction', () => {
  it('POSTs the wrap-up as JSON with the agent’s token and org, and resolves with the 202', async () => {
    // Prepare
    const accepted = interactionAccepted(ID)
    const { c, fetch } = client(() => ({ status: 202, body: accepted }))

    // Act
    const answer = await c.recordInteraction(BODY)

    // Assess
    expect(answer).toEqual(accepted)
    const [call] = fetch.calls
    expect(call?.url.toString()).toBe('https://actions.test/api/v1/web/customer-activity-hub/customer-interactions')
    expect(call?.init.method).toBe('POST')
    expect(call?.headers).toEqual({
      authorization: 'Bearer agent-token',
      'x-gw-ims-org-id': 'ORG1@AdobeOrg',
      accept: 'application/json',
      'content-type': 'application/json'
    })
    expect(JSON.parse(String(call?.init.body))).toEqual(BODY)
  })

  it('leaves optional fields the agent did not fill out of the body', async () => {
    // Prepare
    const { c, fetch } = client(() => ({ status: 202, body: interactionAccepted(ID) }))

    // Act
    await c.recordInteraction({ namespace: 'phone', id: '+14155550123', topic: 'billing', outcome: 'escalated' })

    // Assess
    expect(String(fetch.calls[0]?.init.body)).toBe(
      '{"namespace":"phone","id":"+14155550123","topic":"billing","outcome":"escalated"}'
    )
  })

  it('reads a missing noteRedacted or cacheInvalidated as false', async () => {
    // Prepare
    const { noteRedacted: _n, cacheInvalidated: _c, ...older } = interactionAccepted(ID)
    const { c } = client(() => ({ status: 202, body: older }))

    // Act
    const answer = await c.recordInteraction(BODY)

    // Assess
    expect(answer).toEqual({ ...older, noteRedacted: false, cacheInvalidated: false })
  })

  it('reports a 2xx that is not `accepted: true` as BAD_RESPONSE, never as saved', async () => {
    // Prepare
    const { c } = client(() => ({ status: 200, body: { ...interactionAccepted(ID), accepted: 'yes' } }))

    // Act
    const err = await rejection(c.recordInteraction(BODY))

    // Assess
    expect(err).toMatchObject({ code: 'BAD_RESPONSE', status: 200 })
  })

  it('carries the field messages of a 400', async () => {
    // Prepare
    const fields = { topic: 'must be one of delivery, billing', followUpDate: 'must be today or later' }
    const { c } = client(() => ({ status: 400, body: errorBody('INVALID_PARAMETER', 'bad body', { fields }) }))

    // Act
    const err = await rejection(c.recordInteraction(BODY))

    // Assess
    expect(err).toMatchObject({ code: 'INVALID_PARAMETER', status: 400, details: { fields, requestId: 'req-err-1' } })
  })
})

describe('isInteractionAnswer', () => {
  it.each([
    ['the contract’s answer', interactionAccepted(ID), true],
    ['accepted false', { ...interactionAccepted(ID), accepted: false }, false],
    ['no event id', { ...interactionAccepted(ID), eventId: '' }, false],
    ['no timestamp', { ...interactionAccepted(ID), timestamp: undefined }, false],
    ['noteRedacted not a boolean', { ...interactionAccepted(ID), noteRedacted: 'no' }, false],
    [
      'with its timeline entry',
      {
        ...interactionAccepted(ID),
        event: { id: 'e1', type: 'support-call', timestamp: 'now', summary: 'Call', channel: 'phone', details: {} }
      },
      true
    ],
    ['with no timeline entry (null)', { ...interactionAccepted(ID), event: null }, true],
    ['with a timeline entry lacking its line', { ...interactionAccepted(ID), event: { id: 'e1', type: 'x' } }, false],
    ['an ErrorBody', errorBody('UPSTREAM_UNAVAILABLE'), false],
    ['HTML', '<html>', false]
  ])('%s → %s', (_name, value, expected) => {
    expect(isInteractionAnswer(value)).toBe(expected)
  })
})

describe('interactionSettings', () => {
  const withInteractions = (interactions: unknown): Metadata => ({ ...METADATA, interactions }) as Metadata

  it('is disabled for an older deployment whose metadata has no interactions', () => {
    expect(interactionSettings(METADATA)).toEqual(INTERACTIONS_DISABLED)
    expect(interactionSettings(null)).toEqual(INTERACTIONS_DISABLED)
  })

  it('passes the deployment’s settings on', () => {
    expect(interactionSettings(withInteractions(INTERACTIONS))).toEqual(INTERACTIONS)
  })

  it('is disabled when the deployment says so, or offers no topic or no outcome', () => {
    expect(interactionSettings(withInteractions({ ...INTERACTIONS, enabled: false })).enabled).toBe(false)
    expect(interactionSettings(withInteractions({ ...INTERACTIONS, topics: [] })).enabled).toBe(false)
    expect(interactionSettings(withInteractions({ ...INTERACTIONS, outcomes: 'resolved' })).enabled).toBe(false)
  })

  it('drops malformed and repeated choices, labels a choice without a label by its code, and bounds the note', () => {
    // Prepare
    const odd = {
      ...INTERACTIONS,
      topics: [{ code: 'delivery', label: { en: 'Delivery' } }, { code: 'delivery' }, { label: { en: 'No code' } }, 7],
      sentiments: [{ code: 'calm', label: { 'zh-Hant': '平靜' } }],
      noteMaxLength: 50_000
    }

    // Act
    const settings = interactionSettings(withInteractions(odd))

    // Assess
    expect(settings).toEqual({
      ...INTERACTIONS,
      topics: [{ code: 'delivery', label: { en: 'Delivery' } }],
      sentiments: [{ code: 'calm', label: { en: 'calm' } }],
      noteMaxLength: 500
    })
  })
  it('shows only the optional fields the deployment records', () => {
    // Prepare
    const { fields: _fields, ...withoutList } = INTERACTIONS

    // Act
    const settings = [
      interactionSettings(withInteractions(withoutList)),
      interactionSettings(withInteractions({ ...withoutList, sentiments: [] })),
      interactionSettings(withInteractions({ ...INTERACTIONS, fields: ['followUpDate'] })),
      interactionSettings(withInteractions({ ...INTERACTIONS, noteMaxLength: 0 }))
    ]

    // Assess
    expect(settings.map((s) => [s.fields, s.noteMaxLength])).toEqual([
      [['sentiment', 'note', 'followUpDate'], 40],
      [['note', 'followUpDate'], 40],
      [['followUpDate'], 40],
      [['sentiment', 'followUpDate'], 0]
    ])
  })
})
