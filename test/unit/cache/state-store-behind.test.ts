/**
 * Writes behind the answer (CACHE_WRITE_MODE=behind, pointer promotion) with aio-lib-state faked at
 * its module seam: Runtime may freeze the container once `main` returns, which fake time simulates
 * by moving the clock on without running timers, then running them (the thaw).
 */
import { resetStateClient, StateStore } from '../../../actions/lib/cache'
import { recordingLogger } from '../fixtures/logger'

interface Lib {
  init: () => Promise<unknown>
  put: (key: string, value: string) => Promise<string>
  get: (key: string) => Promise<{ value: string } | undefined>
}
const lib: Lib = {
  init: async () => undefined,
  put: async (key) => key,
  get: async () => undefined
}
jest.mock('@adobe/aio-lib-state', () => ({
  init: async () => {
    await lib.init()
    return { put: (k: string, v: string) => lib.put(k, v), get: (k: string) => lib.get(k) }
  }
}))

const NOW = Date.parse('2026-12-01T10:00:00Z')

function setup() {
  const logger = recordingLogger()
  const store = new StateStore({ timeoutMs: 300 }, logger)
  const puts: string[] = []
  lib.init = async () => undefined
  lib.put = async (key) => {
    puts.push(key)
    return key
  }
  lib.get = async () => undefined
  return { logger, store, puts }
}

/** Lets the promise chains of a call run (fake time does not move on its own). */
const settle = () => jest.advanceTimersByTimeAsync(0)

beforeEach(() => {
  jest.useFakeTimers({ now: NOW, doNotFake: ['nextTick', 'queueMicrotask', 'setImmediate'] })
  resetStateClient()
})
afterEach(() => jest.useRealTimers())

describe('StateStore writes behind the answer', () => {
  it('stores the value like an awaited write when State answers', async () => {
    // Prepare
    const { logger, store, puts } = setup()
    // Act
    const stored = await store.put('k1', { a: 1 }, 60, { behind: true })
    // Assess
    expect([stored, puts, logger.entries]).toEqual([true, ['k1'], []])
  })

  it('logs a failure on a live container once, at info, and never as a State outage', async () => {
    // Prepare
    const { logger, store } = setup()
    lib.put = async () => {
      throw new Error('ERROR_REQUEST_RATE_TOO_HIGH')
    }
    // Act
    const outcomes = [await store.put('k1', 1, 60, { behind: true }), await store.put('k2', 1, 60, { behind: true })]
    lib.put = async (key) => key
    outcomes.push(await store.put('k3', 1, 60, { behind: true }))
    // Assess
    expect(outcomes).toEqual([false, false, true])
    expect(logger.entries.map((e) => [e.level, e.msg])).toEqual([
      ['info', 'state write behind the answer failed; another container may miss this view'],
      ['info', 'state writes behind the answer work again']
    ])
  })

  it('takes a time bound that fires only at the thaw of a frozen container for a pause, not a failure', async () => {
    // Prepare
    const { logger, store } = setup()
    lib.put = () => new Promise<string>(() => undefined)
    // Act
    const outcome = store.put('k1', 1, 60, { behind: true })
    await settle()
    jest.setSystemTime(NOW + 90_000)
    await jest.advanceTimersByTimeAsync(300)
    // Assess
    expect(await outcome).toBe(false)
    expect(logger.entries).toEqual([
      { level: 'debug', msg: 'state write behind unconfirmed: the container was paused', fields: { took: 90_300 } }
    ])
  })

  it('drops a write the freeze kept from being sent, rather than send it late', async () => {
    // Prepare
    const { logger, store, puts } = setup()
    let loaded: () => void = () => undefined
    lib.init = () =>
      new Promise<undefined>((res) => {
        loaded = () => res(undefined)
      })
    // Act
    const outcome = store.put('k1', 1, 60, { behind: true })
    await settle()
    jest.setSystemTime(NOW + 120_000)
    loaded()
    // Assess
    expect(await outcome).toBe(false)
    expect(puts).toEqual([])
    expect(logger.entries.map((e) => [e.level, e.msg, e.fields])).toEqual([
      ['debug', 'state write behind dropped: the container was paused before it was sent', { waited: 120_000 }]
    ])
  })

  it('leaves the outage log to the calls that wait: a failing read after failing writes-behind is still a warning', async () => {
    // Prepare
    const { logger, store } = setup()
    lib.put = async () => {
      throw new Error('ERROR_INTERNAL')
    }
    lib.get = async () => {
      throw new Error('ERROR_INTERNAL')
    }
    // Act
    await store.put('k1', 1, 60, { behind: true })
    const read = await store.get('k1')
    await store.put('k2', 1, 60)
    // Assess
    expect(read).toBeNull()
    expect(logger.entries.map((e) => [e.level, e.msg])).toEqual([
      ['info', 'state write behind the answer failed; another container may miss this view'],
      ['warn', 'state service unavailable; serving without cache']
    ])
  })
})
