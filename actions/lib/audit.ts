/**
 * One audit line per customer lookup: who looked up which (hashed) identity, where, with what
 * outcome. The identity is a salted hash, so the log proves access without holding the value.
 */
import type { Logger } from './logger'

export interface AuditRecord {
  caller: string
  org: string
  sandbox: string | null
  namespace: string | null
  /** identityHash(salt, namespace, id) — never the identity itself. */
  identityHash: string | null
  outcome: string
  status: number
  cache: string | null
  durationMs: number
}

export function audit(logger: Logger, record: AuditRecord): void {
  logger.info('audit', { audit: 'customer-lookup', ...record })
}
