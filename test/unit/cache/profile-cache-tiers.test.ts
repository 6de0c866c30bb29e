import type { NormalisedIdentity } from '../../../actions/lib/aep'
import { ProfileCache } from '../../../actions/lib/cache'
import type { CustomerView } from '../../../actions/lib/view'
import { testConfig } from '../fixtures/config'
import { DEMO_MAPPING_JSON } from '../fixtures/mapping'
import { JANE } from '../fixtures/profile'
import { viewMeta } from '../fixtures/view-meta'
import { fakeState } from './fake-state'

const NOW = Date.parse('2026-11-20T10:00:00Z')
const byEmail: NormalisedIdentity = { namespace: 'email', aepNamespace: 'Email', id: 'jane.doe@example.com' }
const byPhone: NormalisedIdentity = { namespace: 'phone', aepNamespace: 'Phone', id: '+14155550123' }
const scope = { sandbox: 'prod', mergePolicyId: null }

const VIEW: CustomerView = {
  customer: {
    ...JANE,
    identities: [
      { namespace: 'email', id: byEmail.id, primary: true },
      { namespace: 'phone', id: byPhone.id, primary: false }
    ],
    events: []
  },
  meta: viewMeta()
}

function setup(memorySeconds = '5') {
  const clock = { now: NOW }
  const state = fakeState()
  const config = testConfig({ CACHE_MEMORY_SECONDS: memorySeconds })
  const container = () => new ProfileCache(state.store, config, () => clock.now)
  return { clock, state, container }
}

describe('ProfileCache tiers', () => {
  it('answers a warm repeat lookup, by the same or another identity, from memory with no State call', async () => {
    // Prepare
    const { state, container } = setup()
    const cache = container()
    await cache.write(scope, byEmail, VIEW)
    state.calls.length = 0
    // Act
    const again = await cache.read(scope, byEmail)
    const other = await cache.read(scope, byPhone)
    // Assess
    expect([again?.tier, other?.tier, again?.view, state.calls]).toEqual(['memory', 'memory', VIEW, []])
  })

  it('asks State again once CACHE_MEMORY_SECONDS have passed, so a newer write elsewhere is seen', async () => {
    // Prepare
    const { clock, state, container } = setup()
    const cache = container()
    await cache.write(scope, byEmail, VIEW)
    const newer = { ...VIEW, meta: { ...VIEW.meta, fetchedAt: '2026-11-20T10:00:04.000Z' } }
    clock.now += 4000
    await container().write(scope, byEmail, newer)
    state.calls.length = 0
    // Act
    const within = await cache.read(scope, byEmail)
    clock.now += 1000
    const after = await cache.read(scope, byEmail)
    // Assess
    expect([within?.tier, within?.view.meta.fetchedAt, after?.tier, after?.view.meta.fetchedAt]).toEqual([
      'memory',
      '2026-11-20T10:00:00.000Z',
      'state',
      '2026-11-20T10:00:04.000Z'
    ])
    expect(state.calls).toEqual([`get ${cache.key(scope, 'email', byEmail.id)}`])
  })

  it('costs a new container one State read by the identity written, and replaces a used pointer by the view', async () => {
    // Prepare
    const { state, container } = setup()
    await container().write(scope, byEmail, VIEW)
    const emailKey = container().key(scope, 'email', byEmail.id)
    const phoneKey = container().key(scope, 'phone', byPhone.id)
    state.calls.length = 0
    // Act
    const byEmailRead = await container().read(scope, byEmail)
    const first = await container().read(scope, byPhone)
    await new Promise((r) => setImmediate(r))
    const second = await container().read(scope, byPhone)
    // Assess
    expect([byEmailRead?.tier, first?.view, second?.view]).toEqual(['state', VIEW, VIEW])
    expect(state.calls).toEqual([
      `get ${emailKey}`,
      `get ${phoneKey}`,
      `get ${emailKey}`,
      `put ${phoneKey} behind`,
      `get ${phoneKey}`
    ])
  })

  it('forgets the customer in its own memory on invalidate, by any identity', async () => {
    // Prepare
    const { state, container } = setup()
    const cache = container()
    await cache.write(scope, byEmail, VIEW)
    // Act
    await cache.invalidate('prod', byPhone)
    state.calls.length = 0
    const after = await Promise.all([cache.read(scope, byEmail), cache.read(scope, byPhone)])
    // Assess
    expect(after).toEqual([null, null])
    expect(state.calls).toHaveLength(2)
  })

  it('reads State every time when the memory tier is off', async () => {
    // Prepare
    const { state, container } = setup('0')
    const cache = container()
    await cache.write(scope, byEmail, VIEW)
    state.calls.length = 0
    // Act
    const read = await cache.read(scope, byEmail)
    // Assess
    expect([read?.tier, state.calls.length]).toEqual(['state', 1])
  })

  it('reads a view built under another CUSTOMER_VIEW_MAPPING as a miss, and one built under the same as a hit', async () => {
    // Prepare
    const { state } = setup()
    const before = testConfig({ CACHE_MEMORY_SECONDS: '0' })
    const after = testConfig({ CACHE_MEMORY_SECONDS: '0', CUSTOMER_VIEW_MAPPING: DEMO_MAPPING_JSON })
    await new ProfileCache(state.store, before, () => NOW).write(scope, byEmail, VIEW)
    // Act
    const read = await Promise.all([
      new ProfileCache(state.store, after, () => NOW).read(scope, byEmail),
      new ProfileCache(state.store, before, () => NOW).read(scope, byEmail)
    ])
    // Assess
    expect([read[0], read[1]?.view]).toEqual([null, VIEW])
  })
})
