import type { CustomerView } from '../../../actions/lib/view/view-types'
import { isCustomerView } from '../../../web-src/src/api/guards'
import { withViewDefaults } from '../../../web-src/src/api/view-defaults'
import { janeDoe } from '../support/fixtures'

/** Jane as an action cached her before the view had mapped attributes, consents, scores and all attributes. */
function olderJane(): unknown {
  const view = JSON.parse(JSON.stringify(janeDoe())) as Record<string, Record<string, unknown>>
  const customer = view.customer as Record<string, unknown>
  delete customer.mappedAttributes
  delete customer.consents
  delete customer.allAttributes
  const insights = customer.insights as Record<string, unknown>
  delete insights.scores
  delete insights.computed
  delete insights.reasons
  delete insights.explanations
  return view
}

describe('older and odd customer views', () => {
  it('accepts a view cached before the new parts, and fills them in as empty', () => {
    // Prepare
    const older = olderJane()

    // Act
    const ok = isCustomerView(older)
    const view = withViewDefaults(older as CustomerView)

    // Assess
    expect(ok).toBe(true)
    expect(view.customer.mappedAttributes).toEqual([])
    expect(view.customer.allAttributes).toEqual([])
    expect(view.customer.consents).toEqual({
      collect: null,
      share: null,
      personalize: null,
      marketing: { preferred: null }
    })
    expect(view.customer.insights.scores).toEqual([])
    expect(view.customer.insights.computed).toEqual([])
    expect(view.customer.insights.reasons).toEqual([])
    expect(view.customer.insights.explanations).toEqual([])
    expect(view.customer.insights.churnPropensity).toEqual({ score: 0.72, band: 'high' })
  })

  it('refuses a view whose new parts have the wrong shape', () => {
    // Prepare
    const broken = janeDoe() as unknown as { customer: Record<string, unknown> }
    broken.customer.allAttributes = 'everything'

    // Act + Assess
    expect(isCustomerView(broken)).toBe(false)
  })

  it('drops entries too malformed to render and keeps the rest', () => {
    // Prepare
    const view = janeDoe()
    const raw = view.customer as unknown as Record<string, unknown>
    raw.allAttributes = [{ path: 'a', value: 'b' }, { path: 'c' }, null]
    raw.mappedAttributes = [{ id: 'x', label: { en: 'X' }, format: 'text', value: 'y' }, { id: 'no-label' }]
    raw.consents = { marketing: { preferred: 7, email: { status: 'denied', raw: 'n' }, sms: 'y' } }

    // Act
    const fixed = withViewDefaults(view)

    // Assess
    expect(fixed.customer.allAttributes).toEqual([{ path: 'a', value: 'b' }])
    expect(fixed.customer.mappedAttributes.map((a) => a.id)).toEqual(['x'])
    expect(fixed.customer.consents).toEqual({
      collect: null,
      share: null,
      personalize: null,
      marketing: { preferred: null, email: { status: 'denied', raw: 'n' } }
    })
  })

  it('keeps well-formed call reasons and explanations and drops malformed ones', () => {
    // Prepare
    const view = janeDoe()
    const [support] = view.customer.insights.reasons
    const odd = view.customer.insights as unknown as Record<string, unknown[]>
    odd.reasons = [support, { code: 'x', text: 'no params or evidence' }, null]
    odd.explanations = [{ scoreId: 'a', code: 'low-risk', text: 'ok', params: { n: 1 }, basis: 'recent-events' }, 'odd']

    // Act
    const out = withViewDefaults(view)

    // Assess
    expect(out.customer.insights.reasons).toEqual([support])
    expect(out.customer.insights.explanations).toEqual([
      { scoreId: 'a', code: 'low-risk', text: 'ok', params: { n: 1 }, basis: 'recent-events' }
    ])
  })
})
