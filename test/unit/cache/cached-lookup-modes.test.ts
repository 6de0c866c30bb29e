/**
 * The miss path's deployment settings (CACHE_READ_MODE, CACHE_WRITE_MODE) through cachedLookup,
 * with a real ProfileCache over a State in a Map and AEP faked: what each mode asks of State and
 * AEP, in what order, and that coalescing holds in every mode.
 */
import type {
  AepClient,
  AepEventsPage,
  AepProfileEntity,
  AudienceNames,
  NormalisedIdentity
} from '../../../actions/lib/aep'
import { ProfileCache } from '../../../actions/lib/cache'
import { UpstreamError } from '../../../actions/lib/errors'
import type { LookupRequest } from '../../../actions/lib/input'
import { type CachedLookupDeps, cachedLookup } from '../../../actions/lib/lookup'
import { SECTIONS } from '../../../actions/lib/view'
import { testConfig } from '../fixtures/config'
import { recordingLogger } from '../fixtures/logger'
import { fakeAep, fakeAudiences, standIn } from '../fixtures/lookup-seams'
import { DEMO_MAPPING_JSON } from '../fixtures/mapping'
import { JANE_PROFILE } from '../fixtures/profile'
import { type FakeState, fakeState } from './fake-state'

let byEmail: NormalisedIdentity
let n = 0
// Lookups in flight are per container (module) state: each test looks up by its own address, so none shares another's.
beforeEach(() => {
  byEmail = { namespace: 'email', aepNamespace: 'Email', id: `jane.doe+${++n}@example.com` }
})

/** The full view with one event: the one event AEP has in the fakes is then enough for a stored view to cover it. */
function request(): LookupRequest {
  return { identity: byEmail, sandbox: 'prod', mergePolicyId: null, sections: new Set(SECTIONS), eventsLimit: 1 }
}

function deferred<T>(): { promise: Promise<T>; resolve: (v: T) => void; reject: (e: unknown) => void } {
  let resolve: (v: T) => void = () => undefined
  let reject: (e: unknown) => void = () => undefined
  const promise = new Promise<T>((res, rej) => {
    resolve = res
    reject = rej
  })
  return { promise, resolve, reject }
}

type Modes = { read: 'before' | 'parallel'; write: 'await' | 'behind' }

/** A container of the given modes over `state`; AEP answers through `profile` (and `events`, when given). */
function container(
  state: FakeState,
  modes: Modes,
  profile: () => Promise<AepProfileEntity | null> = async () => JANE_PROFILE,
  events?: () => Promise<AepEventsPage>
) {
  const config = testConfig({
    CUSTOMER_VIEW_MAPPING: DEMO_MAPPING_JSON,
    CACHE_READ_MODE: modes.read,
    CACHE_WRITE_MODE: modes.write
  })
  const aep = fakeAep(profile)
  if (events)
    aep.getEvents = async (identity, options) => {
      aep.eventCalls.push({ identity, options })
      return events()
    }
  const logger = recordingLogger()
  const deps: CachedLookupDeps = {
    aep: standIn<AepClient>(aep),
    audiences: standIn<AudienceNames>(fakeAudiences()),
    cache: new ProfileCache(state.store, config),
    config,
    logger
  }
  return { aep, logger, deps }
}

const settle = () => new Promise((r) => setImmediate(r))
const puts = (state: FakeState) => state.calls.filter((c) => c.startsWith('put '))

describe('CACHE_READ_MODE', () => {
  it.each<[Modes['read'], number]>([
    ['before', 0],
    ['parallel', 1]
  ])('%s: the AEP calls made while the State read is still out: %i', async (read, expected) => {
    // Prepare
    const state = fakeState()
    const c = container(state, { read, write: 'await' })
    state.holdGets = true
    // Act
    const answer = cachedLookup(request(), c.deps, false)
    await settle()
    const duringRead = c.aep.profileCalls.length
    state.releaseGets()
    const view = await answer
    // Assess
    expect([duringRead, view.meta.cache?.status, c.aep.profileCalls.length, puts(state).length > 0]).toEqual([
      expected,
      'MISS',
      1,
      true
    ])
  })

  it('parallel: a fresh State view answers as a HIT; the AEP call it made unnecessary is logged, and nothing is written', async () => {
    // Prepare
    const state = fakeState()
    await cachedLookup(request(), container(state, { read: 'before', write: 'await' }).deps, false)
    const c = container(state, { read: 'parallel', write: 'await' })
    state.calls.length = 0
    // Act
    const view = await cachedLookup(request(), c.deps, false)
    await settle()
    // Assess
    expect([view.meta.cache, c.aep.profileCalls.length, puts(state)]).toEqual([
      { status: 'HIT', ageSeconds: 0, tier: 'state' },
      1,
      []
    ])
    expect(c.logger.entries.map((e) => [e.level, e.msg, e.fields])).toEqual([
      ['info', 'aep lookup not needed', { tier: 'state', readMode: 'parallel' }]
    ])
  })

  it('parallel: a view in memory answers with no State read and no AEP call', async () => {
    // Prepare
    const state = fakeState()
    const c = container(state, { read: 'parallel', write: 'await' })
    await cachedLookup(request(), c.deps, false)
    state.calls.length = 0
    // Act
    const view = await cachedLookup(request(), c.deps, false)
    // Assess
    expect([view.meta.cache, c.aep.profileCalls.length, state.calls]).toEqual([
      { status: 'HIT', ageSeconds: 0, tier: 'memory' },
      1,
      []
    ])
  })

  it('parallel: a refresh asks AEP and stores what it read, even with a fresh view in State', async () => {
    // Prepare
    const state = fakeState()
    await cachedLookup(request(), container(state, { read: 'before', write: 'await' }).deps, false)
    const c = container(state, { read: 'parallel', write: 'await' })
    state.calls.length = 0
    // Act
    const view = await cachedLookup(request(), c.deps, true)
    // Assess
    expect([view.meta.cache, c.aep.profileCalls.length, puts(state).length > 0]).toEqual([
      { status: 'BYPASS', ageSeconds: 0 },
      1,
      true
    ])
  })

  it('parallel: the AEP call nobody waited for fails quietly, at debug, after the HIT', async () => {
    // Prepare
    const state = fakeState()
    await cachedLookup(request(), container(state, { read: 'before', write: 'await' }).deps, false)
    const events = deferred<AepEventsPage>()
    const c = container(state, { read: 'parallel', write: 'await' }, undefined, () => events.promise)
    // Act
    const view = await cachedLookup(request(), c.deps, false)
    events.reject(new UpstreamError('UPSTREAM_TIMEOUT', 'AEP', 'AEP took too long'))
    await settle()
    // Assess
    expect(view.meta.cache?.status).toBe('HIT')
    expect(c.logger.entries.map((e) => [e.level, e.msg])).toEqual([
      ['info', 'aep lookup not needed'],
      ['debug', 'events unavailable']
    ])
  })
})

describe('CACHE_WRITE_MODE', () => {
  it('behind: answers the miss while State has not yet stored it; memory answers the repeat meanwhile', async () => {
    // Prepare
    const state = fakeState()
    const c = container(state, { read: 'before', write: 'behind' })
    state.holdPuts = true
    // Act
    const miss = await cachedLookup(request(), c.deps, false)
    const repeat = await cachedLookup(request(), c.deps, false)
    const storedWhileAnswering = state.data.size
    state.releasePuts()
    await settle()
    // Assess
    expect([miss.meta.cache?.status, repeat.meta.cache?.tier, storedWhileAnswering]).toEqual(['MISS', 'memory', 0])
    expect([state.data.size, puts(state).every((p) => p.endsWith(' behind'))]).toEqual([puts(state).length, true])
  })

  it('await: answers the miss only once State has answered its writes', async () => {
    // Prepare
    const state = fakeState()
    const c = container(state, { read: 'before', write: 'await' })
    state.holdPuts = true
    let answered = false
    // Act
    const miss = cachedLookup(request(), c.deps, false).then((v) => {
      answered = true
      return v
    })
    await settle()
    const beforeStateAnswered = answered
    state.releasePuts()
    // Assess
    expect([beforeStateAnswered, (await miss).meta.cache?.status, state.data.size > 0]).toEqual([false, 'MISS', true])
  })
})

describe('coalescing in every mode', () => {
  it.each<Modes>([
    { read: 'before', write: 'await' },
    { read: 'parallel', write: 'await' },
    { read: 'before', write: 'behind' },
    { read: 'parallel', write: 'behind' }
  ])('read $read, write $write: 100 identical lookups make 1 AEP profile call and 1 round of writes', async (modes) => {
    // Prepare
    const state = fakeState()
    const profile = deferred<AepProfileEntity | null>()
    const c = container(state, modes, () => profile.promise)
    // Act
    const lookups = Promise.all(Array.from({ length: 100 }, () => cachedLookup(request(), c.deps, false)))
    await settle()
    profile.resolve(JANE_PROFILE)
    const views = await lookups
    await settle()
    // Assess
    const firstRound = new Set(puts(state)).size
    expect([new Set(views.map((v) => v.meta.cache?.status)), c.aep.profileCalls.length, puts(state).length]).toEqual([
      new Set(['MISS']),
      1,
      firstRound
    ])
  })
})
