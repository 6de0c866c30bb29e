/**
 * The customer-profile request from start to end: check the caller, validate the query, look the
 * customer up through the cache, and write the audit line whatever the outcome.
 */
import { audit } from './audit'
import { authorizeCaller } from './caller-auth'
import { cachedLookup } from './cached-lookup'
import { AppError } from './errors'
import { identityHash } from './hashing'
import { ok, type ActionResponse } from './http'
import { normaliseIdentity } from './identity'
import { parseLookupRequest, SECTIONS, type Section } from './lookup-request'
import type { CustomerView } from './view-types'
import { getServices } from './services'
import type { ActionContext } from './web-action'

/** `Cache-Control: no-cache` (or no-store) or `refresh=true` skip the cache for fresh data. */
export function wantsBypass(ctx: ActionContext): boolean {
  const cc = ctx.headers['cache-control'] ?? ''
  return /\bno-(cache|store)\b/i.test(cc) || ctx.params.refresh === 'true' || ctx.params.refresh === true
}

/** Only the sections the caller asked for (`fields`), plus the profile id; meta always. */
export function project(view: CustomerView, sections: ReadonlySet<Section>): unknown {
  if (SECTIONS.every((s) => sections.has(s))) return view
  const customer: Record<string, unknown> = { profileId: view.customer.profileId }
  for (const s of sections) customer[s] = view.customer[s]
  return { customer, meta: view.meta }
}

export async function serveCustomerLookup(ctx: ActionContext): Promise<ActionResponse> {
  const { config, logger, requestId, params } = ctx
  const started = performance.now()
  const services = getServices(config)
  const probe = normaliseIdentity(params.namespace, params.id, config.phoneDefaultCountryCode)
  let caller = 'unknown'
  let outcome = 'error'
  let status = 500
  let cache: string | null = null
  try {
    caller = (await authorizeCaller(ctx.callerToken, ctx.headers['x-gw-ims-org-id'], config.ims.orgId, services.ims)).id
    const request = parseLookupRequest(params, config)
    const view = await cachedLookup(request, { ...services, config, logger }, wantsBypass(ctx))
    view.meta.requestId = requestId
    cache = view.meta.cache?.status ?? null
    outcome = 'found'
    status = 200
    return ok(project(view, request.sections), requestId)
  } catch (e) {
    status = e instanceof AppError ? e.status : 500
    outcome = e instanceof AppError ? e.code : 'INTERNAL_ERROR'
    throw e
  } finally {
    audit(logger, {
      caller,
      org: config.ims.orgId,
      sandbox: typeof params.sandbox === 'string' ? params.sandbox.slice(0, 64) : config.aep.sandbox,
      namespace: probe.ok ? probe.identity.namespace : null,
      identityHash: probe.ok ? identityHash(config.identitySalt, probe.identity.namespace, probe.identity.id) : null,
      outcome,
      status,
      cache,
      durationMs: Math.round(performance.now() - started)
    })
  }
}
