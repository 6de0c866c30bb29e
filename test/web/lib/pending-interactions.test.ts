import {
  PENDING_KEY,
  PENDING_TTL_MS,
  type PendingInteraction,
  PendingInteractionsStore,
  pendingScope
} from '../../../web-src/src/lib/pending-interactions'

const JANE = pendingScope('prod', 'BUMEHBpZWNlcyBzdHJpbmc')
const T0 = Date.UTC(2026, 11, 1, 12, 0, 0)

function entry(n: number, savedAt = T0 + n): PendingInteraction {
  return {
    eventId: `cah-event-${n}`,
    interactionId: `interaction-${n}`,
    timestamp: new Date(savedAt).toISOString(),
    savedAt,
    topic: { code: 'delivery', label: { en: 'Delivery', 'zh-Hant': '配送' } },
    outcome: { code: 'resolved', label: { en: 'Resolved' } }
  }
}

describe('pending interactions store', () => {
  beforeEach(() => window.sessionStorage.clear())

  it('lists what was added for the customer, newest first', () => {
    // Prepare
    const store = new PendingInteractionsStore(window.sessionStorage, () => T0)

    // Act
    store.add(JANE, entry(1))
    store.add(JANE, entry(2))
    store.add(pendingScope('dev', 'BUMEHBpZWNlcyBzdHJpbmc'), entry(3))

    // Assess
    expect(store.list(JANE)).toEqual([entry(2), entry(1)])
    expect(store.list(pendingScope('prod', 'someone-else'))).toEqual([])
  })

  it('survives a reload of the page: a new store over the same sessionStorage lists them', () => {
    // Prepare
    new PendingInteractionsStore(window.sessionStorage, () => T0).add(JANE, entry(1))

    // Act
    const afterReload = new PendingInteractionsStore(window.sessionStorage, () => T0 + 60_000)

    // Assess
    expect(afterReload.list(JANE)).toEqual([entry(1)])
  })

  it('keeps no note and no identity in storage: only codes, labels, ids and times', () => {
    // Prepare
    const store = new PendingInteractionsStore(window.sessionStorage, () => T0)

    // Act
    store.add(JANE, entry(1))

    // Assess
    expect(JSON.parse(window.sessionStorage.getItem(PENDING_KEY) ?? '')).toEqual([{ ...entry(1), scope: JANE }])
  })

  it('forgets an interaction once the view holds its event, and only that one', () => {
    // Prepare
    const store = new PendingInteractionsStore(window.sessionStorage, () => T0)
    store.add(JANE, entry(1))
    store.add(JANE, entry(2))
    const heard = jest.fn()
    store.subscribe(heard)

    // Act
    store.settle(JANE, ['ev-1', 'cah-event-1'])

    // Assess
    expect(store.list(JANE)).toEqual([entry(2)])
    expect(heard).toHaveBeenCalledTimes(1)
  })

  it('drops entries older than 24 hours', () => {
    // Prepare
    let now = T0
    const store = new PendingInteractionsStore(window.sessionStorage, () => now)
    store.add(JANE, entry(1, T0))
    store.add(JANE, entry(2, T0 + 60 * 60 * 1000))

    // Act
    now = T0 + PENDING_TTL_MS + 1
    const afterReload = new PendingInteractionsStore(window.sessionStorage, () => now)

    // Assess
    expect(afterReload.list(JANE)).toEqual([entry(2, T0 + 60 * 60 * 1000)])
  })

  it('replaces an entry added twice with the same event id', () => {
    // Prepare
    const store = new PendingInteractionsStore(window.sessionStorage, () => T0)

    // Act
    store.add(JANE, entry(1))
    store.add(JANE, { ...entry(1), outcome: { code: 'escalated', label: { en: 'Escalated' } } })

    // Assess
    expect(store.list(JANE).map((p) => p.outcome.code)).toEqual(['escalated'])
  })

  it('answers the same array until something changes, as useSyncExternalStore needs', () => {
    // Prepare
    const store = new PendingInteractionsStore(window.sessionStorage, () => T0)
    store.add(JANE, entry(1))

    // Act
    const first = store.list(JANE)
    const second = store.list(JANE)
    store.add(JANE, entry(2))

    // Assess
    expect(second).toBe(first)
    expect(store.list(JANE)).not.toBe(first)
  })

  it('treats garbled storage as no pending interactions, and a garbled entry as missing', () => {
    // Prepare
    const store = new PendingInteractionsStore(window.sessionStorage, () => T0)
    const lists: PendingInteraction[][] = []

    // Act
    window.sessionStorage.setItem(PENDING_KEY, '{not json')
    lists.push(store.list(JANE))
    window.sessionStorage.setItem(
      PENDING_KEY,
      JSON.stringify([
        { scope: JANE, eventId: 7 },
        { ...entry(1), scope: JANE }
      ])
    )
    lists.push(store.list(JANE))

    // Assess
    expect(lists).toEqual([[], [entry(1)]])
  })

  it('keeps working in memory when storage is blocked', () => {
    // Prepare
    const blocked = {
      getItem: () => {
        throw new Error('SecurityError')
      },
      setItem: () => {
        throw new Error('SecurityError')
      }
    } as unknown as Storage
    const store = new PendingInteractionsStore(blocked, () => T0)

    // Act
    store.add(JANE, entry(1))

    // Assess
    expect(store.list(JANE)).toEqual([entry(1)])
  })
})
