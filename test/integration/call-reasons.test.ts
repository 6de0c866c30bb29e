/**
 * Likely reasons for the call, through the real customer-profile action against the stand-ins:
 * Jane Doe called about a delivery delay yesterday and ordered headphones nine days ago.
 */
import { main } from '../../actions/customer-profile'
import type { CustomerView } from '../../actions/lib/view/view-types'
import { bodyOf, registerTestEnv } from './harness'

const testEnv = registerTestEnv()

describe('call reasons in the customer view', () => {
  it("gives Jane Doe's support contact about the delivery delay, her abandoned cart and her recent order, with evidence", async () => {
    // Act
    const res = await testEnv().call(main, { namespace: 'email', id: 'jane.doe@example.com' })
    // Assess
    expect(res.statusCode).toBe(200)
    const { customer } = bodyOf<CustomerView>(res)
    const { reasons } = customer.insights
    const eventIds = new Set(customer.events.map((e) => e.id))
    expect(reasons.length).toBeGreaterThanOrEqual(2)
    expect(reasons[0]).toMatchObject({
      code: 'recent-support-contact',
      purpose: 'service',
      channel: 'phone',
      params: { topic: 'Delivery delay', daysAgo: 1 }
    })
    expect(reasons.map((r) => r.code)).toEqual(expect.arrayContaining(['recent-order', 'abandoned-cart']))
    const order = reasons.find((r) => r.code === 'recent-order')
    expect(order?.params.items).toMatch(/\S/)
    expect(reasons.find((r) => r.code === 'abandoned-cart')?.params.products).toBe('Cashmere Scarf')
    for (const r of reasons.filter((r) => r.code !== 'high-churn-risk' && r.code !== 'audience-exit')) {
      expect(r.evidence.length).toBeGreaterThan(0)
      for (const e of r.evidence) {
        expect(eventIds.has(e.eventId)).toBe(true)
        expect(customer.events.find((x) => x.id === e.eventId)?.timestamp).toBe(e.timestamp)
      }
    }
  })

  it('explains every score in one line, in the order of the scores, never as a bare number', async () => {
    // Act
    const res = await testEnv().call(main, { namespace: 'email', id: 'jane.doe@example.com' })
    // Assess
    const { insights } = bodyOf<CustomerView>(res).customer
    expect(insights.explanations.map((e) => e.scoreId)).toEqual(insights.scores.map((s) => s.id))
    expect(insights.explanations.every((e) => /[a-z]{3,}/.test(e.text) && !/^\s*[\d.]+\s*$/.test(e.text))).toBe(true)
    expect(insights.explanations.find((e) => e.basis === 'customer-ai')?.params.factors).toMatch(/\S/)
  })
})
