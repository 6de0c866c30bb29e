/**
 * A typed, failure-proof wrapper of @adobe/aio-lib-state. The cache is an optimisation, never a
 * point of failure: every call is bounded in time, a failure reads as a miss (or a skipped write),
 * and an outage is logged once when it starts and once when it ends — not on every request.
 */
import { withTimeout } from '../async'
import type { Logger } from '../observability'

interface AdobeStateLike {
  get(key: string): Promise<{ value: string; expiration?: string } | undefined>
  put(key: string, value: string, options?: { ttl?: number }): Promise<string>
  delete(key: string): Promise<string | null>
  deleteAll(options: { match: string }): Promise<unknown>
}

export const KEY = /^[a-zA-Z0-9-_.]{1,1024}$/
/** The State service refuses values over 1 MB; keep a margin for the JSON envelope. */
export const MAX_VALUE_BYTES = 1_000_000
export const MAX_TTL_SECONDS = 31_536_000
const INIT_TIMEOUT_MS = 3_000

export interface StateOptions {
  /** Longest wait for one State call before it counts as a miss. */
  timeoutMs: number
  /** The State region (a data-residency choice): amer, emea, apac or aus. */
  region?: string
}

let client: Promise<AdobeStateLike> | null = null
let clientRegion: string | undefined
/** The operation whose failure started the current outage; null while State works. */
let downOp: string | null = null

/**
 * Loads and initialises the library once per region. Its endpoint comes from AIO_STATE_ENDPOINT
 * (see services.ts) when that is set, otherwise from Adobe's regional endpoint.
 */
function init(region: string | undefined): Promise<AdobeStateLike> {
  if (!client || clientRegion !== region) {
    clientRegion = region
    client = (async () => {
      const lib = require('@adobe/aio-lib-state') as { init(o?: { region?: string }): Promise<AdobeStateLike> }
      return lib.init(region ? { region } : undefined)
    })()
    client.catch(() => {
      client = null
    })
  }
  return client
}

function bounded<T>(work: Promise<T>, ms: number): Promise<T> {
  return withTimeout(work, ms, () => new Error(`State call took over ${ms} ms`))
}

export class StateStore {
  /** Reads in flight by key: concurrent readers of one key share one State call (each parses its own copy). */
  private readonly reading = new Map<string, Promise<{ value: string; expiration?: string } | undefined>>()

  constructor(
    private readonly options: StateOptions,
    private readonly logger: Logger
  ) {}

  private async run<T>(op: string, work: (s: AdobeStateLike) => Promise<T>): Promise<T | undefined> {
    try {
      // Loading the library is a one-time cost of a new container, bounded separately from the call.
      const state = await bounded(init(this.options.region), INIT_TIMEOUT_MS)
      const result = await bounded(work(state), this.options.timeoutMs)
      // Recovery needs the failed kind of call to work again: writes can succeed while reads still fail.
      if (downOp === op) {
        downOp = null
        this.logger.info('state service recovered')
      }
      return result
    } catch (e) {
      if (downOp === null) {
        downOp = op
        this.logger.warn('state service unavailable; serving without cache', { op, error: e })
      }
      return undefined
    }
  }

  /**
   * The parsed value, or null on a miss, an unparsable value or any failure. Untyped on purpose:
   * StateNamespace checks the shape of what it reads.
   */
  async get(key: string): Promise<unknown> {
    let pending = this.reading.get(key)
    if (!pending) {
      // A value that does not parse is a failing State service (logged like an outage), not a miss.
      pending = this.run('get', async (s) => {
        const res = await s.get(key)
        if (res && typeof res.value === 'string') JSON.parse(res.value)
        return res
      }).finally(() => this.reading.delete(key))
      this.reading.set(key, pending)
    }
    const res = await pending
    // Each reader parses its own copy: callers may change what they get.
    return res && typeof res.value === 'string' ? (JSON.parse(res.value) as unknown) : null
  }

  /** Stores `value` as JSON; false when it was too large or the store failed. */
  async put(key: string, value: unknown, ttlSeconds: number): Promise<boolean> {
    const json = JSON.stringify(value)
    if (Buffer.byteLength(json) > MAX_VALUE_BYTES) return false
    const ttl = Math.max(1, Math.min(MAX_TTL_SECONDS, Math.round(ttlSeconds)))
    return (await this.run('put', (s) => s.put(key, json, { ttl }))) !== undefined
  }

  async delete(key: string): Promise<boolean> {
    return (await this.run('delete', (s) => s.delete(key))) !== undefined
  }

  async deleteMatching(match: string): Promise<boolean> {
    return (await this.run('deleteAll', (s) => s.deleteAll({ match }))) !== undefined
  }
}

/** Forgets the client and the outage flag (tests simulate a new container). */
export function resetStateClient(): void {
  client = null
  downOp = null
}
