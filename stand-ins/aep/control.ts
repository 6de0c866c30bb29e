/**
 * AEP control: the shared latency/fault control plus AEP switches — whether experience-event
 * lookups are served (the current spec deprecates them), token revocation at the gateway, and the
 * Streaming Ingestion delay with its counters.
 */

import type { TokenClaims } from '../ims/tokens'
import { Control, type ControlInit } from '../lib/control'
import type { ControlUpdate } from '../lib/types'
import type { StreamingSettings } from './streaming-config'
import { Ingestion } from './streaming-store'

export type EventsLookup = 'enabled' | 'refused'

export class AepControl extends Control {
  eventsLookup: EventsLookup
  /** What the streaming endpoint accepted and what has reached Profile (`ingestion.stats()`). */
  readonly ingestion: Ingestion
  private readonly streaming: StreamingSettings | undefined
  private readonly seen = new Set<string>()
  private readonly revoked = new Set<string>()
  private revokedBefore = 0

  constructor(
    init: ControlInit & { eventsLookup?: EventsLookup; ingestionDelayMs?: number; streaming?: StreamingSettings } = {}
  ) {
    super('aep', init)
    this.eventsLookup = init.eventsLookup ?? 'enabled'
    this.ingestion = new Ingestion(init.ingestionDelayMs)
    this.streaming = init.streaming
  }

  /** Also zeroes the streaming counters; events already accepted stay (they are data, not counters). */
  override reset(): void {
    super.reset()
    this.ingestion.resetCounters()
  }

  /** Every token issued so far (seen here, or created before now) answers 401013 from now on. */
  revokeTokens(): void {
    for (const id of this.seen) this.revoked.add(id)
    this.seen.clear()
    this.revokedBefore = Date.now()
  }

  /** Gateway bookkeeping: remembers the token and says whether it was revoked. */
  admit(claims: TokenClaims): boolean {
    if (this.revoked.has(claims.id)) return false
    if (!this.seen.has(claims.id) && Number(claims.created_at) < this.revokedBefore) return false
    this.seen.add(claims.id)
    return true
  }

  protected override applySettings(update: ControlUpdate): void {
    if (update.eventsLookup !== undefined) {
      if (update.eventsLookup !== 'enabled' && update.eventsLookup !== 'refused') {
        throw new RangeError("eventsLookup must be 'enabled' or 'refused'")
      }
      this.eventsLookup = update.eventsLookup
    }
    if (update.revokeTokens !== undefined) {
      if (typeof update.revokeTokens !== 'boolean') throw new RangeError('revokeTokens must be a boolean')
      if (update.revokeTokens) this.revokeTokens()
    }
    if (update.ingestionDelayMs !== undefined) this.ingestion.delayMs = update.ingestionDelayMs as number
    if (update.clearIngested !== undefined) {
      if (typeof update.clearIngested !== 'boolean') throw new RangeError('clearIngested must be a boolean')
      if (update.clearIngested) this.ingestion.clear()
    }
  }

  protected override settings(): Record<string, unknown> {
    const s = this.streaming
    return {
      eventsLookup: this.eventsLookup,
      revokedBefore: this.revokedBefore || null,
      ingestionDelayMs: this.ingestion.delayMs,
      streaming: {
        ...(s ? { connectionIds: [...s.connectionIds], datasetId: s.datasetId, schemaId: s.shape.schemaId } : {}),
        ...this.ingestion.stats(),
        failures: this.ingestion.failedMessages().slice(-10)
      }
    }
  }
}
