/**
 * The app's own OAuth Server-to-Server token towards AEP. It is fetched once and reused by every
 * invocation of a warm container (memory), shared with new containers (the State store), renewed a
 * safety margin before it expires, and fetched by a single IMS call however many invocations ask at once.
 */

export interface TokenEntry {
  token: string
  /** Epoch ms. */
  expiresAt: number
}

/** Where a token outlives the container (aio-lib-state); every method may fail, none may throw. */
export interface TokenStore {
  read(): Promise<TokenEntry | null>
  write(entry: TokenEntry): Promise<void>
  drop(): Promise<void>
}

/** Renew this long before IMS's expiry so a token never dies mid-lookup. */
export const SAFETY_MARGIN_MS = 10 * 60 * 1000

export class ServiceTokenProvider {
  private current: TokenEntry | null = null
  private pending: Promise<string> | null = null

  constructor(
    private readonly fetchToken: () => Promise<TokenEntry>,
    private readonly store?: TokenStore,
    private readonly now: () => number = Date.now
  ) {}

  private usable(e: TokenEntry | null): e is TokenEntry {
    return e !== null && e.expiresAt - SAFETY_MARGIN_MS > this.now()
  }

  async get(): Promise<string> {
    if (this.usable(this.current)) return this.current.token
    this.pending ??= this.obtain().finally(() => {
      this.pending = null
    })
    return this.pending
  }

  /** AEP rejected `stale`: forget it (here and in the store) and get another, once for all callers. */
  async refresh(stale: string): Promise<string> {
    if (this.current?.token === stale) {
      this.current = null
      this.pending ??= this.obtain(true).finally(() => {
        this.pending = null
      })
    }
    return this.get()
  }

  private async obtain(skipStore = false): Promise<string> {
    if (this.store && !skipStore) {
      const stored = await this.store.read()
      if (this.usable(stored)) {
        this.current = stored
        return stored.token
      }
    } else if (this.store) {
      await this.store.drop()
    }
    const fresh = await this.fetchToken()
    this.current = fresh
    if (this.store) await this.store.write(fresh)
    return fresh.token
  }
}
