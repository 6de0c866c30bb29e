/**
 * One audit line per customer access: who looked up (or invalidated) which hashed identity, where,
 * with what outcome. The identity is a salted hash, so the log proves access without holding it.
 */
import type { Logger } from './logger'

export interface AuditRecord {
  operation: string
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
  logger.info('audit', { audit: record.operation, ...record })
}
