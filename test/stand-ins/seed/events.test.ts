import { generateSeed } from '../../../stand-ins/seed/generate'
import type { XdmEvent } from '../../../stand-ins/seed/types'

const NOW = new Date('2026-04-20T00:00:00Z')
const YEAR_AGO = NOW.getTime() - 365 * 86_400_000
const seed = generateSeed({ count: 5000, now: NOW })
/** Adobe's standard eventType values; `tenant` stands for the support call, a tenant record without one. */
const TYPES = new Set([
  'commerce.purchases',
  'commerce.productViews',
  'commerce.productListAdds',
  'commerce.checkouts',
  'message.tracking',
  'message.feedback',
  'web.webpagedetails.pageViews',
  'application.launch',
  'application.close',
  'tenant'
])
const CHANNELS = new Set(
  ['web', 'mobile', 'email', 'instore'].map((c) => `https://ns.adobe.com/xdm/channel-types/${c}`)
)
const typeOf = (e: XdmEvent): string => e.eventType ?? 'tenant'
const cjm = (e: XdmEvent) => e._experience?.customerJourneyManagement
const nameOf = (e: XdmEvent): string | undefined =>
  cjm(e)?.entities?.campaign?.name ?? cjm(e)?.entities?.journey?.journeyName

describe('events', () => {
  it('are 5–60 per customer, newest first, within the year before now, with unique ids', () => {
    // Plain checks collected into one assertion: hundreds of thousands of expect() calls are slow.
    const problems: string[] = []
    const allIds = new Set<string>()
    let total = 0
    for (let i = 0; i < 5000; i += 3) {
      const events = seed.events(i)
      if (events.length < 5 || events.length > 60) problems.push(`${i}: ${events.length} events`)
      let prev = Infinity
      for (const e of events) {
        const t = Date.parse(e.timestamp)
        if (e.timestamp !== new Date(t).toISOString()) problems.push(`${e._id}: timestamp ${e.timestamp}`)
        if (t > prev) problems.push(`${e._id}: not newest first`)
        if (t >= NOW.getTime() || t < YEAR_AGO) problems.push(`${e._id}: outside the year (${e.timestamp})`)
        if (!TYPES.has(typeOf(e))) problems.push(`${e._id}: eventType ${typeOf(e)}`)
        // The call-centre record carries no channel, as in Adobe's callcenter.json sample.
        if (e.eventType !== undefined && !CHANNELS.has(e.channel?._type ?? ''))
          problems.push(`${e._id}: channel ${e.channel?._type ?? '-'}`)
        prev = t
        allIds.add(e._id)
        total++
      }
    }
    expect(problems.slice(0, 10)).toEqual([])
    expect(allIds.size).toBe(total)
  })

  it('start no earlier than the customer became a customer', () => {
    const problems: string[] = []
    for (let i = 1; i < 5000; i += 5) {
      const since = Date.parse(`${seed.profile(i)._demotenant?.customerSince ?? ''}T00:00:00Z`)
      for (const e of seed.events(i)) if (Date.parse(e.timestamp) < since) problems.push(`${i}: ${e.timestamp}`)
    }
    expect(problems).toEqual([])
  })

  it('carry the customer identities and consistent commerce data', () => {
    for (let i = 1; i < 5000; i += 41) {
      const profile = seed.profile(i)
      const ecids = new Set((profile.identityMap.ECID ?? []).map((e) => e.id))
      const currency = profile._demotenant?.clv?.currency
      for (const e of seed.events(i)) {
        expect(ecids.has(e.identityMap?.ECID?.[0]?.id ?? '')).toBe(true)
        if (e.eventType === 'message.tracking' || e.eventType === 'message.feedback') {
          const m = cjm(e)
          expect(e.identityMap?.Email?.[0]?.id).toBe(profile.personalEmail?.address)
          expect(m?.emailChannelContext?.address).toBe(profile.personalEmail?.address)
          expect(nameOf(e)).toBeTruthy()
          expect(m?.messageExecution?.messageExecutionID).toMatch(/^UMA-\d{8}$/)
          expect(m?.messageProfile?.channel._id).toBe('https://ns.adobe.com/xdm/channels/email')
          expect(e.channel?._type).toBe('https://ns.adobe.com/xdm/channel-types/email')
          if (e.eventType === 'message.tracking')
            expect(['open', 'click']).toContain(m?.messageInteraction?.interactionType)
          else expect(['sent', 'bounce']).toContain(m?.messageDeliveryfeedback?.feedbackStatus)
          // Nobody who said no (or has not confirmed) gets marketing e-mail.
          expect(['y', 'u', undefined]).toContain(profile.consents?.marketing?.email?.val)
        }
        if (e.eventType?.startsWith('commerce.') && e.eventType !== 'commerce.purchases') {
          const measure = e.eventType.slice('commerce.'.length) as 'productViews' | 'productListAdds' | 'checkouts'
          expect(e.commerce?.[measure]).toEqual({ value: 1 })
          expect(e.productListItems?.length).toBeGreaterThan(0)
          for (const it of e.productListItems ?? []) expect(it.priceTotal).toBeGreaterThan(0)
        }
        if (e.eventType === 'application.launch')
          expect(e.application).toMatchObject({ name: 'Example Store', launches: { value: 1 } })
        if (e.eventType === 'application.close') {
          expect(e.application?.applicationCloses).toEqual({ value: 1 })
          expect(e.application?.sessionLength).toBeGreaterThan(0)
        }
        if (e.eventType === 'commerce.purchases') {
          expect(e.commerce?.purchases?.value).toBe(1)
          const order = e.commerce?.order
          const items = e.productListItems ?? []
          expect(items.length).toBeGreaterThan(0)
          expect(order?.priceTotal).toBeGreaterThan(0)
          expect(order?.priceTotal).toBeCloseTo(
            items.reduce((s, x) => s + x.priceTotal, 0),
            2
          )
          for (const it of items) {
            expect(it.quantity).toBeGreaterThanOrEqual(1)
            expect(it.currencyCode).toBe(order?.currencyCode)
          }
          if (currency !== undefined) expect(order?.currencyCode).toBe(currency)
          expect(order?.purchaseID).toMatch(/^ORD-\d{10}$/)
        }
        if (e.eventType === 'web.webpagedetails.pageViews' || e.eventType === 'commerce.productViews') {
          expect(e.web?.webPageDetails?.name).toBeTruthy()
          expect(e.web?.webPageDetails?.URL).toMatch(/^https:\/\//)
          expect(e.web?.webPageDetails?.pageViews).toEqual({ value: 1 })
        }
        if (e.eventType === undefined) {
          const call = e._demotenant?.interactionDetails?.core?.callCenterAgent
          expect(call?.callTopic).toBeTruthy()
          expect(call?.callID).toMatch(/^Support Contact - \d{9}$/)
          expect(call?.callDurationSeconds).toBeGreaterThanOrEqual(45)
          expect(['Resolved', 'Escalated', 'Callback scheduled']).toContain(call?.callOutcome)
          expect(['positive', 'neutral', 'negative']).toContain(call?.callFeeling)
          expect(e.identityMap?.CRMID?.[0]?.id).toBe(profile.identityMap.CRMID?.[0]?.id)
        }
      }
    }
  })

  it('cover every event type, channel and several currencies across customers', () => {
    const types = new Set<string>()
    const channels = new Set<string>()
    const currencies = new Set<string>()
    const campaigns = new Set<string>()
    const feedback = new Set<string>()
    for (let i = 1; i < 400; i++) {
      for (const e of seed.events(i)) {
        types.add(typeOf(e))
        if (e.channel) channels.add(e.channel._type)
        if (e.commerce?.order) currencies.add(e.commerce.order.currencyCode)
        const c = nameOf(e)
        if (c) campaigns.add(c)
        const f = cjm(e)?.messageDeliveryfeedback?.feedbackStatus
        if (f) feedback.add(f)
      }
    }
    expect(types).toEqual(TYPES)
    expect(channels).toEqual(CHANNELS)
    expect([...feedback].sort()).toEqual(['bounce', 'sent'])
    expect([...currencies].sort()).toEqual(['AUD', 'EUR', 'GBP', 'TWD', 'USD'])
    expect(campaigns.size).toBeGreaterThan(10)
  })

  it('use the zh-Hant site for Traditional Chinese speakers', () => {
    let checked = 0
    for (let i = 1; i < 2000 && checked < 20; i++) {
      if (!(seed.profile(i).preferredLanguage ?? '').startsWith('zh')) continue
      for (const e of seed.events(i)) {
        if (e.eventType !== 'web.webpagedetails.pageViews') continue
        expect(e.web?.webPageDetails?.URL).toMatch(/^https:\/\/www\.example\.com\/zh-hant/)
        checked++
      }
    }
    expect(checked).toBeGreaterThan(0)
  })
})
