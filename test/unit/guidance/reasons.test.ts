/** The reasons engine: ranking and the cap, consent, and the admin's adjustments in the mapping. */
import { callReasons, guide, MAX_REASONS } from '../../../actions/lib/guidance'
import { DEFAULT_REASONS, EMPTY_MAPPING, parseViewMapping } from '../../../actions/lib/mapping'
import { customer, ev, HIGH_CHURN, LOYAL_EXIT, NOW } from '../fixtures/guidance'

/** Something for every shipped rule: all six fire. */
const EVERYTHING = customer({
  events: [
    ev('open', 'email-open', 1, { campaign: 'Black Friday' }, 'email'),
    ev('add', 'cart-add', 3, { products: ['Scarf'] }, 'web'),
    ev('call', 'support-call', 30, { reason: 'Delivery delay' }, 'phone'),
    ev('order', 'purchase', 5 * 24, { products: ['Headphones'] }, 'web')
  ],
  scores: [HIGH_CHURN],
  audiences: [LOYAL_EXIT(48)]
})

const codes = (c: ReturnType<typeof customer>, mapping = EMPTY_MAPPING): string[] =>
  callReasons(c, mapping.reasons, NOW).map((r) => r.code)

describe('callReasons', () => {
  it('ranks by the rule priority, then the most recent, and keeps five', () => {
    // Act
    const ranked = codes(EVERYTHING)
    // Assess: at equal priority the cart add (3 h ago) outranks the order (5 days), and the churn
    // score (scored 36 h ago) the audience exit (48 h); the offer, last in priority, is cut.
    expect(ranked).toEqual([
      'recent-support-contact',
      'abandoned-cart',
      'recent-order',
      'high-churn-risk',
      'audience-exit'
    ])
    expect(ranked).toHaveLength(MAX_REASONS)
  })

  it('never gives an offer on a channel whose marketing consent is denied', () => {
    // Prepare
    const emailDenied = customer({
      events: [ev('open', 'email-open', 1, { campaign: 'Black Friday' }, 'email')],
      marketing: { preferred: 'email', email: { status: 'denied', raw: 'n' } }
    })
    const allDenied = customer({
      events: [ev('open', 'email-open', 1, { campaign: 'Black Friday' }, 'email')],
      marketing: { preferred: null, email: { status: 'granted', raw: 'y' }, any: { status: 'denied', raw: 'n' } }
    })
    const granted = customer({ events: [ev('open', 'email-open', 1, { campaign: 'Black Friday' }, 'email')] })
    // Act
    const results = [codes(emailDenied), codes(allDenied), codes(granted)]
    // Assess
    expect(results).toEqual([[], [], ['email-opened-today']])
  })

  it('keeps service hints whatever the consents say', () => {
    // Prepare
    const c = customer({
      events: [ev('call', 'support-call', 2, {}, 'phone')],
      marketing: { preferred: null, any: { status: 'denied', raw: 'n' }, call: { status: 'denied', raw: 'n' } }
    })
    // Act
    const reasons = callReasons(c, DEFAULT_REASONS, NOW)
    // Assess
    expect(reasons.map((r) => [r.code, r.purpose, r.text])).toEqual([
      ['recent-support-contact', 'service', 'Contacted support today: following up?']
    ])
  })

  it('leaves out the rules the mapping disables', () => {
    // Prepare
    const mapping = parseViewMapping('{"reasons":{"disabled":["recent-support-contact","abandoned-cart"]}}')
    // Act
    const ranked = codes(EVERYTHING, mapping)
    // Assess: with two rules off, the offer is no longer cut by the cap.
    expect(ranked).toEqual(['recent-order', 'high-churn-risk', 'audience-exit', 'email-opened-today'])
  })

  it('looks back as far as the mapping windows say', () => {
    // Prepare
    const c = customer({
      events: [ev('order', 'purchase', 20 * 24), ev('add', 'cart-add', 60)],
      audiences: [{ ...LOYAL_EXIT(24), name: 'VIP club' }]
    })
    const mapping = parseViewMapping(
      '{"reasons":{"windows":{"recent-order":{"days":30},"abandoned-cart":{"hours":72}},"audiencePattern":"loyal|vip"}}'
    )
    // Act
    const before = codes(c)
    const after = codes(c, mapping)
    // Assess
    expect(before).toEqual([])
    expect(after).toEqual(['abandoned-cart', 'recent-order', 'audience-exit'])
  })
})

describe('guide', () => {
  it('gives the reasons and one explanation per score', () => {
    // Act
    const g = guide(EVERYTHING, EMPTY_MAPPING, NOW)
    // Assess
    expect(g.reasons).toHaveLength(5)
    expect(g.explanations.map((e) => e.scoreId)).toEqual([HIGH_CHURN.id])
  })
})
