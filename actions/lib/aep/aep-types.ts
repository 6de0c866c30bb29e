/**
 * The shapes AEP answers with, and guards that turn its parsed JSON into them. AEP data is
 * untrusted input: anything missing or of the wrong type is dropped, never trusted or thrown on.
 */
import { UpstreamError } from '../errors'
import type { HttpAnswer } from './upstream-http'

export type Json = Record<string, unknown>

export interface AepProfileEntity {
  /** The merged profile id (XID). */
  entityId: string
  mergePolicyId: string | null
  entity: Json
  lastModifiedAt: string | null
}

export interface AepEvent {
  entityId: string
  /** Epoch ms. */
  timestamp: number | null
  entity: Json
}

export interface AepEventsPage {
  events: AepEvent[]
  /** `_links.next.href` as AEP gave it; null on the last page. */
  next: string | null
}

export interface AepMergePolicy {
  id: string
  name: string
  isDefault: boolean
}

export interface AepNamespace {
  code: string
  name: string
  idType: string | null
  custom: boolean
}

export function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

export function str(v: unknown): string | null {
  return typeof v === 'string' && v !== '' ? v : null
}

function bad(what: string): UpstreamError {
  return new UpstreamError('UPSTREAM_BAD_RESPONSE', 'AEP', `Experience Platform sent ${what} in an unexpected shape.`)
}

/** GET/POST entities answers are a map keyed by merged profile id; entries with an empty entity are misses. */
export function asProfileMap(body: unknown): AepProfileEntity[] {
  if (!isObject(body)) throw bad('a profile')
  const out: AepProfileEntity[] = []
  for (const [key, value] of Object.entries(body)) {
    if (!isObject(value) || !isObject(value.entity) || Object.keys(value.entity).length === 0) continue
    out.push({
      entityId: str(value.entityId) ?? key,
      mergePolicyId: isObject(value.mergePolicy) ? str(value.mergePolicy.id) : null,
      entity: value.entity,
      lastModifiedAt: str(value.lastModifiedAt)
    })
  }
  return out
}

/** The multi-entity answer: every item, empty ones included, with the identity it was asked for. */
export function asProfileItems(
  body: unknown
): Array<AepProfileEntity & { requested: { id: string; ns: string } | null }> {
  if (!isObject(body)) throw bad('profiles')
  return Object.entries(body).flatMap(([key, value]) => {
    if (!isObject(value)) return []
    const r = isObject(value.requestedIdentity) ? value.requestedIdentity : null
    const id = r ? (str(r.entityId) ?? (typeof r.entityId === 'number' ? String(r.entityId) : null)) : null
    const ns = r && isObject(r.entityIdNS) ? str(r.entityIdNS.code) : null
    return [
      {
        entityId: str(value.entityId) ?? key,
        mergePolicyId: isObject(value.mergePolicy) ? str(value.mergePolicy.id) : null,
        entity: isObject(value.entity) ? value.entity : {},
        lastModifiedAt: str(value.lastModifiedAt),
        requested: id && ns ? { id, ns } : null
      }
    ]
  })
}

export function asEventsPage(body: unknown): AepEventsPage {
  if (!isObject(body)) throw bad('experience events')
  const children = Array.isArray(body.children) ? body.children : []
  const events: AepEvent[] = []
  for (const c of children) {
    if (!isObject(c) || !isObject(c.entity)) continue
    const ts = typeof c.timestamp === 'number' && Number.isFinite(c.timestamp) ? c.timestamp : null
    events.push({ entityId: str(c.entityId) ?? str(c.entity._id) ?? '', timestamp: ts, entity: c.entity })
  }
  const links = isObject(body._links) && isObject(body._links.next) ? str(body._links.next.href) : null
  return { events, next: links }
}

export function audienceName(body: unknown): string | null {
  return isObject(body) ? str(body.name) : null
}

export function asMergePolicies(body: unknown): AepMergePolicy[] {
  if (!isObject(body) || !Array.isArray(body.children)) throw bad('merge policies')
  return body.children.filter(isObject).flatMap((p) => {
    const id = str(p.id)
    return id ? [{ id, name: str(p.name) ?? id, isDefault: p.default === true }] : []
  })
}

export function asNamespaces(body: unknown): AepNamespace[] {
  if (!Array.isArray(body)) throw bad('identity namespaces')
  return body.filter(isObject).flatMap((n) => {
    const code = str(n.code)
    return code ? [{ code, name: str(n.name) ?? code, idType: str(n.idType), custom: n.custom === true }] : []
  })
}

/** AEP's retry hint: `retryAfterMs` of its 429 array body, else the Retry-After header (seconds). */
export function retryAfterMs(answer: HttpAnswer): number | undefined {
  try {
    const body: unknown = JSON.parse(answer.text)
    const first: unknown = Array.isArray(body) ? body[0] : body
    const raw = isObject(first) ? first.retryAfterMs : undefined
    const hint = typeof raw === 'string' || typeof raw === 'number' ? Number(raw) : NaN
    if (Number.isFinite(hint) && hint >= 0) return hint
  } catch {
    /* fall through to the header */
  }
  const header = answer.headers.get('retry-after')
  const seconds = header === null || header.trim() === '' ? NaN : Number(header)
  return Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : undefined
}

/** An identity as AEP is asked about it: our namespace code, AEP's, and the normalised value. */
export interface NormalisedIdentity {
  /** Our lower-case namespace code (`email`, `phone`, `ecid`, `crmid`, or the org's own code). */
  namespace: string
  /** The namespace code as AEP expects it in `entityIdNS` (`Email`, `Phone`, `ECID`, `CRMID`, …). */
  aepNamespace: string
  id: string
}
