import { Coalescer, type FlightControl } from '../../../actions/lib/cache'

function deferred<T>(): { promise: Promise<T>; resolve: (v: T) => void; reject: (e: unknown) => void } {
  let resolve: (v: T) => void = () => undefined
  let reject: (e: unknown) => void = () => undefined
  const promise = new Promise<T>((res, rej) => {
    resolve = res
    reject = rej
  })
  return { promise, resolve, reject }
}

/** Work that records each start and what it learned of its callers, and settles when told. */
function recordedWork() {
  const answer = deferred<string>()
  const seen = { starts: 0, wanted: [] as boolean[], abandoned: [] as boolean[] }
  const work = async (flight: FlightControl): Promise<string> => {
    seen.starts++
    const value = await answer.promise
    seen.wanted.push(await flight.wanted())
    seen.abandoned.push(flight.abandoned)
    return value
  }
  return { answer, seen, work }
}

describe('Coalescer', () => {
  it('runs the work once for every caller that joins while it runs, and again once it is done', async () => {
    // Prepare
    const flights = new Coalescer<string>()
    const { answer, seen, work } = recordedWork()
    // Act
    const results = Promise.all([1, 2, 3].map(() => flights.join('k', work).use()))
    answer.resolve('view')
    const values = await results
    const after = await flights.join('k', async () => 'again').use()
    // Assess
    expect([values, seen.starts, seen.wanted, after, flights.size]).toEqual([
      ['view', 'view', 'view'],
      1,
      [true],
      'again',
      0
    ])
  })

  it('tells the work it was wanted once any caller uses it, even if others left', async () => {
    // Prepare
    const flights = new Coalescer<string>()
    const { answer, seen, work } = recordedWork()
    const first = flights.join('k', work)
    const second = flights.join('k', work)
    // Act
    first.leave()
    const used = second.use()
    answer.resolve('view')
    // Assess
    expect(await used).toBe('view')
    expect([seen.wanted, seen.abandoned]).toEqual([[true], [false]])
  })

  it('abandons work every caller left: it learns so, and a later caller starts it anew', async () => {
    // Prepare
    const flights = new Coalescer<string>()
    const { answer, seen, work } = recordedWork()
    flights.join('k', work).leave()
    // Act
    const sizeAfterLeaving = flights.size
    const next = flights.join('k', async () => 'fresh').use()
    answer.resolve('unused')
    await new Promise((r) => setImmediate(r))
    // Assess
    expect([sizeAfterLeaving, await next, seen.wanted, seen.abandoned]).toEqual([0, 'fresh', [false], [true]])
  })

  it('waits for a caller still deciding before telling the work whether it is wanted', async () => {
    // Prepare
    const flights = new Coalescer<string>()
    const { answer, seen, work } = recordedWork()
    const deciding = flights.join('k', work)
    // Act
    answer.resolve('view')
    await new Promise((r) => setImmediate(r))
    const before = [...seen.wanted]
    const used = deciding.use()
    // Assess
    expect([before, await used, seen.wanted]).toEqual([[], 'view', [true]])
  })

  it('passes a failure to the callers that use the work, and raises none for work nobody uses', async () => {
    // Prepare
    const flights = new Coalescer<string>()
    const failing = deferred<string>()
    const unhandled: unknown[] = []
    const onUnhandled = (e: unknown) => unhandled.push(e)
    process.on('unhandledRejection', onUnhandled)
    // Act
    const used = flights.join('a', () => failing.promise).use()
    flights.join('b', () => Promise.reject(new Error('nobody listens'))).leave()
    failing.reject(new Error('AEP failed'))
    const outcome = await used.catch((e: unknown) => (e as Error).message)
    await new Promise((r) => setTimeout(r, 10))
    process.off('unhandledRejection', onUnhandled)
    // Assess
    expect([outcome, unhandled, flights.size]).toEqual(['AEP failed', [], 0])
  })

  it('counts a caller once, however often it decides', async () => {
    // Prepare
    const flights = new Coalescer<string>()
    const { answer, seen, work } = recordedWork()
    const first = flights.join('k', work)
    const second = flights.join('k', work)
    // Act
    first.leave()
    first.leave()
    const sizeWhileSecondDecides = flights.size
    second.leave()
    answer.resolve('unused')
    await new Promise((r) => setImmediate(r))
    // Assess
    expect([sizeWhileSecondDecides, seen.abandoned]).toEqual([1, [true]])
  })
})
