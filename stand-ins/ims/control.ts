/**
 * IMS control: the shared latency/fault control plus token revocation, so a test can turn every
 * token issued so far into a 401013 at AEP and `valid:false` at validate_token.
 */
import { Control, type ControlInit } from '../lib/control'
import type { ControlUpdate } from '../lib/types'
import type { TokenClaims } from './tokens'

export class ImsControl extends Control {
  private readonly issued = new Set<string>()
  private readonly revoked = new Set<string>()
  private revokedBefore = 0

  constructor(init: ControlInit = {}) {
    super('ims', init)
  }

  /** Remembers a token id so a later `revokeTokens()` covers it exactly. */
  track(claims: TokenClaims): void {
    this.issued.add(claims.id)
  }

  /** Revokes every token issued so far, including ones minted outside this server before now. */
  revokeTokens(): void {
    for (const id of this.issued) this.revoked.add(id)
    this.issued.clear()
    this.revokedBefore = Date.now()
  }

  isRevoked(claims: TokenClaims): boolean {
    return (
      this.revoked.has(claims.id) || (!this.issued.has(claims.id) && Number(claims.created_at) < this.revokedBefore)
    )
  }

  protected override applySettings(update: ControlUpdate): void {
    if (update.revokeTokens === undefined) return
    if (typeof update.revokeTokens !== 'boolean') throw new RangeError('revokeTokens must be a boolean')
    if (update.revokeTokens) this.revokeTokens()
  }

  protected override settings(): Record<string, unknown> {
    return { revokedTokens: this.revoked.size, revokedBefore: this.revokedBefore || null }
  }
}
