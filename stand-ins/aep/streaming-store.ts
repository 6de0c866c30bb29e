/**
 * What Streaming Ingestion accepted and what has reached Profile. An accepted event waits out the
 * ingestion delay, then lands in its sandbox (streaming-layer.ts). Events land lazily, when
 * anything reads a sandbox or the counters: no timers to outlive a server.
 */
import type { Seed, XdmEvent } from '../seed/types'
import { DEFAULT_INGESTION_DELAY_MS } from './streaming-config'
import { SandboxLayer } from './streaming-layer'
import type { Violation } from './streaming-validate'

export interface StreamingStats {
  /** 200s whose event passed validation. */
  accepted: number
  /** Events that reached Profile. */
  ingested: number
  /** Events dropped on landing: the dataset already held their `_id`. */
  duplicates: number
  /** 200s (asynchronous validation) whose event failed validation: AEP's failed batch. */
  failed: number
  /** Accepted, still inside the ingestion delay. */
  pending: number
}

/** One record of the failed batch, as `GET /export/batches/{id}/failed` would show it. */
export interface FailedMessage {
  xactionId: string
  receivedTimeMs: number
  _validationErrors: Violation[]
}

interface Pending {
  sandbox: string
  datasetId: string
  event: XdmEvent
  dueMs: number
}

const MAX_FAILURES = 100

export class Ingestion {
  private delay = DEFAULT_INGESTION_DELAY_MS
  private readonly pending: Pending[] = []
  private readonly layers = new Map<string, SandboxLayer>()
  private counts = { accepted: 0, ingested: 0, duplicates: 0, failed: 0 }
  private failures: FailedMessage[] = []
  private seq = 0

  constructor(
    delayMs = DEFAULT_INGESTION_DELAY_MS,
    private readonly now: () => number = Date.now
  ) {
    this.delayMs = delayMs
  }

  get delayMs(): number {
    return this.delay
  }

  /** Applies to events accepted from now on; 0 makes them visible before the 200 is sent. */
  set delayMs(ms: number) {
    if (typeof ms !== 'number' || !Number.isFinite(ms) || ms < 0)
      throw new RangeError('ingestionDelayMs must be a number of milliseconds >= 0')
    this.delay = ms
  }

  /** The sandbox's seed with what has landed in it; its reads land whatever is due first. */
  layer(sandbox: string, base: Seed): Seed {
    const layer = new SandboxLayer(base, () => this.settle())
    this.layers.set(sandbox, layer)
    return layer.seed()
  }

  /** An id shaped like Adobe's (`1584479347507:2153:240`). */
  xactionId(receivedMs: number): string {
    this.seq += 1
    return `${receivedMs}:${1000 + Math.floor(Math.random() * 9000)}:${this.seq}`
  }

  accept(sandbox: string, datasetId: string, event: XdmEvent, receivedMs: number): void {
    this.counts.accepted += 1
    this.pending.push({ sandbox, datasetId, event: structuredClone(event), dueMs: receivedMs + this.delay })
    if (this.delay === 0) this.settle()
  }

  fail(message: FailedMessage): void {
    this.counts.failed += 1
    this.failures.push(message)
    if (this.failures.length > MAX_FAILURES) this.failures.shift()
  }

  /** Lands every event whose delay is over, in the order they were accepted. */
  settle(): void {
    const now = this.now()
    for (let k = 0; k < this.pending.length; ) {
      const p = this.pending[k] as Pending
      if (p.dueMs > now) {
        k += 1
        continue
      }
      this.pending.splice(k, 1)
      const landed = this.layers.get(p.sandbox)?.land(p.datasetId, p.event) ?? false
      if (landed) this.counts.ingested += 1
      else this.counts.duplicates += 1
    }
  }

  stats(): StreamingStats {
    this.settle()
    return { ...this.counts, pending: this.pending.length }
  }

  failedMessages(): FailedMessage[] {
    return [...this.failures]
  }

  resetCounters(): void {
    this.counts = { accepted: 0, ingested: 0, duplicates: 0, failed: 0 }
    this.failures = []
  }

  /** Forgets pending and landed events (events-only profiles stay, without events). */
  clear(): void {
    this.pending.length = 0
    for (const layer of this.layers.values()) layer.clear()
  }
}
