/**
 * Maps AEP paths to route ids and handlers. Every Platform route passes the gateway checks first;
 * the Streaming Ingestion route (`POST /collection/{id}`, the collection host's path) checks its
 * token itself, as that service does. Route ids: entities.profile, entities.events, entities.multi,
 * mergePolicies, mergePolicy, audiences, audiences.list, segmentDefinitions, namespaces,
 * schemas.union, streaming.collection, notFound, methodNotAllowed.
 */
import type { Handler, Reply, RequestContext, RouteMatch, Router } from '../lib/http'
import { getAudience, getSegmentDefinition, listAudiences } from './audiences'
import { getMergePolicy, listMergePolicies, listNamespaces } from './catalog'
import { methodNotAllowed, routeNotFound } from './errors'
import { getEvents, refusedEvents } from './events'
import { checkGateway, type GatewaySettings } from './gateway'
import { EVENT_SCHEMA } from './lookup'
import { getProfile, postEntities } from './profiles'
import type { Sandbox } from './sandboxes'
import { getUnion, SCHEMA_REGISTRY_BASE_PATH } from './schemas'
import { postCollection, type StreamingRouteSettings } from './streaming'
import { STREAMING_ROUTE } from './streaming-config'

export const AEP_BASE_PATH = '/data/core'

export interface AepRouteSettings extends GatewaySettings, StreamingRouteSettings {
  maxIdentitiesPerRequest: number
}

/** Streaming Ingestion's single-message path (dcs.adobedc.net/collection/{CONNECTION_ID}). */
export const STREAMING_BASE_PATH = '/collection'

type SandboxHandler = (ctx: RequestContext, sb: Sandbox) => Reply | Promise<Reply>

export function aepRouter(s: AepRouteSettings): Router {
  const guarded =
    (fn: SandboxHandler, defaultSandbox?: string): Handler =>
    (ctx) => {
      const gate = checkGateway(ctx, s, defaultSandbox)
      return 'error' in gate ? gate.error : fn(ctx, gate.sandbox)
    }
  const only = (
    method: string,
    actual: string,
    route: string,
    fn: SandboxHandler,
    defaultSandbox?: string
  ): RouteMatch =>
    method === actual
      ? { route, handle: guarded(fn, defaultSandbox) }
      : { route: 'methodNotAllowed', handle: (ctx) => methodNotAllowed(ctx.method, ctx.url.pathname) }

  return (method, url) => {
    const path = url.pathname.replace(/\/+$/, '')
    if (path === `${AEP_BASE_PATH}/ups/access/entities`) {
      if (method === 'POST')
        return {
          route: 'entities.multi',
          handle: guarded((ctx, sb) => postEntities(ctx, sb, s.maxIdentitiesPerRequest))
        }
      const events = url.searchParams.get('schema.name') === EVENT_SCHEMA
      return only(
        'GET',
        method,
        events ? 'entities.events' : 'entities.profile',
        events ? (ctx, sb) => (s.control.eventsLookup === 'refused' ? refusedEvents() : getEvents(ctx, sb)) : getProfile
      )
    }
    if (path === `${AEP_BASE_PATH}/ups/config/mergePolicies`) {
      return only('GET', method, 'mergePolicies', (ctx, sb) => listMergePolicies(ctx, sb, s.orgId))
    }
    if (path === `${AEP_BASE_PATH}/ups/audiences`) {
      return only('GET', method, 'audiences.list', (ctx, sb) => listAudiences(ctx, sb, s.orgId))
    }
    if (path === `${AEP_BASE_PATH}/idnamespace/identities`) {
      // Identity Service falls back to the prod sandbox when x-sandbox-name is absent.
      return only('GET', method, 'namespaces', (_ctx, sb) => listNamespaces(sb), 'prod')
    }
    const policy = tail(path, `${AEP_BASE_PATH}/ups/config/mergePolicies/`)
    if (policy !== undefined)
      return only('GET', method, 'mergePolicy', (_ctx, sb) => getMergePolicy(policy, sb, s.orgId))
    const audience = tail(path, `${AEP_BASE_PATH}/ups/audiences/`)
    if (audience !== undefined)
      return only('GET', method, 'audiences', (_ctx, sb) => getAudience(audience, sb, s.orgId))
    const union =
      tail(path, `${SCHEMA_REGISTRY_BASE_PATH}/tenant/schemas/`) ??
      tail(path, `${SCHEMA_REGISTRY_BASE_PATH}/tenant/unions/`)
    if (union !== undefined)
      return only('GET', method, 'schemas.union', (ctx, sb) => getUnion(ctx, sb, union, s.streaming.shape.fields))
    const inlet = tail(path, `${STREAMING_BASE_PATH}/`)
    if (inlet !== undefined)
      return method === 'POST'
        ? { route: STREAMING_ROUTE, handle: (ctx) => postCollection(ctx, inlet, s) }
        : { route: 'methodNotAllowed', handle: (ctx) => methodNotAllowed(ctx.method, ctx.url.pathname) }
    const segment = tail(path, `${AEP_BASE_PATH}/ups/segment/definitions/`)
    if (segment !== undefined)
      return only('GET', method, 'segmentDefinitions', (_ctx, sb) => getSegmentDefinition(segment, sb, s.orgId))
    return { route: 'notFound', handle: (ctx) => routeNotFound(ctx.method, ctx.url.pathname) }
  }
}

/** The single path segment after `prefix`, decoded; undefined when the path does not match. */
function tail(path: string, prefix: string): string | undefined {
  if (!path.startsWith(prefix)) return undefined
  const rest = path.slice(prefix.length)
  if (rest === '' || rest.includes('/')) return undefined
  try {
    return decodeURIComponent(rest)
  } catch {
    return undefined
  }
}
