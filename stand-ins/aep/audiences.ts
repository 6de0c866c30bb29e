/**
 * Audience names for segmentMembership ids: GET /data/core/ups/audiences/{id}, the paged list
 * GET /audiences, and GET /segment/definitions/{id} (segmentation.yaml shapes). Audiences come
 * from the seed; everything else in the payload is fixed, plausible metadata.
 */
import { json, type Reply, type RequestContext } from '../lib/http'
import type { AudienceDefinition } from '../seed/types'
import { parsePaging } from './catalog'
import { errorContext, segmentationNotFound } from './errors'
import { PROFILE_SCHEMA } from './lookup'
import type { Sandbox } from './sandboxes'

const CREATED_MS = Date.parse('2024-04-02T10:00:00Z')
const UPDATED_MS = Date.parse('2024-06-12T15:30:00Z')

function common(a: AudienceDefinition, sb: Sandbox, orgId: string): Record<string, unknown> {
  return {
    id: a.id,
    imsOrgId: orgId,
    name: a.name,
    description: a.description,
    // The seed decides membership; the PQL is only there because the payload carries one.
    expression: { type: 'PQL', format: 'pql/text', value: 'true' },
    mergePolicyId: sb.defaultPolicy?.id ?? sb.mergePolicies[0]?.id ?? '',
    profileInstanceId: 'ups',
    schema: { name: PROFILE_SCHEMA },
    evaluationInfo: { batch: { enabled: true }, continuous: { enabled: false }, synchronous: { enabled: false } },
    dataGovernancePolicy: { excludeOptOut: true },
    creationTime: CREATED_MS,
    updateEpoch: Math.floor(UPDATED_MS / 1000),
    updateTime: UPDATED_MS
  }
}

function audienceBody(a: AudienceDefinition, sb: Sandbox, orgId: string): Record<string, unknown> {
  return {
    ...common(a, sb, orgId),
    audienceId: a.id,
    sandbox: { sandboxId: sb.sandboxId, sandboxName: sb.name, type: sb.type, default: sb.name === 'prod' },
    isSystem: false,
    createEpoch: Math.floor(CREATED_MS / 1000),
    _etag: `"${a.id.slice(0, 8)}-0000-0200-0000-625eb7ad0000"`,
    dependents: [],
    definedOn: [
      {
        'meta:resourceType': 'unions',
        'meta:containerId': 'tenant',
        $ref: 'https://ns.adobe.com/xdm/context/profile__union'
      }
    ],
    dependencies: [],
    type: 'SegmentDefinition',
    originName: 'REAL_TIME_CUSTOMER_PROFILE',
    overridePerformanceWarnings: false,
    createdBy: 'cah-stand-in@AdobeID',
    lifecycleState: 'published',
    labels: ['core/C1'],
    namespace: 'AEPSegments'
  }
}

export function getAudience(id: string, sb: Sandbox, orgId: string): Reply {
  const a = sb.seed.audiences.find((x) => x.id === id)
  return a ? json(200, audienceBody(a, sb, orgId)) : segmentationNotFound('audience', id)
}

export function getSegmentDefinition(id: string, sb: Sandbox, orgId: string): Reply {
  const a = sb.seed.audiences.find((x) => x.id === id)
  return a
    ? json(200, { ...common(a, sb, orgId), payloadSchema: 'string' })
    : segmentationNotFound('segment definition', id)
}

export function listAudiences(ctx: RequestContext, sb: Sandbox, orgId: string): Reply {
  const q = ctx.url.searchParams
  const paging = parsePaging(q, 50, 20)
  if (typeof paging === 'string') return errorContext(400, paging)
  const nameFilter = q.get('name')?.toLowerCase()
  const all = sb.seed.audiences
    .filter((a) => nameFilter === undefined || a.name.toLowerCase().includes(nameFilter))
    .sort((a, b) => a.name.localeCompare(b.name))
  const page = all.slice(paging.start, paging.start + paging.limit)
  const hasNext = paging.start + paging.limit < all.length
  return json(200, {
    children: page.map((a) => audienceBody(a, sb, orgId)),
    _page: {
      totalCount: all.length,
      totalPages: Math.ceil(all.length / paging.limit),
      sortField: 'name',
      sort: 'asc',
      pageSize: page.length,
      limit: paging.limit,
      start: paging.start,
      ...(hasNext ? { next: paging.start + paging.limit } : {})
    },
    _links: hasNext
      ? {
          next: {
            href: `@/audiences?start=${paging.start + paging.limit}&limit=${paging.limit}&totalCount=${all.length}`
          }
        }
      : {}
  })
}
