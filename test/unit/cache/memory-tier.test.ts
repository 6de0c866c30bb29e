import { MemoryTier } from '../../../actions/lib/cache'

/** A tier on a clock the test moves. */
function tier(options: { freshnessMs?: number; maxEntries?: number; maxBytes?: number } = {}) {
  const clock = { now: 1_000_000 }
  const memory = new MemoryTier<string>(
    { freshnessMs: 5000, maxEntries: 3, maxBytes: 1000, ...options },
    () => clock.now
  )
  return { memory, clock }
}

describe('MemoryTier', () => {
  it('answers an entry until its freshness has passed, then forgets it', () => {
    // Prepare
    const { memory, clock } = tier()
    memory.set('a', 'view a', 10)
    // Act
    clock.now += 4999
    const within = memory.get('a')
    clock.now += 1
    const after = memory.get('a')
    // Assess
    expect([within, after, memory.size]).toEqual(['view a', undefined, { entries: 0, bytes: 0 }])
  })

  it('holds at most maxEntries, dropping the least recently used', () => {
    // Prepare
    const { memory } = tier({ maxEntries: 3 })
    memory.set('a', 'A', 1)
    memory.set('b', 'B', 1)
    memory.set('c', 'C', 1)
    memory.get('a')
    // Act
    memory.set('d', 'D', 1)
    // Assess
    expect(['a', 'b', 'c', 'd'].map((k) => memory.get(k))).toEqual(['A', undefined, 'C', 'D'])
    expect(memory.size).toEqual({ entries: 3, bytes: 3 })
  })

  it('holds at most maxBytes, dropping the oldest until the new entry fits', () => {
    // Prepare
    const { memory } = tier({ maxEntries: 100, maxBytes: 1000 })
    memory.set('a', 'A', 400)
    memory.set('b', 'B', 400)
    // Act
    memory.set('c', 'C', 500)
    // Assess
    expect(['a', 'b', 'c'].map((k) => memory.get(k))).toEqual([undefined, 'B', 'C'])
    expect(memory.size).toEqual({ entries: 2, bytes: 900 })
  })

  it('never holds an entry larger than the whole tier, and replaces an entry rather than counting it twice', () => {
    // Prepare
    const { memory } = tier({ maxBytes: 1000 })
    memory.set('a', 'A', 600)
    // Act
    memory.set('a', 'A2', 700)
    memory.set('huge', 'H', 1001)
    // Assess
    expect([memory.get('a'), memory.get('huge'), memory.size]).toEqual(['A2', undefined, { entries: 1, bytes: 700 }])
  })

  it('holds nothing when its freshness is 0 (the tier is off)', () => {
    // Prepare
    const { memory } = tier({ freshnessMs: 0 })
    // Act
    memory.set('a', 'A', 1)
    // Assess
    expect([memory.get('a'), memory.size]).toEqual([undefined, { entries: 0, bytes: 0 }])
  })

  it('forgets exactly the entries a predicate matches', () => {
    // Prepare
    const { memory } = tier()
    memory.set('x.1', 'one', 5)
    memory.set('x.2', 'two', 5)
    memory.set('y.3', 'three', 5)
    // Act
    memory.deleteWhere((key, value) => key.endsWith('.1') || value === 'two')
    // Assess
    expect([memory.get('x.1'), memory.get('x.2'), memory.get('y.3'), memory.size]).toEqual([
      undefined,
      undefined,
      'three',
      { entries: 1, bytes: 5 }
    ])
  })
})
