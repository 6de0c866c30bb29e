/**
 * The one error hierarchy of the actions. Every error a caller can see has an HTTP status and a
 * stable machine code; the message is written for the human who reads it.
 */
export abstract class AppError extends Error {
  abstract readonly status: number
  abstract readonly code: string

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options)
    this.name = new.target.name
  }

  /** Extra fields of the error body (field messages, retry hints). */
  details(): Record<string, unknown> {
    return {}
  }

  toJSON(): Record<string, unknown> {
    return { code: this.code, message: this.message, ...this.details() }
  }
}

/** Bad query, header or body parameter; `fields` names each offending field. */
export class ValidationError extends AppError {
  readonly status = 400
  constructor(
    readonly code: 'INVALID_IDENTITY' | 'INVALID_PARAMETER' | 'INVALID_BODY',
    readonly fields: Record<string, string>
  ) {
    super(
      `Invalid request: ${Object.entries(fields)
        .map(([f, m]) => `${f}: ${m}`)
        .join('; ')}`
    )
  }
  override details(): Record<string, unknown> {
    return { fields: this.fields }
  }
}

export class MethodNotAllowedError extends AppError {
  readonly status = 405
  readonly code = 'METHOD_NOT_ALLOWED'
  constructor(readonly allowed: string[]) {
    super(`Use ${allowed.join(' or ')} for this endpoint.`)
  }
}

export class UnauthenticatedError extends AppError {
  readonly status = 401
  readonly code = 'UNAUTHENTICATED'
}

export class ForbiddenError extends AppError {
  readonly status = 403
  constructor(
    readonly code: 'ORG_MISMATCH' | 'FORBIDDEN',
    message: string
  ) {
    super(message)
  }
}

export class NotFoundError extends AppError {
  readonly status = 404
  constructor(
    readonly code: 'PROFILE_NOT_FOUND' | 'NOT_FOUND',
    message: string
  ) {
    super(message)
  }
}

/** The State service did not confirm a change the caller asked for (e.g. a cache invalidation). */
export class CacheUnavailableError extends AppError {
  readonly status = 503
  readonly code = 'CACHE_UNAVAILABLE'
  constructor() {
    super('The cache service did not confirm the change. Try again shortly; until then cached data may be served.')
  }
}

/** This deployment records no wrap-ups: no streaming connection, dataset or interaction shape is set. */
export class InteractionsNotConfiguredError extends AppError {
  readonly status = 503
  readonly code = 'INTERACTIONS_NOT_CONFIGURED'
  constructor() {
    super(
      'Recording call outcomes is not set up in this deployment. An administrator must set AEP_STREAMING_CONNECTION_ID, AEP_INTERACTIONS_DATASET_ID and CUSTOMER_VIEW_MAPPING.interactions.'
    )
  }
}

/** The action's own configuration is missing or malformed: an admin must fix `.env`/inputs. */
export class ConfigError extends AppError {
  readonly status = 500
  readonly code = 'CONFIG_INVALID'
  constructor(readonly variables: Record<string, string>) {
    super(
      `The action is misconfigured: ${Object.keys(variables).join(', ')}. An administrator must fix the app's settings.`
    )
  }
  override details(): Record<string, unknown> {
    return { fields: this.variables }
  }
}

export type UpstreamService = 'AEP' | 'IMS'

export type UpstreamCode =
  | 'UPSTREAM_RATE_LIMITED'
  | 'UPSTREAM_UNAVAILABLE'
  | 'UPSTREAM_TIMEOUT'
  | 'UPSTREAM_BAD_RESPONSE'
  | 'UPSTREAM_AUTH_FAILED'
  | 'UPSTREAM_UNPROCESSABLE'
  | 'UPSTREAM_REJECTED'

const UPSTREAM_STATUS: Record<UpstreamCode, number> = {
  UPSTREAM_RATE_LIMITED: 429,
  UPSTREAM_UNAVAILABLE: 502,
  UPSTREAM_TIMEOUT: 504,
  UPSTREAM_BAD_RESPONSE: 502,
  UPSTREAM_AUTH_FAILED: 502,
  UPSTREAM_UNPROCESSABLE: 422,
  UPSTREAM_REJECTED: 502
}

/** The HTTP status an upstream error code answers with (undefined for any other code). */
export function upstreamStatusOf(code: string): number | undefined {
  return (UPSTREAM_STATUS as Record<string, number | undefined>)[code]
}

/** A call to AEP or IMS failed. `upstreamStatus` is the status AEP/IMS answered, when it answered. */
export class UpstreamError extends AppError {
  readonly status: number
  constructor(
    readonly code: UpstreamCode,
    readonly service: UpstreamService,
    message: string,
    readonly upstreamStatus?: number,
    readonly retryAfterMs?: number,
    options?: { cause?: unknown }
  ) {
    super(message, options)
    this.status = UPSTREAM_STATUS[code]
  }

  /** Whether a retry (or a stale cache answer) makes sense: rate limits, outages, timeouts, garbled answers. */
  get transient(): boolean {
    return (
      this.code === 'UPSTREAM_RATE_LIMITED' ||
      this.code === 'UPSTREAM_UNAVAILABLE' ||
      this.code === 'UPSTREAM_TIMEOUT' ||
      this.code === 'UPSTREAM_BAD_RESPONSE'
    )
  }

  override details(): Record<string, unknown> {
    return this.retryAfterMs !== undefined
      ? { retryAfterSeconds: Math.max(1, Math.ceil(this.retryAfterMs / 1000)) }
      : {}
  }
}
