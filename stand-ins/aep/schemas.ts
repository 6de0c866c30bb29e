/**
 * Schema Registry union lookups (help/xdm/api/unions.md): `GET /data/foundation/schemaregistry/
 * tenant/{schemas|unions}/{UNION_ID}`, the id being the URL-encoded `$id`
 * (https://ns.adobe.com/xdm/context/profile__union, …/experienceevent__union) or the
 * `meta:altId` (_xdm.context.profile__union). The union is derived from the sandbox's own data —
 * the first customers' profiles and events plus the last few (where hand-made extras sit) — so
 * every field the stand-in can return is in it. Errors use the Schema Registry's body
 * (help/xdm/troubleshooting-guide.md): `{ type: "/placeholder/type/uri", status, title, detail }`.
 */
import { header, json, type Reply, type RequestContext } from '../lib/http'
import type { Seed } from '../seed/types'
import type { Sandbox } from './sandboxes'
import type { EventField } from './streaming-config'

export const SCHEMA_REGISTRY_BASE_PATH = '/data/foundation/schemaregistry'

/** A JSON Schema node as `application/vnd.adobe.xed-full+json` resolves it. */
export interface SchemaNode {
  type: 'object' | 'array' | 'string' | 'number' | 'integer' | 'boolean'
  format?: 'date' | 'date-time'
  properties?: Record<string, SchemaNode>
  items?: SchemaNode
  /** Maps (identityMap, segmentMembership): any key, values of this shape. */
  additionalProperties?: SchemaNode
}

type UnionKind = 'profile' | 'event'

const UNIONS: Record<UnionKind, { id: string; altId: string; cls: string; extra: string[] }> = {
  profile: {
    id: 'https://ns.adobe.com/xdm/context/profile__union',
    altId: '_xdm.context.profile__union',
    cls: 'https://ns.adobe.com/xdm/context/profile',
    extra: ['https://ns.adobe.com/xdm/data/record', 'https://ns.adobe.com/xdm/context/profile-person-details']
  },
  event: {
    id: 'https://ns.adobe.com/xdm/context/experienceevent__union',
    altId: '_xdm.context.experienceevent__union',
    cls: 'https://ns.adobe.com/xdm/context/experienceevent',
    extra: ['https://ns.adobe.com/xdm/data/time-series', 'https://ns.adobe.com/xdm/context/experienceevent-commerce']
  }
}

/** Customers read to build a union: cheap for 100 000 customers, and enough to meet every field. */
const FIRST_CUSTOMERS = 200
const LAST_CUSTOMERS = 16
/** Fields whose keys are data (namespaces, audience ids), not schema. */
const MAPS = new Set(['identityMap', 'segmentMembership', 'segmentMembership.*'])
const DATE = /^\d{4}-\d{2}-\d{2}$/
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/

function leaf(v: unknown): SchemaNode | undefined {
  if (typeof v === 'boolean') return { type: 'boolean' }
  if (typeof v === 'number') return { type: Number.isInteger(v) ? 'integer' : 'number' }
  if (typeof v !== 'string') return undefined
  if (DATE_TIME.test(v)) return { type: 'string', format: 'date-time' }
  if (DATE.test(v)) return { type: 'string', format: 'date' }
  return { type: 'string' }
}

/** Folds one value into `node` (created when absent); `path` names the field, `*` for map keys. */
function fold(node: SchemaNode | undefined, v: unknown, path: string): SchemaNode | undefined {
  if (v === null || v === undefined) return node
  if (Array.isArray(v)) {
    const out: SchemaNode = node?.type === 'array' ? node : { type: 'array' }
    for (const item of v) out.items = fold(out.items, item, `${path}[]`)
    return out
  }
  if (typeof v === 'object') {
    const out: SchemaNode = node?.type === 'object' ? node : { type: 'object' }
    const isMap = MAPS.has(path)
    for (const [k, child] of Object.entries(v as Record<string, unknown>)) {
      if (isMap) {
        out.additionalProperties = fold(out.additionalProperties, child, `${path}.*`)
      } else {
        out.properties ??= {}
        const next = fold(out.properties[k], child, path === '' ? k : `${path}.${k}`)
        if (next) out.properties[k] = next
      }
    }
    return out
  }
  const l = leaf(v)
  if (!node || !l) return node ?? l
  // A field seen both whole and fractional is a number; a date seen as free text is a string.
  if (node.type === 'integer' && l.type === 'number') return l
  if (node.format && node.format !== l.format) return { type: 'string' }
  return node
}

function sampleIndexes(size: number): number[] {
  const out = new Set<number>()
  for (let i = 0; i < Math.min(FIRST_CUSTOMERS, size); i++) out.add(i)
  for (let i = Math.max(0, size - LAST_CUSTOMERS); i < size; i++) out.add(i)
  return [...out]
}

const CACHE = new WeakMap<Seed, Record<UnionKind, SchemaNode>>()

/** The profile and event union trees of a seed's data (computed once per seed). */
export function unionTrees(seed: Seed): Record<UnionKind, SchemaNode> {
  const cached = CACHE.get(seed)
  if (cached) return cached
  let profile: SchemaNode = { type: 'object', properties: {} }
  let event: SchemaNode = { type: 'object', properties: {} }
  for (const i of sampleIndexes(seed.size)) {
    profile = fold(profile, seed.profile(i), '') ?? profile
    for (const e of seed.events(i)) event = fold(event, e, '') ?? event
  }
  const trees = { profile, event }
  CACHE.set(seed, trees)
  return trees
}

function registryError(status: number, title: string, detail: string): Reply {
  return json(status, { type: '/placeholder/type/uri', status, title, detail })
}

const ACCEPT =
  /^application\/vnd\.adobe\.(xed|xed-full|xed-full-notext|xed-notext)\+json\s*(;\s*version\s*=\s*([\d.]+))?\s*$/i

/** A copy of `tree` with each declared field (a dot path; a date or a string) in it. */
function withFields(tree: SchemaNode, fields: readonly EventField[]): SchemaNode {
  const root: SchemaNode = structuredClone(tree)
  for (const { path, format } of fields) {
    let node = root
    const parts = path.split('.')
    parts.forEach((part, i) => {
      node.properties ??= {}
      const last = i === parts.length - 1
      const leaf: SchemaNode = format === 'date' ? { type: 'string', format: 'date' } : { type: 'string' }
      node.properties[part] ??= last ? leaf : { type: 'object' }
      node = node.properties[part]
    })
  }
  return root
}

/**
 * GET …/tenant/schemas/{id} or …/tenant/unions/{id} for a profile or event union. The event union
 * also holds the streaming dataset's schema (`eventFields`): in AEP every Profile-enabled schema
 * of a class joins its union, whether or not an event of it exists yet.
 */
export function getUnion(ctx: RequestContext, sb: Sandbox, id: string, eventFields: readonly EventField[] = []): Reply {
  const accept = header(ctx.req, 'accept')
  if (accept === undefined || accept.trim() === '' || accept.trim() === '*/*')
    return registryError(406, 'NotAcceptableError', 'Accept header parameter is required')
  const m = ACCEPT.exec(accept.trim())
  if (!m) return registryError(406, 'NotAcceptableError', `Unknown Accept media supplied: ${accept.trim()}`)
  if (m[3] === undefined)
    return registryError(
      400,
      'BadRequestError',
      'version must be supplied in the accept header. Example: application/vnd.adobe.xed-full-notext+json; version=1'
    )
  const kind = (Object.keys(UNIONS) as UnionKind[]).find((k) => UNIONS[k].id === id || UNIONS[k].altId === id)
  if (kind === undefined) return registryError(404, 'NotFoundError', `Object ${id} with version ${m[3]} not found`)
  const u = UNIONS[kind]
  const resolved = (m[1] ?? '').toLowerCase().startsWith('xed-full')
  const mixins = [u.cls, ...u.extra, 'https://ns.adobe.com/_demotenant/mixins/demo-org-fields']
  const body: Record<string, unknown> = {
    $id: u.id,
    'meta:altId': u.altId,
    'meta:resourceType': 'unions',
    'meta:containerId': 'tenant',
    'meta:class': u.cls,
    version: '1.0',
    title: `Union object for ${u.cls}`,
    description: `Union view of all schemas that extend ${u.cls}`,
    type: 'object',
    'meta:extends': [
      ...mixins,
      'https://ns.adobe.com/xdm/context/identitymap',
      'https://ns.adobe.com/xdm/common/extensible'
    ],
    'meta:registryMetadata': {}
  }
  if (resolved) {
    const tree = unionTrees(sb.seed)[kind]
    body.properties = (kind === 'event' ? withFields(tree, eventFields) : tree).properties ?? {}
  } else body.allOf = mixins.map(($ref) => ({ $ref }))
  return json(200, body, {
    'content-type': `application/vnd.adobe.${(m[1] ?? 'xed').toLowerCase()}+json; version=${m[3]}`
  })
}
