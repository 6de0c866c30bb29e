/**
 * Exactly one audit line per request that reaches an endpoint's work, whatever the outcome.
 */
import { AppError } from '../errors'
import { unverifiedCaller } from '../ims'
import { normaliseIdentity } from '../input'
import { audit, identityHash } from '../observability'
import type { ActionResponse } from './responses'
import type { ActionContext } from './web-action'

/** What the work learns as it goes and the audit line reports. */
export interface AuditNotes {
  caller: string
  cache: string | null
  outcome: string
}

/** Runs `work` and writes exactly one audit line for it, whether it answers or throws. */
export async function withAudit(
  ctx: ActionContext,
  operation: string,
  work: (notes: AuditNotes) => Promise<ActionResponse>
): Promise<ActionResponse> {
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
      sandbox:
        params.sandbox === undefined
          ? config.aep.sandbox
          : typeof params.sandbox === 'string' && /^[a-z0-9-]{1,64}$/.test(params.sandbox)
            ? params.sandbox
            : 'invalid',
      namespace: probe.ok ? probe.identity.namespace : null,
      identityHash: probe.ok ? identityHash(config.identitySalt, probe.identity.namespace, probe.identity.id) : null,
      outcome: notes.outcome,
      status,
      cache: notes.cache,
      durationMs: Math.round(performance.now() - started)
    })
  }
}
