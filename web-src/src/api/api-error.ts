/**
 * A failed action call, carrying the stable error code of the actions' ErrorBody, or one of the
 * client-side codes below when no ErrorBody could be read.
 */
export const CLIENT_ERROR_CODES = ['NETWORK_ERROR', 'BAD_RESPONSE', 'NOT_SIGNED_IN'] as const

export class ApiError extends Error {
  override readonly name = 'ApiError'

  constructor(
    readonly code: string,
    readonly status: number,
    message: string,
    readonly details: {
      fields?: Record<string, string>
      retryAfterSeconds?: number
      requestId?: string
    } = {}
  ) {
    super(message)
  }
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

function stringRecord(v: unknown): Record<string, string> | undefined {
  if (!isRecord(v)) return undefined
  const out: Record<string, string> = {}
  for (const [k, val] of Object.entries(v)) if (typeof val === 'string') out[k] = val
  return out
}

/** Reads an ErrorBody (or anything else) from a failed response into an ApiError. */
export function toApiError(status: number, body: unknown, retryAfterHeader: string | null): ApiError {
  const err = isRecord(body) && isRecord(body.error) ? body.error : null
  const code =
    err && typeof err.code === 'string' && /^[A-Z][A-Z0-9_]{0,63}$/.test(err.code) ? err.code : `HTTP_${status}`
  const message = err && typeof err.message === 'string' ? err.message : `The action answered ${status}`
  const headerSeconds =
    retryAfterHeader !== null && /^\d+$/.test(retryAfterHeader) ? Number(retryAfterHeader) : undefined
  const bodySeconds =
    err && typeof err.retryAfterSeconds === 'number' && err.retryAfterSeconds >= 0 ? err.retryAfterSeconds : undefined
  const details: ApiError['details'] = {}
  const fields = err ? stringRecord(err.fields) : undefined
  if (fields) details.fields = fields
  const retryAfterSeconds = bodySeconds ?? headerSeconds
  if (retryAfterSeconds !== undefined) details.retryAfterSeconds = retryAfterSeconds
  if (err && typeof err.requestId === 'string') details.requestId = err.requestId
  return new ApiError(code, status, message, details)
}
