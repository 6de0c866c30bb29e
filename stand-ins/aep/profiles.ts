/**
 * Profile lookups: GET /data/core/ups/access/entities (one identity → map keyed by the merged
 * profile id) and POST /entities (many identities; unmatched ones come back with `entity: {}`).
 */
import { json, type Reply, type RequestContext } from '../lib/http'
import { errorContext, profileNotFound } from './errors'
import { parseFields } from './fields'
import { choosePolicy, findCustomer, guardrail, type IdentityRef, PROFILE_SCHEMA, profileItem } from './lookup'
import { type Sandbox, xidFor } from './sandboxes'

/** Identities per POST /entities call; more answers 400. */
export const MAX_IDENTITIES_PER_REQUEST = 100

export function getProfile(ctx: RequestContext, sb: Sandbox): Reply {
  const q = ctx.url.searchParams
  const schema = q.get('schema.name')
  if (schema !== PROFILE_SCHEMA) {
    return errorContext(
      400,
      schema === null
        ? 'UPS-ACC-1000001: Missing required query parameter schema.name.'
        : `UPS-ACC-1000002: Schema ${schema} is not supported.`
    )
  }
  const entityId = q.get('entityId')
  if (entityId === null || entityId === '')
    return errorContext(400, 'UPS-ACC-1000001: Missing required query parameter entityId.')
  const ns = q.get('entityIdNS') ?? undefined
  const ref: IdentityRef = ns === undefined || ns === '' ? { id: entityId } : { id: entityId, ns }

  const policy = choosePolicy(sb, q.get('mergePolicyId') ?? undefined)
  if ('error' in policy) return policy.error
  const found = findCustomer(sb, ref)
  if ('error' in found) return found.error
  if (found.ok === undefined) return profileNotFound()
  const tooBig = guardrail(sb, found.ok)
  if (tooBig) return tooBig
  const item = profileItem(sb, found.ok, policy.ok, parseFields(q.get('fields')), ref)
  return json(200, { [sb.seed.profileId(found.ok)]: item })
}

interface MultiBody {
  schema?: { name?: unknown }
  identities?: unknown
  fields?: unknown
  mergePolicyId?: unknown
}

export async function postEntities(
  ctx: RequestContext,
  sb: Sandbox,
  maxIdentities = MAX_IDENTITIES_PER_REQUEST
): Promise<Reply> {
  const type = (ctx.req.headers['content-type'] ?? '').toLowerCase()
  if (!type.startsWith('application/json'))
    return errorContext(415, 'UPS-ACC-1000007: Content-Type must be application/json.')
  let body: MultiBody
  try {
    const parsed: unknown = JSON.parse((await ctx.body()).toString('utf8'))
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('not an object')
    body = parsed as MultiBody
  } catch {
    return errorContext(400, 'UPS-ACC-1000008: The request body is not a valid JSON object.')
  }
  if (body.schema?.name !== PROFILE_SCHEMA)
    return errorContext(
      400,
      `UPS-ACC-1000002: schema.name must be ${PROFILE_SCHEMA} (the stand-in serves profiles only on POST).`
    )
  const refs = parseIdentities(body.identities)
  if (typeof refs === 'string') return errorContext(400, refs)
  if (refs.length > maxIdentities)
    return errorContext(400, `UPS-ACC-1000009: At most ${maxIdentities} identities per request; got ${refs.length}.`)
  const fields = Array.isArray(body.fields)
    ? body.fields.filter((f): f is string => typeof f === 'string')
    : parseFields(typeof body.fields === 'string' ? body.fields : undefined)
  const policy = choosePolicy(sb, typeof body.mergePolicyId === 'string' ? body.mergePolicyId : undefined)
  if ('error' in policy) return policy.error

  const out: Record<string, unknown> = {}
  for (const ref of refs) {
    const requestedIdentity =
      ref.ns === undefined ? { entityId: ref.id } : { entityId: ref.id, entityIdNS: { code: ref.ns } }
    const found = findCustomer(sb, ref)
    const index = 'ok' in found ? found.ok : undefined
    // Unmatched, unknown-namespace and guardrail-excluded identities all come back empty, never as errors.
    if (index === undefined || guardrail(sb, index)) {
      const key = ref.ns === undefined ? ref.id : xidFor(ref.ns, ref.id)
      out[key] ??= {
        requestedIdentity,
        entityId: key,
        mergePolicy: { id: policy.ok.id },
        sources: [],
        tags: [],
        identityGraph: [],
        entity: {}
      }
      continue
    }
    const key = sb.seed.profileId(index)
    out[key] ??= { requestedIdentity, ...profileItem(sb, index, policy.ok, fields, ref) }
  }
  return json(200, out)
}

function parseIdentities(value: unknown): IdentityRef[] | string {
  if (!Array.isArray(value) || value.length === 0) return 'UPS-ACC-1000001: identities must be a non-empty array.'
  const refs: IdentityRef[] = []
  for (const item of value) {
    const o = typeof item === 'object' && item !== null ? (item as Record<string, unknown>) : {}
    const ns =
      typeof o.entityIdNS === 'object' && o.entityIdNS !== null
        ? (o.entityIdNS as Record<string, unknown>).code
        : undefined
    if (typeof o.entityId !== 'string' || o.entityId === '')
      return 'UPS-ACC-1000001: every identity needs a string entityId.'
    if (ns !== undefined && typeof ns !== 'string') return 'UPS-ACC-1000001: entityIdNS.code must be a string.'
    refs.push(ns === undefined ? { id: o.entityId } : { id: o.entityId, ns })
  }
  return refs
}
