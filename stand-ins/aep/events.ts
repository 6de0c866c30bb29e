/**
 * Experience-event lookup (profile-2024-11.yaml; deprecated in the current spec):
 * GET /entities?schema.name=_xdm.context.experienceevent&relatedSchema.name=_xdm.context.profile
 * &relatedEntityId&relatedEntityIdNS&startTime&endTime&limit&orderby&start&fields.
 * Pages carry `_page` and `_links.next.href` (relative to /data/core/ups/access); the cursor is
 * the `_id` of the first event of a page, as in Adobe's entities guide.
 */
import { json, type Reply, type RequestContext } from '../lib/http'
import type { XdmEvent } from '../seed/types'
import { errorContext, profileNotFound } from './errors'
import { parseFields, pickFields } from './fields'
import { choosePolicy, EVENT_SCHEMA, findCustomer, guardrail, type IdentityRef, PROFILE_SCHEMA } from './lookup'
import type { Sandbox } from './sandboxes'

export const DEFAULT_EVENT_LIMIT = 1000
export const MAX_EVENT_LIMIT = 1000

export function refusedEvents(): Reply {
  return errorContext(
    422,
    'UPS-ACC-1000019: Experience event lookup is deprecated and not enabled for this organization.'
  )
}

export function getEvents(ctx: RequestContext, sb: Sandbox): Reply {
  const q = ctx.url.searchParams
  if (q.get('relatedSchema.name') !== PROFILE_SCHEMA) {
    return errorContext(
      400,
      `UPS-ACC-1000001: relatedSchema.name must be ${PROFILE_SCHEMA} when schema.name is ${EVENT_SCHEMA}.`
    )
  }
  const related = q.get('relatedEntityId')
  if (related === null || related === '')
    return errorContext(400, 'UPS-ACC-1000001: Missing required query parameter relatedEntityId.')
  const ns = q.get('relatedEntityIdNS')
  const ref: IdentityRef = ns === null || ns === '' ? { id: related } : { id: related, ns }

  const window = parseWindow(q)
  if (typeof window === 'string') return errorContext(400, window)
  const policy = choosePolicy(sb, q.get('mergePolicyId') ?? undefined, EVENT_SCHEMA)
  if ('error' in policy) return policy.error
  const found = findCustomer(sb, ref)
  if ('error' in found) return found.error
  if (found.ok === undefined) return profileNotFound()
  const tooBig = guardrail(sb, found.ok)
  if (tooBig) return tooBig

  const newestFirst = sb.seed.events(found.ok).filter((e) => inWindow(e, window.startTime, window.endTime))
  const ordered = window.descending ? newestFirst : [...newestFirst].reverse()
  let from = 0
  if (window.start !== undefined) {
    from = ordered.findIndex((e) => e._id === window.start)
    if (from < 0) return errorContext(400, `UPS-ACC-1000011: start cursor ${window.start} is not valid for this query.`)
  }
  const page = ordered.slice(from, from + window.limit)
  const next = ordered[from + window.limit]?._id ?? ''
  const fields = parseFields(q.get('fields'))
  const profileXid = sb.seed.profileId(found.ok)

  return json(200, {
    _page: { orderby: window.orderby, start: page[0]?._id ?? '', count: page.length, next },
    children: page.map((e) => ({
      relatedEntityId: profileXid,
      entityId: e._id,
      timestamp: Date.parse(e.timestamp),
      entity: pickFields(e, fields),
      lastModifiedAt: e.timestamp
    })),
    _links: { next: { href: next === '' ? '' : nextHref(q, next) } }
  })
}

interface Window {
  startTime?: number
  endTime?: number
  limit: number
  orderby: '+timestamp' | '-timestamp'
  descending: boolean
  start?: string
}

function parseWindow(q: URLSearchParams): Window | string {
  const num = (name: string): number | undefined | string => {
    const v = q.get(name)
    if (v === null || v === '') return undefined
    const n = Number(v)
    return Number.isFinite(n) ? n : `UPS-ACC-1000012: ${name} must be a number of milliseconds.`
  }
  const startTime = num('startTime')
  const endTime = num('endTime')
  if (typeof startTime === 'string') return startTime
  if (typeof endTime === 'string') return endTime
  const limitRaw = q.get('limit')
  const limit = limitRaw === null || limitRaw === '' ? DEFAULT_EVENT_LIMIT : Number(limitRaw)
  if (!Number.isInteger(limit) || limit < 1) return 'UPS-ACC-1000013: limit must be a whole number >= 1.'
  // An unencoded '+' arrives as a space; AEP reads it as ascending, so do we.
  const order = (q.get('orderby') ?? '+timestamp').trim()
  if (!['timestamp', '+timestamp', '-timestamp'].includes(order))
    return 'UPS-ACC-1000014: orderby must be +timestamp or -timestamp.'
  const descending = order === '-timestamp'
  const start = q.get('start') ?? undefined
  return {
    startTime,
    endTime,
    limit: Math.min(limit, MAX_EVENT_LIMIT),
    orderby: descending ? '-timestamp' : '+timestamp',
    descending,
    start: start === '' ? undefined : start
  }
}

function inWindow(e: XdmEvent, startTime?: number, endTime?: number): boolean {
  const t = Date.parse(e.timestamp)
  return (startTime === undefined || t >= startTime) && (endTime === undefined || t < endTime)
}

/** Same query with the new cursor first, relative to /data/core/ups/access like Adobe's. */
function nextHref(q: URLSearchParams, next: string): string {
  const params = new URLSearchParams({ start: next })
  for (const [k, v] of q) if (k !== 'start') params.append(k, v)
  return `/entities?${params.toString()}`
}
