/**
 * Runtime web-action responses. Every answer is JSON, never cached by browsers or proxies
 * (it carries personal data), and names the request it belongs to.
 */
import { AppError, MethodNotAllowedError, UnauthenticatedError, UpstreamError } from '../errors'
import type { Logger } from '../observability'

export interface ActionResponse {
  statusCode: number
  headers: Record<string, string>
  body: unknown
}

function headers(requestId: string | undefined, extra: Record<string, string> = {}): Record<string, string> {
  return {
    'Content-Type': 'application/json',
    'Cache-Control': 'no-store',
    ...(requestId ? { 'X-Request-Id': requestId } : {}),
    ...extra
  }
}

export function ok(body: unknown, requestId?: string): ActionResponse {
  return { statusCode: 200, headers: headers(requestId), body }
}

/** 202: the work is handed on (AEP has the event; it reaches the profile later). */
export function accepted(body: unknown, requestId?: string): ActionResponse {
  return { statusCode: 202, headers: headers(requestId), body }
}

/** Maps any thrown value to the error response; unknown errors are logged in full and answered with a generic 500. */
export function errorResponse(err: unknown, logger: Logger, requestId?: string): ActionResponse {
  if (err instanceof AppError) {
    const extra: Record<string, string> = {}
    if (err instanceof UpstreamError && err.code === 'UPSTREAM_RATE_LIMITED' && err.retryAfterMs !== undefined) {
      extra['Retry-After'] = String(Math.max(1, Math.ceil(err.retryAfterMs / 1000)))
    }
    if (err instanceof MethodNotAllowedError) extra.Allow = err.allowed.join(', ')
    if (err instanceof UnauthenticatedError) extra['WWW-Authenticate'] = 'Bearer realm="Adobe IMS"'
    if (err.status >= 500) logger.error('request failed', { code: err.code, error: err, cause: err.cause })
    else logger.info('request rejected', { code: err.code })
    return {
      statusCode: err.status,
      headers: headers(requestId, extra),
      body: { error: { ...err.toJSON(), requestId } }
    }
  }
  logger.error('unexpected error', { error: err, stack: err instanceof Error ? err.stack : undefined })
  return {
    statusCode: 500,
    headers: headers(requestId),
    body: {
      error: {
        code: 'INTERNAL_ERROR',
        message: 'Something went wrong on our side. Try again; if it persists, give the request id to support.',
        requestId
      }
    }
  }
}
