/**
 * No secret and no raw PII in logs: a broad run of every action — lookups by e-mail and phone,
 * batches, event pages, invalidations, bad input, refused callers, and AEP and State failing — with
 * every log line captured and scanned for tokens, the app's secrets and the seeded e-mails, phone
 * numbers and names of every customer used. Nor in any State key. The scanner is shown to catch
 * each kind of leak first, so a clean result means something.
 */
import { main as invalidate } from '../../actions/cache-invalidate'
import { main as events } from '../../actions/customer-events'
import { main as profile } from '../../actions/customer-profile'
import { main as batch } from '../../actions/customer-profiles'
import type { CustomerView } from '../../actions/lib/view/view-types'
import { main as metadata } from '../../actions/metadata'
import { unsignedToken } from '../fuzz/requests'
import { bodyOf, CLIENT_SECRET, JANE, ORG, OTHER_ORG, startTestEnv, type TestEnv } from '../integration/harness'
import { findLeaks, type Pii, seededPii, seedsOf } from './leak-scan'

const CUSTOMERS = 25
let env: TestEnv
let pii: Pii

beforeAll(async () => {
  env = await startTestEnv()
  pii = seededPii(
    seedsOf(env),
    Array.from({ length: CUSTOMERS }, (_, i) => i)
  )
})
afterAll(async () => {
  await env.close()
})

/** Every identity of the first customers, as the seed holds them. */
function identities(): Array<{ namespace: string; id: string }> {
  const seed = env.standIns.aep.sandboxes.get('prod')?.seed
  return Array.from({ length: CUSTOMERS }, (_, i) => seed?.identities(i) ?? [])
    .flat()
    .filter((x) => x.namespace === 'email' || x.namespace === 'phone')
}

describe('the leak scanner', () => {
  it.each([
    ['a token', `{"msg":"x","auth":"Bearer ${'eyJhbGciOiJIUzI1NiJ9'}.eyJzdWIiOiJ4In0.c2ln"}`],
    ['the client secret', `{"msg":"config","secret":"${CLIENT_SECRET}"}`],
    ['an e-mail', `{"msg":"lookup ${JANE.email}"}`],
    ['a URL-encoded e-mail', '{"msg":"GET /entities?entityId=jane.doe%40example.com"}'],
    ['a phone number', `{"msg":"lookup ${JANE.phone}"}`],
    ['a formatted phone number', '{"msg":"caller (415) 555-0123"}'],
    ['a name', '{"msg":"found Jane Doe"}']
  ])('catches %s', (_kind, line) => {
    expect(findLeaks([line], pii)).toHaveLength(1)
  })
})

describe('logs of a broad run', () => {
  it('hold no token, secret, e-mail, phone number or name of the customers used — nor do State keys', async () => {
    const token = env.agentToken()
    const as = { token }
    const ids = identities()
    // Lookups by every e-mail and phone, then again (cache hits and pointers).
    for (const i of [...ids, ...ids]) await env.call(profile, i, as)
    // Refreshes, formatted phones, a batch, event pages with their cursors, metadata, invalidations.
    await env.call(profile, { namespace: 'phone', id: '+1 (415) 555-0123', refresh: 'true' }, as)
    await env.call(
      batch,
      {},
      {
        method: 'POST',
        token,
        body: {
          identities: [
            ...ids.slice(0, 20),
            { namespace: 'email', id: 'jane.doe@example' },
            { namespace: 'phone', id: '555-0123' }
          ],
          include: ['name', 'events']
        }
      }
    )
    const view = bodyOf<CustomerView>(await env.call(profile, { namespace: 'email', id: JANE.email }, as))
    await env.call(events, { namespace: 'email', id: JANE.email, cursor: view.meta.events.nextCursor }, as)
    await env.call(events, { namespace: 'email', id: JANE.email, cursor: 'forged-cursor' }, as)
    await env.call(metadata, {}, as)
    await env.call(invalidate, {}, { method: 'POST', token, body: { namespace: 'phone', id: JANE.phone } })
    // Bad input that holds PII, refused callers.
    await env.call(profile, { namespace: 'email', id: `${JANE.email}\u0000` }, as)
    await env.call(profile, { namespace: 'phone', id: `${JANE.phone}x` }, as)
    await env.call(profile, { namespace: 'email', id: JANE.email }, { token: env.agentToken(OTHER_ORG) })
    await env.call(profile, { namespace: 'email', id: JANE.email }, { token: env.agentToken(ORG, -60) })
    await env.call(
      profile,
      { namespace: 'email', id: JANE.email },
      { token: null, headers: { authorization: `Bearer ${unsignedToken(token)}` } }
    )
    // Upstreams failing: AEP errors and garbage, State down.
    for (const type of ['503', 'malformed', 'reset'] as const) {
      env.standIns.aep.control.addFault({ route: '*', type, times: 4 })
      await env.call(
        profile,
        { namespace: 'email', id: JANE.email, refresh: 'true' },
        { ...as, inputs: { AEP_TIMEOUT_MS: '300' } }
      )
      await env.call(
        batch,
        {},
        { inputs: { AEP_TIMEOUT_MS: '300' }, method: 'POST', token, body: { identities: ids.slice(0, 3) } }
      )
      env.standIns.aep.control.clearFaults()
    }
    env.standIns.state.control.addFault({ route: '*', type: '503' })
    await env.call(profile, { namespace: 'phone', id: JANE.phone }, as)
    await env.call(invalidate, {}, { method: 'POST', token, body: { namespace: 'email', id: JANE.email } })
    env.standIns.state.control.clearFaults()

    expect(env.logs.length).toBeGreaterThan(150)
    expect(
      env.logs.filter((l) => l.includes('"level":"error"') || l.includes('"level":"warn"')).length
    ).toBeGreaterThanOrEqual(3)
    expect(findLeaks(env.logs, pii, [CLIENT_SECRET, 'cah-local-key', token.split('.')[2] ?? token])).toEqual([])
    expect(findLeaks(env.standIns.state.store.keys('cah-local'), pii)).toEqual([])
  }, 60_000)
})
