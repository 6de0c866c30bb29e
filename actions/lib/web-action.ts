/**
 * The shape every web action shares: parse the configuration, name the request, check the method
 * and the caller's credentials, run the handler, and turn whatever it throws into a JSON error.
 */
import { randomUUID } from 'node:crypto'
import { parseConfig, type Config, type Params } from './config'
import { MethodNotAllowedError, UnauthenticatedError } from './errors'
import { errorResponse, type ActionResponse } from './http'
import { createLogger, parseLogLevel, type Logger } from './logger'

export interface ActionContext {
  params: Params
  config: Config
  logger: Logger
  requestId: string
  /** Lower-cased request headers. */
  headers: Record<string, string>
  /** The caller's bearer token (already checked to be present and well-formed). */
  callerToken: string
}

export type Handler = (ctx: ActionContext) => Promise<ActionResponse>

function headersOf(params: Params): Record<string, string> {
  const raw = params.__ow_headers
  const out: Record<string, string> = {}
  if (typeof raw === 'object' && raw !== null) {
    for (const [k, v] of Object.entries(raw)) if (typeof v === 'string') out[k.toLowerCase()] = v
  }
  return out
}

const BEARER = /^Bearer ([A-Za-z0-9._~+/=-]{20,8192})$/

export function webAction(name: string, methods: string[], handler: Handler): (params: Params) => Promise<ActionResponse> {
  return async (params: Params) => {
    const requestId = process.env.__OW_ACTIVATION_ID || randomUUID()
    let logger = createLogger(parseLogLevel(params.LOG_LEVEL), { action: name, requestId })
    try {
      const config = parseConfig(params)
      logger = createLogger(config.logLevel, { action: name, requestId })
      const method = typeof params.__ow_method === 'string' ? params.__ow_method.toUpperCase() : 'GET'
      if (!methods.includes(method)) throw new MethodNotAllowedError(methods)
      const headers = headersOf(params)
      const auth = headers.authorization
      if (!auth) throw new UnauthenticatedError('Sign in: the request has no Authorization header with an Adobe IMS token.')
      const bearer = BEARER.exec(auth.trim())
      if (!bearer?.[1]) throw new UnauthenticatedError('The Authorization header must be "Bearer <Adobe IMS access token>".')
      return await handler({ params, config, logger, requestId, headers, callerToken: bearer[1] })
    } catch (e) {
      return errorResponse(e, logger, requestId)
    }
  }
}
