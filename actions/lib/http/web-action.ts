/**
 * The shell every endpoint runs in. It reads the request, parses the configuration, checks the
 * method and the bearer token, builds the container's services, confirms with IMS that the caller
 * belongs to the org, writes the audit line, and turns whatever the endpoint throws into a JSON
 * error. An endpoint only declares itself: none can exist without the org check.
 */
import { randomUUID } from 'node:crypto'
import { type Config, type Params, parseConfig } from '../config'
import { MethodNotAllowedError, UnauthenticatedError } from '../errors'
import { authorizeCaller, type Caller } from '../ims'
import { createLogger, type Logger, parseLogLevel } from '../observability'
import { getServices, type Services } from '../services'
import { type AuditNotes, withAudit } from './audited'
import { type ActionResponse, errorResponse } from './responses'
import { methodOf, readWebRequest } from './web-request'

/** The request as the shell has checked it (before the caller is known). */
export interface ActionContext {
  /** The caller's fields (query, then JSON body): data only, never a setting. */
  fields: Record<string, unknown>
  config: Config
  logger: Logger
  requestId: string
  /** Lower-cased request headers. */
  headers: Record<string, string>
  /** The caller's bearer token (already checked to be present and well-formed). */
  callerToken: string
}

/** What an endpoint's handler gets: the checked request, the container's services and the verified caller. */
export interface EndpointContext extends ActionContext {
  services: Services
  caller: Caller
  /** What the handler learns for the audit line (cache status, outcome). */
  notes: AuditNotes
}

export interface Endpoint {
  name: string
  methods: readonly string[]
  /** The audit line's operation; an endpoint that touches no customer (metadata) has none. */
  audit?: string
  handle(ctx: EndpointContext): Promise<ActionResponse>
}

const BEARER = /^Bearer ([A-Za-z0-9._~+/=-]{20,8192})$/

function bearerOf(headers: Record<string, string>): string {
  const auth = headers.authorization
  if (!auth) throw new UnauthenticatedError('Sign in: the request has no Authorization header with an Adobe IMS token.')
  const bearer = BEARER.exec(auth.trim())
  if (!bearer?.[1])
    throw new UnauthenticatedError('The Authorization header must be "Bearer <Adobe IMS access token>".')
  return bearer[1]
}

async function authorized(ctx: ActionContext, endpoint: Endpoint, notes: AuditNotes): Promise<ActionResponse> {
  const services = getServices(ctx.config)
  const caller = await authorizeCaller(
    ctx.callerToken,
    ctx.headers['x-gw-ims-org-id'],
    ctx.config.ims.orgId,
    services.ims
  )
  notes.caller = caller.id
  return endpoint.handle({ ...ctx, services, caller, notes })
}

/** The Runtime `main` of an endpoint. */
export function webAction(endpoint: Endpoint): (params: Params) => Promise<ActionResponse> {
  return async (params: Params) => {
    const requestId = process.env.__OW_ACTIVATION_ID || randomUUID()
    let logger = createLogger(parseLogLevel(params.LOG_LEVEL), { action: endpoint.name, requestId })
    try {
      const method = methodOf(params)
      if (!endpoint.methods.includes(method)) throw new MethodNotAllowedError([...endpoint.methods])
      // The request is read first: one that names a setting is refused before any setting is used.
      const request = readWebRequest(params)
      const config = parseConfig(params)
      logger = createLogger(config.logLevel, { action: endpoint.name, requestId })
      const ctx: ActionContext = {
        fields: request.fields,
        config,
        logger,
        requestId,
        headers: request.headers,
        callerToken: bearerOf(request.headers)
      }
      const operation = endpoint.audit
      return await (operation
        ? withAudit(ctx, operation, (notes) => authorized(ctx, endpoint, notes))
        : authorized(ctx, endpoint, { caller: 'unknown', cache: null, outcome: 'ok' }))
    } catch (e) {
      return errorResponse(e, logger, requestId)
    }
  }
}
