import { SAFETY_MARGIN_MS, ServiceTokenProvider, type TokenEntry, type TokenStore } from '../../../actions/lib/ims'

function fakeIms(lifetimeMs = 24 * 3600_000): { fetch: () => Promise<TokenEntry>; calls: () => number } {
  let n = 0
  return {
    fetch: async () => {
      n++
      await new Promise((r) => setTimeout(r, 5))
      return { token: `token-${n}`, expiresAt: Date.now() + lifetimeMs }
    },
    calls: () => n
  }
}

function memoryStore(initial: TokenEntry | null = null): TokenStore & { entry: TokenEntry | null } {
  return {
    entry: initial,
    async read() {
      return this.entry
    },
    async write(e) {
      this.entry = e
    },
    async drop() {
      this.entry = null
    }
  }
}

describe('ServiceTokenProvider', () => {
  it('asks IMS once however many callers need a token at the same time', async () => {
    const ims = fakeIms()
    const provider = new ServiceTokenProvider(ims.fetch)
    const tokens = await Promise.all(Array.from({ length: 50 }, () => provider.get()))
    expect(new Set(tokens)).toEqual(new Set(['token-1']))
    expect(ims.calls()).toBe(1)
  })

  it('reuses the token on later calls until the safety margin before expiry', async () => {
    let now = Date.now()
    const ims = fakeIms(SAFETY_MARGIN_MS + 60_000)
    const provider = new ServiceTokenProvider(ims.fetch, undefined, () => now)
    expect(await provider.get()).toBe('token-1')
    now += 59_000
    expect(await provider.get()).toBe('token-1')
    now += 2_000
    expect(await provider.get()).toBe('token-2')
  })

  it('takes a valid token from the store without calling IMS (a new container)', async () => {
    const ims = fakeIms()
    const store = memoryStore({ token: 'stored', expiresAt: Date.now() + 3600_000 })
    const provider = new ServiceTokenProvider(ims.fetch, store)
    expect(await provider.get()).toBe('stored')
    expect(ims.calls()).toBe(0)
  })

  it('replaces a rejected token once for all callers and skips the store', async () => {
    const ims = fakeIms()
    const store = memoryStore({ token: 'revoked', expiresAt: Date.now() + 3600_000 })
    const provider = new ServiceTokenProvider(ims.fetch, store)
    await provider.get()
    const fresh = await Promise.all([
      provider.refresh('revoked'),
      provider.refresh('revoked'),
      provider.refresh('revoked')
    ])
    expect(fresh).toEqual(['token-1', 'token-1', 'token-1'])
    expect(ims.calls()).toBe(1)
    expect(store.entry?.token).toBe('token-1')
  })

  it('lets the next caller retry after an IMS failure', async () => {
    let fail = true
    const provider = new ServiceTokenProvider(async () => {
      if (fail) throw new Error('down')
      return { token: 'ok', expiresAt: Date.now() + 3600_000 }
    })
    await expect(provider.get()).rejects.toThrow('down')
    fail = false
    await expect(provider.get()).resolves.toBe('ok')
  })
})
