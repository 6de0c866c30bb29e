/**
 * AEP control: the shared latency/fault control plus two AEP switches — whether experience-event
 * lookups are served (the current spec deprecates them) and token revocation at the gateway.
 */

import type { TokenClaims } from '../ims/tokens'
import { Control, type ControlInit } from '../lib/control'
import type { ControlUpdate } from '../lib/types'

export type EventsLookup = 'enabled' | 'refused'

export class AepControl extends Control {
  eventsLookup: EventsLookup
  private readonly seen = new Set<string>()
  private readonly revoked = new Set<string>()
  private revokedBefore = 0

  constructor(init: ControlInit & { eventsLookup?: EventsLookup } = {}) {
    super('aep', init)
    this.eventsLookup = init.eventsLookup ?? 'enabled'
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
  }

  protected override settings(): Record<string, unknown> {
    return { eventsLookup: this.eventsLookup, revokedBefore: this.revokedBefore || null }
  }
}
