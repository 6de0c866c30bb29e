import type { NormalisedIdentity } from '../../../actions/lib/aep'
import { ProfileCache } from '../../../actions/lib/cache'
import type { CustomerView } from '../../../actions/lib/view'
import { testConfig } from '../fixtures/config'
import { JANE } from '../fixtures/profile'
import { viewMeta } from '../fixtures/view-meta'
import { fakeState } from './fake-state'

const NOW = Date.parse('2026-11-20T10:00:00Z')
const byEmail: NormalisedIdentity = { namespace: 'email', aepNamespace: 'Email', id: 'jane.doe@example.com' }
const byPhone: NormalisedIdentity = { namespace: 'phone', aepNamespace: 'Phone', id: '+14155550123' }
const byCrm: NormalisedIdentity = { namespace: 'crmid', aepNamespace: 'CRMID', id: 'CRM-000001' }
const scope = { sandbox: 'prod', mergePolicyId: null }

const VIEW: CustomerView = {
  customer: {
    ...JANE,
    identities: [
      { namespace: 'email', id: byEmail.id, primary: true },
      { namespace: 'phone', id: byPhone.id, primary: false },
      { namespace: 'crmid', id: byCrm.id, primary: false }
    ],
    events: []
  },
  meta: viewMeta()
}

function setup(settings: Record<string, string> = {}) {
  const state = fakeState()
  const config = testConfig(settings)
  const container = () => new ProfileCache(state.store, config, () => NOW)
  const key = (i: NormalisedIdentity) => container().key(scope, i.namespace, i.id)
  return { state, container, key }
}

describe('ProfileCache pointers (CACHE_POINTER_NAMESPACES)', () => {
  it('writes the view and a pointer for each other identity of the default namespaces, in one round', async () => {
    // Prepare
    const { state, container, key } = setup()
    // Act
    await container().write(scope, byEmail, VIEW)
    // Assess
    expect(state.calls).toEqual([`put ${key(byEmail)}`, `put ${key(byPhone)}`, `put ${key(byCrm)}`])
  })

  it('keeps pointers only for the namespaces listed, and a lookup by those still hits in a new container', async () => {
    // Prepare
    const { state, container, key } = setup({ CACHE_POINTER_NAMESPACES: 'email,phone' })
    const cache = container()
    // Act
    await cache.write(scope, byEmail, VIEW)
    const writes = [...state.calls]
    const inMemory = [cache.held(scope, byPhone)?.tier, cache.held(scope, byCrm)]
    const elsewhere = await Promise.all([container().read(scope, byPhone), container().read(scope, byCrm)])
    // Assess
    expect(writes).toEqual([`put ${key(byEmail)}`, `put ${key(byPhone)}`])
    expect(inMemory).toEqual(['memory', null])
    expect([elsewhere[0]?.view, elsewhere[1]]).toEqual([VIEW, null])
  })

  it('writes the view alone with none', async () => {
    // Prepare
    const { state, container, key } = setup({ CACHE_POINTER_NAMESPACES: 'none' })
    // Act
    await container().write(scope, byEmail, VIEW)
    // Assess
    expect(state.calls).toEqual([`put ${key(byEmail)}`])
  })
})

describe('ProfileCache.held', () => {
  it("answers from this container's memory only, never asking State", async () => {
    // Prepare
    const { state, container } = setup()
    await container().write(scope, byEmail, VIEW)
    state.calls.length = 0
    // Act
    const held = container().held(scope, byEmail)
    // Assess
    expect([held, state.calls]).toEqual([null, []])
  })
})

describe('ProfileCache.writeBehind', () => {
  it('returns once memory holds the view, while State has not yet answered its writes', async () => {
    // Prepare
    const { state, container, key } = setup()
    const cache = container()
    state.holdPuts = true
    // Act
    const stored = cache.writeBehind(scope, byEmail, VIEW)
    const whileWriting = [cache.held(scope, byPhone)?.view, state.data.size]
    state.releasePuts()
    await stored
    // Assess
    expect(whileWriting).toEqual([VIEW, 0])
    expect(state.calls).toEqual([
      `put ${key(byEmail)} behind`,
      `put ${key(byPhone)} behind`,
      `put ${key(byCrm)} behind`
    ])
    expect((await container().read(scope, byEmail))?.view).toEqual(VIEW)
  })
})
