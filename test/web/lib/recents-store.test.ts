import { MAX_RECENTS, RECENTS_KEY, RECENTS_TTL_MS, RecentsStore } from '../../../web-src/src/lib/recents-store'

function memoryStorage(): Storage {
  const data = new Map<string, string>()
  return {
    get length() {
      return data.size
    },
    clear: () => data.clear(),
    getItem: (k) => data.get(k) ?? null,
    key: (i) => [...data.keys()][i] ?? null,
    removeItem: (k) => {
      data.delete(k)
    },
    setItem: (k, v) => {
      data.set(k, v)
    }
  }
}

describe('RecentsStore', () => {
  it('writes only masked identities to storage', () => {
    const storage = memoryStorage()
    const store = new RecentsStore(storage)

    store.add({ namespace: 'email', id: 'jane.doe@example.com' })
    store.add({ namespace: 'phone', id: '+14155550123' })

    const stored = storage.getItem(RECENTS_KEY) ?? ''
    expect(stored).not.toContain('jane.doe')
    expect(stored).not.toContain('4155550123')
    expect(store.list().map((r) => r.masked)).toEqual(['+1•••••0123', 'j•••@example.com'])
  })

  it('gives back the real value while the page keeps it in memory', () => {
    const store = new RecentsStore(memoryStorage())

    store.add({ namespace: 'email', id: 'jane.doe@example.com' })
    const [recent] = store.list()

    expect(recent?.searchable).toBe(true)
    expect(store.lookupFor(recent?.ref ?? '')).toEqual({ namespace: 'email', id: 'jane.doe@example.com' })
  })

  it('keeps masked entries after a reload but cannot search them any more', () => {
    const storage = memoryStorage()
    new RecentsStore(storage).add({ namespace: 'email', id: 'jane.doe@example.com' })

    const afterReload = new RecentsStore(storage)
    const [recent] = afterReload.list()

    expect(recent).toMatchObject({ namespace: 'email', masked: 'j•••@example.com', searchable: false })
    expect(afterReload.lookupFor(recent?.ref ?? '')).toBeNull()
  })

  it('moves a repeated lookup to the top instead of listing it twice', () => {
    const store = new RecentsStore(memoryStorage())
    store.add({ namespace: 'email', id: 'jane.doe@example.com' })
    store.add({ namespace: 'phone', id: '+14155550123' })

    store.add({ namespace: 'email', id: 'Jane.Doe@example.com' })

    expect(store.list().map((r) => r.namespace)).toEqual(['email', 'phone'])
  })

  it(`keeps at most ${MAX_RECENTS} lookups and drops those older than the time limit`, () => {
    let now = 1_000_000_000_000
    const store = new RecentsStore(memoryStorage(), () => now)
    for (let i = 0; i < MAX_RECENTS + 3; i++) store.add({ namespace: 'crmid', id: `CRM-${1000 + i}` })
    expect(store.list()).toHaveLength(MAX_RECENTS)

    now += RECENTS_TTL_MS + 1
    const later = new RecentsStore(memoryStorage(), () => now)
    expect(later.list()).toHaveLength(0)
  })

  it('forgets values and entries when cleared', () => {
    const storage = memoryStorage()
    const store = new RecentsStore(storage)
    store.add({ namespace: 'email', id: 'jane.doe@example.com' })
    const ref = store.list()[0]?.ref ?? ''

    store.clear()

    expect(store.list()).toEqual([])
    expect(store.lookupFor(ref)).toBeNull()
    expect(storage.getItem(RECENTS_KEY)).toBe('[]')
  })

  it('still works in memory when storage is blocked', () => {
    const blocked = memoryStorage()
    blocked.setItem = () => {
      throw new Error('SecurityError')
    }
    const store = new RecentsStore(blocked)

    store.add({ namespace: 'email', id: 'jane.doe@example.com' })

    expect(store.list()).toHaveLength(1)
  })
})
