/**
 * A typed, failure-proof wrapper of @adobe/aio-lib-state. The cache is an optimisation, never a
 * point of failure: every call is bounded in time, a failure reads as a miss (or a skipped write),
 * and an outage is logged once when it starts and once when it ends — not on every request.
 *
 * A write can also go on after the answer (`behind`). I/O Runtime may freeze a container once
 * `main` returns and thaw it minutes later, or never: such a write is never taken for an outage
 * (its time bound may fire only at the thaw), and one that could not even be sent before a freeze
 * is dropped rather than sent late, where it could bring back a view that a newer write or a
 * cache-invalidate has since replaced.
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
/** A write-behind not sent within this long of being asked for was held up by a freeze: dropped. */
export const BEHIND_SEND_WITHIN_MS = 2_000
/** A time bound that fires this much past its due time fired late: the container was frozen. */
const PAUSED_SLACK_MS = 1_000

export interface PutOptions {
  /** The write goes on after the answer (CACHE_WRITE_MODE=behind, pointer promotion): see the file's comment. */
  behind?: boolean
}

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
/** Whether writes-behind are failing (on a container that was not frozen); logged once per streak. */
let behindFailing = false
/** Writes-behind still running, so a test (or the benchmark) can let them end before it stops the servers. */
const behindRunning = new Set<Promise<boolean>>()

/** Resolves once every write-behind started so far has ended, whatever its outcome. */
export async function writesBehindSettled(): Promise<void> {
  await Promise.allSettled([...behindRunning])
}

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

  /** Stores `value` as JSON; false when it was too large, the store failed, or (`behind`) it was dropped. */
  async put(key: string, value: unknown, ttlSeconds: number, options: PutOptions = {}): Promise<boolean> {
    const json = JSON.stringify(value)
    if (Buffer.byteLength(json) > MAX_VALUE_BYTES) return false
    const ttl = Math.max(1, Math.min(MAX_TTL_SECONDS, Math.round(ttlSeconds)))
    if (options.behind) {
      const running = this.putBehind(key, json, ttl).finally(() => behindRunning.delete(running))
      behindRunning.add(running)
      return running
    }
    return (await this.run('put', (s) => s.put(key, json, { ttl }))) !== undefined
  }

  /** A put after the answer: never an outage, never sent late; failures on a live container logged once at info. */
  private async putBehind(key: string, json: string, ttl: number): Promise<boolean> {
    const asked = Date.now()
    let sent: number | undefined
    try {
      const state = await bounded(init(this.options.region), INIT_TIMEOUT_MS)
      const waited = Date.now() - asked
      if (waited > BEHIND_SEND_WITHIN_MS) {
        this.logger.debug('state write behind dropped: the container was paused before it was sent', { waited })
        return false
      }
      sent = Date.now()
      await bounded(state.put(key, json, { ttl }), this.options.timeoutMs)
      if (behindFailing) {
        behindFailing = false
        this.logger.info('state writes behind the answer work again')
      }
      return true
    } catch (e) {
      const since = sent ?? asked
      const bound = sent === undefined ? INIT_TIMEOUT_MS : this.options.timeoutMs
      const took = Date.now() - since
      // A bound that fired long after it was due says the container was frozen, not that State failed.
      if (took > bound + PAUSED_SLACK_MS) {
        this.logger.debug('state write behind unconfirmed: the container was paused', { took })
      } else if (!behindFailing) {
        behindFailing = true
        this.logger.info('state write behind the answer failed; another container may miss this view', {
          op: 'put',
          error: e
        })
      }
      return false
    }
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
  behindFailing = false
}
