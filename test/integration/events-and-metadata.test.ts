/** The customer-events ("load more") and metadata actions against the stand-ins. */
import { main as events } from '../../actions/customer-events'
import { main as profile } from '../../actions/customer-profile'
import type { CustomerEvent, CustomerView, ErrorBody } from '../../actions/lib/view/view-types'
import { main as metadata } from '../../actions/metadata'
import { bodyOf, JANE, OTHER_ORG, registerTestEnv } from './harness'

const testEnv = registerTestEnv()

interface EventsPage {
  events: CustomerEvent[]
  nextCursor: string | null
}

describe('customer-events', () => {
  it("pages through all of Jane Doe's events with AEP's cursor, newest first, without repeats", async () => {
    const first = bodyOf<CustomerView>(await testEnv().call(profile, { namespace: 'email', id: JANE.email }))
    const seen = first.customer.events.map((e) => e.id)
    let cursor = first.meta.events.nextCursor
    while (cursor) {
      const res = await testEnv().call(events, { namespace: 'email', id: JANE.email, cursor, limit: '5' })
      expect(res.statusCode).toBe(200)
      const page = bodyOf<EventsPage>(res)
      expect(page.events.length).toBeLessThanOrEqual(5)
      seen.push(...page.events.map((e) => e.id))
      cursor = page.nextCursor
    }
    expect(seen).toHaveLength(24)
    expect(new Set(seen).size).toBe(24)
  })

  it('refuses a cursor of another customer or a forged one', async () => {
    const first = bodyOf<CustomerView>(await testEnv().call(profile, { namespace: 'email', id: JANE.email }))
    const cursor = first.meta.events.nextCursor
    expect(cursor).toBeTruthy()
    const other = await testEnv().call(events, { namespace: 'crmid', id: 'CRM-000002', cursor })
    const forged = await testEnv().call(events, {
      namespace: 'email',
      id: JANE.email,
      cursor: Buffer.from(JSON.stringify({ s: '../../config/mergePolicies?x=1', f: 'x' })).toString('base64url')
    })
    for (const res of [other, forged]) {
      expect(res.statusCode).toBe(400)
      expect(bodyOf<ErrorBody>(res).error).toMatchObject({
        code: 'INVALID_PARAMETER',
        fields: { cursor: expect.any(String) }
      })
    }
    expect(testEnv().standIns.aep.control.count('entities.events')).toBe(1)
  })

  it("keeps the customer's identity out of the cursor", async () => {
    const first = bodyOf<CustomerView>(await testEnv().call(profile, { namespace: 'email', id: JANE.email }))
    const decoded = Buffer.from(first.meta.events.nextCursor ?? '', 'base64url').toString('utf8')
    expect(JSON.parse(decoded)).toEqual({ s: expect.any(String), f: expect.stringMatching(/^[A-Za-z0-9_-]{16}$/) })
    expect(decoded).not.toContain('jane')
  })

  it('pages on from a cache hit by another identity of the same customer', async () => {
    await testEnv().call(profile, { namespace: 'email', id: JANE.email })
    const byPhone = bodyOf<CustomerView>(await testEnv().call(profile, { namespace: 'phone', id: JANE.phone }))
    expect(byPhone.meta.cache?.status).toBe('HIT')
    const res = await testEnv().call(events, {
      namespace: 'phone',
      id: JANE.phone,
      cursor: byPhone.meta.events.nextCursor
    })
    expect(res.statusCode).toBe(200)
    expect(bodyOf<EventsPage>(res).events.length).toBeGreaterThan(0)
  })

  it('returns the first page when no cursor is given', async () => {
    const page = bodyOf<EventsPage>(await testEnv().call(events, { namespace: 'phone', id: JANE.phone, limit: '3' }))
    expect(page.events).toHaveLength(3)
    expect(page.nextCursor).toEqual(expect.any(String))
  })
})

describe('metadata', () => {
  it("lists the org's namespaces, merge policies and allowed sandboxes, and caches them", async () => {
    const res = await testEnv().call(metadata, {})
    expect(res.statusCode).toBe(200)
    const body = bodyOf<{
      sandbox: string
      sandboxes: string[]
      namespaces: Array<{ code: string }>
      mergePolicies: Array<{ id: string; isDefault: boolean }>
    }>(res)
    expect(body.sandbox).toBe('prod')
    expect(body.sandboxes).toEqual(['prod', 'dev', 'nodefault'])
    expect(body.namespaces.map((n) => n.code)).toEqual(expect.arrayContaining(['Email', 'Phone', 'ECID', 'CRMID']))
    expect(body.mergePolicies.filter((p) => p.isDefault)).toHaveLength(1)
    await testEnv().call(metadata, {})
    expect(testEnv().standIns.aep.control.count('namespaces')).toBe(1)
  })

  it('refuses another org', async () => {
    const res = await testEnv().call(metadata, {}, { token: testEnv().agentToken(OTHER_ORG) })
    expect(res.statusCode).toBe(403)
  })
})
