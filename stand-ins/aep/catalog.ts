/**
 * Configuration lookups: merge policies (profile.yaml MergePoliciesResponse / MergePolicy) and
 * identity namespaces (identity-service.yaml listNamespaces).
 */
import { json, type Reply, type RequestContext } from '../lib/http'
import { errorContext } from './errors'
import { PROFILE_SCHEMA } from './lookup'
import type { MergePolicyConfig, Sandbox } from './sandboxes'

const CREATED_MS = Date.parse('2024-03-01T09:00:00Z')

function mergePolicyBody(sb: Sandbox, orgId: string, p: MergePolicyConfig): Record<string, unknown> {
  return {
    id: p.id,
    name: p.name,
    imsOrgId: orgId,
    sandbox: { sandboxId: sb.sandboxId, sandboxName: sb.name, type: sb.type, default: sb.name === 'prod' },
    schema: { name: PROFILE_SCHEMA },
    version: 1,
    identityGraph: { type: p.identityGraph },
    attributeMerge: { type: 'timestampOrdered' },
    default: p.default,
    activeOnEdge: p.default,
    updateEpoch: Math.floor(CREATED_MS / 1000)
  }
}

export function listMergePolicies(ctx: RequestContext, sb: Sandbox, orgId: string): Reply {
  const q = ctx.url.searchParams
  const schema = q.get('schema.name')
  const wantDefault = q.get('default')
  let policies = schema !== null && schema !== PROFILE_SCHEMA ? [] : sb.mergePolicies
  if (wantDefault === 'true' || wantDefault === 'false')
    policies = policies.filter((p) => p.default === (wantDefault === 'true'))
  const paging = parsePaging(q, 100)
  if (typeof paging === 'string') return errorContext(400, paging)
  const page = policies.slice(paging.start, paging.start + paging.limit)
  const nextStart = paging.start + paging.limit < policies.length ? String(paging.start + paging.limit) : ''
  const nextParams = new URLSearchParams(q)
  nextParams.set('start', nextStart)
  return json(200, {
    _page: { count: page.length, next: nextStart },
    children: page.map((p) => mergePolicyBody(sb, orgId, p)),
    _links: nextStart === '' ? {} : { next: { href: `/data/core/ups/config/mergePolicies?${nextParams.toString()}` } }
  })
}

export function getMergePolicy(id: string, sb: Sandbox, orgId: string): Reply {
  const policy = sb.policy(id)
  return policy
    ? json(200, mergePolicyBody(sb, orgId, policy))
    : errorContext(404, `UPS-MRG-1000002: Merge policy ${id} does not exist in sandbox ${sb.name}.`)
}

export function listNamespaces(sb: Sandbox): Reply {
  return json(
    200,
    sb.seed.namespaces.map((n) => ({
      updateTime: CREATED_MS,
      code: n.code,
      status: 'ACTIVE',
      createTime: CREATED_MS,
      description: n.description,
      idType: n.idType,
      name: n.name,
      id: n.id,
      custom: n.custom
    }))
  )
}

/** `start` (offset) and `limit` query parameters; limit capped at `max`. */
export function parsePaging(
  q: URLSearchParams,
  max: number,
  defaultLimit = max
): { start: number; limit: number } | string {
  const startRaw = q.get('start')
  const limitRaw = q.get('limit')
  const start = startRaw === null || startRaw === '' ? 0 : Number(startRaw)
  const limit = limitRaw === null || limitRaw === '' ? defaultLimit : Number(limitRaw)
  if (!Number.isInteger(start) || start < 0) return 'start must be a whole number >= 0'
  if (!Number.isInteger(limit) || limit < 1) return 'limit must be a whole number >= 1'
  return { start, limit: Math.min(limit, max) }
}
