/**
 * What the agent reads for each error code of the actions (and the client's own codes): a title,
 * what to do, and whether trying again can help.
 */
import type { ApiError } from '../api/api-error'
import type { I18n } from '../i18n/i18n-context'

const CODES = [
  'INVALID_IDENTITY',
  'INVALID_PARAMETER',
  'UNAUTHENTICATED',
  'ORG_MISMATCH',
  'PROFILE_NOT_FOUND',
  'UPSTREAM_UNPROCESSABLE',
  'UPSTREAM_RATE_LIMITED',
  'UPSTREAM_UNAVAILABLE',
  'UPSTREAM_BAD_RESPONSE',
  'UPSTREAM_AUTH_FAILED',
  'UPSTREAM_TIMEOUT',
  'CONFIG_INVALID',
  'INTERNAL_ERROR',
  'NETWORK_ERROR',
  'BAD_RESPONSE',
  'NOT_SIGNED_IN',
  'INTERACTIONS_NOT_CONFIGURED',
  'UPSTREAM_REJECTED'
] as const
export type KnownErrorCode = (typeof CODES)[number]
export const KNOWN_ERROR_CODES: readonly KnownErrorCode[] = CODES

const RETRYABLE = new Set<string>([
  'UPSTREAM_RATE_LIMITED',
  'UPSTREAM_UNAVAILABLE',
  'UPSTREAM_BAD_RESPONSE',
  'UPSTREAM_TIMEOUT',
  'INTERNAL_ERROR',
  'NETWORK_ERROR',
  'BAD_RESPONSE',
  'NOT_SIGNED_IN'
])

function isKnown(code: string): code is KnownErrorCode {
  return (CODES as readonly string[]).includes(code)
}

export interface ErrorText {
  title: string
  body: string
  /** When to try again (rate limits). */
  hint: string | null
  reference: string | null
  retryable: boolean
}

/** The title alone, e.g. for the reason in the stale-data banner. */
export function errorTitle(code: string, i18n: I18n): string {
  return isKnown(code) ? i18n.t(`error.${code}.title`) : i18n.t('error.UNKNOWN.title')
}

export function errorText(error: ApiError, i18n: I18n, namespaceLabel: string): ErrorText {
  const { t } = i18n
  const code = error.code
  const title = errorTitle(code, i18n)
  const body = isKnown(code)
    ? t(`error.${code}.body`, { namespace: namespaceLabel })
    : t('error.UNKNOWN.body', { code })
  let hint: string | null = null
  if (code === 'UPSTREAM_RATE_LIMITED') {
    const s = error.details.retryAfterSeconds
    hint =
      s !== undefined && s > 0 ? t('error.retryAfter', { seconds: i18n.number(Math.ceil(s)) }) : t('error.retryShortly')
  }
  const reference = error.details.requestId ? t('error.reference', { requestId: error.details.requestId }) : null
  const retryable = RETRYABLE.has(code) || (!isKnown(code) && (error.status === 0 || error.status >= 500))
  return { title, body, hint, reference, retryable }
}
