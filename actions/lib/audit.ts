/**
 * One audit line per customer access: who looked up (or invalidated) which hashed identity, where,
 * with what outcome. The identity is a salted hash, so the log proves access without holding it.
 */
import { unverifiedCaller } from './caller-auth'
import { AppError } from './errors'
import { identityHash } from './hashing'
import type { ActionResponse } from './http'
import { normaliseIdentity } from './identity'
import type { Logger } from './logger'
import type { ActionContext } from './web-action'

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

/** What the work learns as it goes and the audit line reports. */
export interface AuditNotes {
  caller: string
  cache: string | null
  outcome: string
}

/** Runs `work` and writes exactly one audit line for it, whether it answers or throws. */
export async function withAudit(ctx: ActionContext, operation: string, work: (notes: AuditNotes) => Promise<ActionResponse>): Promise<ActionResponse> {
  const { config, fields: params } = ctx
  const started = performance.now()
  const notes: AuditNotes = { caller: 'unknown', cache: null, outcome: 'ok' }
  let status = 500
  try {
    const res = await work(notes)
    status = res.statusCode
    return res
  } catch (e) {
    status = e instanceof AppError ? e.status : 500
    notes.outcome = e instanceof AppError ? e.code : 'INTERNAL_ERROR'
    // A refused caller is still named (as the token claims it) so refused attempts can be traced.
    if (notes.caller === 'unknown') notes.caller = unverifiedCaller(ctx.callerToken)
    throw e
  } finally {
    const probe = normaliseIdentity(params.namespace, params.id, config.phoneDefaultCountryCode)
    audit(ctx.logger, {
      operation,
      caller: notes.caller,
      org: config.ims.orgId,
      sandbox: params.sandbox === undefined ? config.aep.sandbox : typeof params.sandbox === 'string' && /^[a-z0-9-]{1,64}$/.test(params.sandbox) ? params.sandbox : 'invalid',
      namespace: probe.ok ? probe.identity.namespace : null,
      identityHash: probe.ok ? identityHash(config.identitySalt, probe.identity.namespace, probe.identity.id) : null,
      outcome: notes.outcome,
      status,
      cache: notes.cache,
      durationMs: Math.round(performance.now() - started)
    })
  }
}
