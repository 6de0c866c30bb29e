/**
 * The shape every web action shares: read the request, parse the configuration, check the method
 * and the caller's credentials, run the handler, and turn whatever it throws into a JSON error.
 */
import { randomUUID } from 'node:crypto'
import { parseConfig, type Config, type Params } from './config'
import { MethodNotAllowedError, UnauthenticatedError } from './errors'
import { errorResponse, type ActionResponse } from './http'
import { createLogger, parseLogLevel, type Logger } from './logger'
import { methodOf, readWebRequest } from './web-request'

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

export type Handler = (ctx: ActionContext) => Promise<ActionResponse>

const BEARER = /^Bearer ([A-Za-z0-9._~+/=-]{20,8192})$/

export function webAction(name: string, methods: string[], handler: Handler): (params: Params) => Promise<ActionResponse> {
  return async (params: Params) => {
    const requestId = process.env.__OW_ACTIVATION_ID || randomUUID()
    let logger = createLogger(parseLogLevel(params.LOG_LEVEL), { action: name, requestId })
    try {
      const method = methodOf(params)
      if (!methods.includes(method)) throw new MethodNotAllowedError(methods)
      // The request is read first: one that names a setting is refused before any setting is used.
      const request = readWebRequest(params)
      const config = parseConfig(params)
      logger = createLogger(config.logLevel, { action: name, requestId })
      const auth = request.headers.authorization
      if (!auth) throw new UnauthenticatedError('Sign in: the request has no Authorization header with an Adobe IMS token.')
      const bearer = BEARER.exec(auth.trim())
      if (!bearer?.[1]) throw new UnauthenticatedError('The Authorization header must be "Bearer <Adobe IMS access token>".')
      return await handler({ fields: request.fields, config, logger, requestId, headers: request.headers, callerToken: bearer[1] })
    } catch (e) {
      return errorResponse(e, logger, requestId)
    }
  }
}
