/**
 * AEP's error bodies, one builder per shape: the API gateway's `{error_code, message}`, Profile's
 * ForbiddenError / NotFoundError / ResponseErrorContext, the 429 array, and Segmentation's problem
 * body for audiences. Shapes follow profile.yaml and segmentation.yaml; codes are documented in
 * docs/local-stand-ins.md.
 */
import { randomBytes } from 'node:crypto'
import { json, type Reply } from '../lib/http'

/** Adobe I/O gateway errors (token, api key, missing headers). */
export function gatewayError(status: number, errorCode: string, message: string): Reply {
  return json(status, { error_code: errorCode, message })
}

/** Profile ForbiddenError: `{ message, statusCode: "403" }`. */
export function forbidden(message: string): Reply {
  return json(403, { message, statusCode: '403' })
}

/** Profile NotFoundError, exactly as profile.yaml documents it. */
export function profileNotFound(): Reply {
  return json(404, { statusCode: '404' })
}

/** Profile ResponseErrorContext: `{ message, cause?, statusCode }` with the status as a string. */
export function errorContext(status: number, message: string, cause?: string): Reply {
  return json(
    status,
    cause === undefined ? { message, statusCode: String(status) } : { message, cause, statusCode: String(status) }
  )
}

/** Profile's 429: an ARRAY of TooManyRequestError. */
export function tooManyRequests(retryAfterMs: number): Reply {
  return json(429, [
    {
      message: 'Too many requests',
      cause: '{"Errors":["Request rate is large"]}',
      retryAfterMs: String(retryAfterMs),
      statusCode: '429'
    }
  ])
}

/** Profile ResponseInternalErrorContext for injected 500/502/503. */
export function internalError(status: 500 | 502 | 503): Reply {
  const cause =
    status === 500 ? 'Status Code - 500 : Connection Timeout' : `Status Code - ${status} : Upstream unavailable`
  return json(status, { message: 'Unable to connect to server', cause, statusCode: String(status) })
}

/** Segmentation's problem body (audiences and segment definitions). */
export function segmentationNotFound(kind: 'audience' | 'segment definition', id: string): Reply {
  const title = `The ${kind} entity ${id} is not found. Use a valid entity and try again.`
  return json(404, {
    requestId: randomBytes(16).toString('base64url').slice(0, 32),
    errors: { 404: [{ code: 404, message: title }] },
    type: 'https://ns.adobe.com/aep/errors/UPAPI-113430-404',
    title,
    status: 404
  })
}

/** 404 for a path no AEP route serves. */
export function routeNotFound(method: string, path: string): Reply {
  return gatewayError(404, '404050', `No route for ${method} ${path}`)
}

export function methodNotAllowed(method: string, path: string): Reply {
  return gatewayError(405, '405050', `${method} is not allowed on ${path}`)
}

const DCS_INLET_PROBLEM = 'http://ns.adobe.com/adobecloud/problem/data-collection-service/inlet'
const DCS_AUTH_PROBLEM = 'https://ns.adobe.com/adobecloud/problem/data-collection-service-authorization'

/**
 * Streaming Ingestion's problem body (streaming-validation.md, retrieve-failed-batches.md):
 * `{ type, status (a number), title, report: { message, cause? } }`.
 */
export function dcsProblem(status: number, title: string, message: string, cause?: unknown): Reply {
  const report = cause === undefined ? { message } : { message, cause }
  return json(status, { type: DCS_INLET_PROBLEM, status, title, report })
}

/** Streaming Ingestion's authorization problem (sources/…/streaming/http.md): here `status` is a string. */
export function dcsAuthProblem(status: 401 | 403, message: string): Reply {
  return json(status, { type: DCS_AUTH_PROBLEM, status: String(status), title: 'Authorization', report: { message } })
}

/** The Platform body for a missing or unusable Content-Type (landing/troubleshooting.md). */
export function platformBadRequest(detail: string): Reply {
  return json(400, { type: '/placeholder/type/uri', status: 400, title: 'BadRequestError', detail })
}

/** Injected 429 on the streaming route: Adobe documents no body, so the problem shape with the API reference's words. */
export function dcsTooManyRequests(): Reply {
  return dcsProblem(429, 'Too Many Requests', 'Too many requests. The service is experiencing high loads.')
}

/** Injected 5xx on the streaming route; 503 carries Retry-After, the only place the API reference declares it. */
export function dcsServerError(status: 500 | 502 | 503, retryAfterMs = 1000): Reply {
  if (status !== 503)
    return dcsProblem(status, status === 500 ? 'Internal Server Error' : 'Bad Gateway', 'Error in processing payload.')
  const reply = dcsProblem(503, 'Service Unavailable', 'The service is currently unavailable.')
  return { ...reply, headers: { 'retry-after': String(Math.max(1, Math.ceil(retryAfterMs / 1000))) } }
}
