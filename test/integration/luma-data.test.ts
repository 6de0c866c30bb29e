/**
 * A customer loaded from files shaped like Adobe's Luma tutorial data (examples/luma: offline
 * purchases without eventType, Mobile SDK commerce and app events, an AJO email open, a tenant
 * call-centre interaction, consents, loyalty), looked up through the real action with the
 * example's CUSTOMER_VIEW_MAPPING: the view an admin previews with `npm start -- --data`.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { main as customerEvents } from '../../actions/customer-events'
import { main } from '../../actions/customer-profile'
import type { CustomerEvent, CustomerView } from '../../actions/lib/view/view-types'
import { bodyOf, registerTestEnv } from './harness'

const LUMA = join(__dirname, '../../examples/luma')
const testEnv = registerTestEnv(
  { data: LUMA },
  // The Luma mapping has no wrap-up shape, so this deployment records no interactions (as npm start -- --data does).
  {
    CUSTOMER_VIEW_MAPPING: readFileSync(join(LUMA, 'mapping.json'), 'utf8'),
    AEP_STREAMING_CONNECTION_ID: '',
    AEP_INTERACTIONS_DATASET_ID: ''
  }
)

/** Leah Moreno, by the loyalty id the Luma data stores as a number. */
const LEAH = { namespace: 'lumaLoyaltyId', id: '5550123' }

async function leah(): Promise<CustomerView> {
  const res = await testEnv().call(main, { ...LEAH, eventsLimit: '20' })
  expect(res.statusCode).toBe(200)
  return bodyOf<CustomerView>(res)
}

const ofType = (events: CustomerEvent[], type: string): CustomerEvent[] => events.filter((e) => e.type === type)

describe('a customer from the Luma example folder', () => {
  it('is found by a numeric tenant identity and merged with her CRM, e-mail and app records', async () => {
    // Act
    const { customer } = await leah()
    // Assess
    expect(customer.name.full).toBe('Leah Moreno')
    expect(customer.identities.map((i) => i.namespace)).toEqual(
      expect.arrayContaining(['lumaloyaltyid', 'lumacrmid', 'email', 'ecid'])
    )
  })

  it('shows the offline purchase without eventType with its amount and product names', async () => {
    // Act
    const { customer } = await leah()
    // Assess
    const purchase = ofType(customer.events, 'purchase').find((e) => e.details.amount?.value === 252.19)
    expect(purchase).toMatchObject({ source: 'inferred', xdmEventType: '' })
    expect(purchase?.details.products).toEqual(expect.arrayContaining(['Cascade Rain Shell']))
    expect(purchase?.summary).toContain('$252.19')
  })

  it('shows the cart add with the product, the email open and the app launch', async () => {
    // Act
    const { customer } = await leah()
    // Assess
    const cart = ofType(customer.events, 'cart-add')[0]
    expect(cart?.details.products?.length).toBeGreaterThan(0)
    expect(cart?.summary).toContain(cart?.details.products?.[0] ?? '—')
    expect(ofType(customer.events, 'email-open')).toHaveLength(1)
    expect(ofType(customer.events, 'app-launch')[0]?.details.app).toBe('Luma')
  })

  it('summarises the tenant call-centre interaction through the mapping, in en and zh-Hant', async () => {
    // Act
    const { customer } = await leah()
    // Assess
    const call = customer.events.find((e) => e.source === 'mapping')
    expect(call?.type).toBe('support-call')
    expect(call?.channel).toBe('phone')
    expect(call?.details.text?.en).toBe(call?.summary)
    expect(call?.details.text?.['zh-Hant']).toMatch(/\S/)
  })

  it('never reads "unknown" and never leaves a line empty', async () => {
    // Act
    const { customer } = await leah()
    const more = await testEnv().call(customerEvents, { ...LEAH, limit: '100' })
    // Assess
    const all = [...customer.events, ...bodyOf<{ events: CustomerEvent[] }>(more).events]
    expect(all.length).toBeGreaterThanOrEqual(7)
    for (const e of all) {
      expect(e.summary.trim()).not.toBe('')
      expect(e.summary.toLowerCase()).not.toContain('unknown')
    }
  })

  it('shows her consents, the mapped loyalty cards and the scores the mapping names', async () => {
    // Act
    const { customer } = await leah()
    // Assess
    expect(customer.consents.marketing.email).toMatchObject({ status: 'denied', raw: 'n' })
    expect(customer.attributes).toMatchObject({ loyaltyTier: 'gold', loyaltyPoints: 48210 })
    const crm = customer.mappedAttributes.find((a) => a.id === 'crmId')
    expect(crm).toMatchObject({ format: 'text', value: '7d1c0e5b93a84f26b0e4c9a2d5f81e3b' })
    expect(customer.insights.scores.map((s) => s.id)).toEqual(expect.arrayContaining(['churnRisk']))
    expect(customer.allAttributes.find((f) => f.path === 'person.name.firstName')?.value).toBe('Leah')
  })
})
