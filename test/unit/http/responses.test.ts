import {
  type AppError,
  CacheUnavailableError,
  ConfigError,
  ForbiddenError,
  MethodNotAllowedError,
  NotFoundError,
  UnauthenticatedError,
  type UpstreamCode,
  UpstreamError,
  ValidationError
} from '../../../actions/lib/errors'
import { errorResponse, ok } from '../../../actions/lib/http'
import { recordingLogger } from '../fixtures/logger'

const REQUEST_ID = 'req-0001'
const BASE_HEADERS = { 'Content-Type': 'application/json', 'Cache-Control': 'no-store', 'X-Request-Id': REQUEST_ID }
const GENERIC = 'Something went wrong on our side. Try again; if it persists, give the request id to support.'

describe('ok', () => {
  it('answers 200 with JSON that no cache keeps, naming the request', () => {
    // Act
    const response = ok({ invalidated: true }, REQUEST_ID)
    // Assess
    expect(response).toEqual({ statusCode: 200, headers: BASE_HEADERS, body: { invalidated: true } })
  })
})

describe('errorResponse', () => {
  it("answers a validation error with 400, its code and each field's message, and logs only the code", () => {
    // Prepare
    const logger = recordingLogger()
    const error = new ValidationError('INVALID_IDENTITY', { id: 'must be an e-mail address' })
    // Act
    const response = errorResponse(error, logger, REQUEST_ID)
    // Assess
    expect(response).toEqual({
      statusCode: 400,
      headers: BASE_HEADERS,
      body: {
        error: {
          code: 'INVALID_IDENTITY',
          message: 'Invalid request: id: must be an e-mail address',
          fields: { id: 'must be an e-mail address' },
          requestId: REQUEST_ID
        }
      }
    })
    expect(logger.entries).toEqual([{ level: 'info', msg: 'request rejected', fields: { code: 'INVALID_IDENTITY' } }])
  })

  it('answers 401 with the Bearer challenge', () => {
    // Prepare
    const logger = recordingLogger()
    // Act
    const response = errorResponse(
      new UnauthenticatedError('Sign in: the request has no Authorization header with an Adobe IMS token.'),
      logger,
      REQUEST_ID
    )
    // Assess
    expect(response).toEqual({
      statusCode: 401,
      headers: { ...BASE_HEADERS, 'WWW-Authenticate': 'Bearer realm="Adobe IMS"' },
      body: {
        error: {
          code: 'UNAUTHENTICATED',
          message: 'Sign in: the request has no Authorization header with an Adobe IMS token.',
          requestId: REQUEST_ID
        }
      }
    })
    expect(logger.entries).toEqual([{ level: 'info', msg: 'request rejected', fields: { code: 'UNAUTHENTICATED' } }])
  })

  it('answers 405 with the methods the endpoint allows', () => {
    // Act
    const response = errorResponse(new MethodNotAllowedError(['GET', 'POST']), recordingLogger(), REQUEST_ID)
    // Assess
    expect(response).toEqual({
      statusCode: 405,
      headers: { ...BASE_HEADERS, Allow: 'GET, POST' },
      body: {
        error: { code: 'METHOD_NOT_ALLOWED', message: 'Use GET or POST for this endpoint.', requestId: REQUEST_ID }
      }
    })
  })

  it.each<[string, AppError, number, string]>([
    ['another org', new ForbiddenError('ORG_MISMATCH', 'This token belongs to another org.'), 403, 'ORG_MISMATCH'],
    [
      'an unknown customer',
      new NotFoundError('PROFILE_NOT_FOUND', 'No customer profile matches this email in sandbox "prod".'),
      404,
      'PROFILE_NOT_FOUND'
    ],
    [
      'AEP unable to process a lookup',
      new UpstreamError('UPSTREAM_UNPROCESSABLE', 'AEP', 'no default merge policy', 422),
      422,
      'UPSTREAM_UNPROCESSABLE'
    ]
  ])('answers %s with its status and code, and no extra headers', (_, error, status, code) => {
    // Prepare
    const logger = recordingLogger()
    // Act
    const response = errorResponse(error, logger, REQUEST_ID)
    // Assess
    expect(response).toEqual({
      statusCode: status,
      headers: BASE_HEADERS,
      body: { error: { code, message: error.message, requestId: REQUEST_ID } }
    })
    expect(logger.entries).toEqual([{ level: 'info', msg: 'request rejected', fields: { code } }])
  })

  it('answers a rate limit with 429, Retry-After in whole seconds and the same hint in the body', () => {
    // Prepare
    const error = new UpstreamError(
      'UPSTREAM_RATE_LIMITED',
      'AEP',
      'Experience Platform is rate limiting lookups. Try again shortly.',
      429,
      1500
    )
    // Act
    const response = errorResponse(error, recordingLogger(), REQUEST_ID)
    // Assess
    expect(response).toEqual({
      statusCode: 429,
      headers: { ...BASE_HEADERS, 'Retry-After': '2' },
      body: {
        error: {
          code: 'UPSTREAM_RATE_LIMITED',
          message: 'Experience Platform is rate limiting lookups. Try again shortly.',
          retryAfterSeconds: 2,
          requestId: REQUEST_ID
        }
      }
    })
  })

  it.each([
    ['a zero hint', 0, '1'],
    ['a hint of exactly one second', 1000, '1'],
    ['a hint just over a minute', 60_001, '61']
  ])('never asks for less than a second of Retry-After (%s)', (_, retryAfterMs, header) => {
    // Act
    const response = errorResponse(
      new UpstreamError('UPSTREAM_RATE_LIMITED', 'AEP', 'slow down', 429, retryAfterMs),
      recordingLogger(),
      REQUEST_ID
    )
    // Assess
    expect(response.headers['Retry-After']).toBe(header)
  })

  it('sends no Retry-After for a rate limit without a hint', () => {
    // Act
    const response = errorResponse(
      new UpstreamError('UPSTREAM_RATE_LIMITED', 'AEP', 'slow down', 429),
      recordingLogger(),
      REQUEST_ID
    )
    // Assess
    expect(response).toEqual({
      statusCode: 429,
      headers: BASE_HEADERS,
      body: { error: { code: 'UPSTREAM_RATE_LIMITED', message: 'slow down', requestId: REQUEST_ID } }
    })
  })

  it.each<[UpstreamCode, number]>([
    ['UPSTREAM_UNAVAILABLE', 502],
    ['UPSTREAM_TIMEOUT', 504],
    ['UPSTREAM_BAD_RESPONSE', 502],
    ['UPSTREAM_AUTH_FAILED', 502],
    ['UPSTREAM_REJECTED', 502]
  ])('answers %s with %i and logs it in full as an error', (code, status) => {
    // Prepare
    const logger = recordingLogger()
    const cause = new Error('socket hang up')
    const error = new UpstreamError(code, 'AEP', 'Experience Platform failed.', 503, undefined, { cause })
    // Act
    const response = errorResponse(error, logger, REQUEST_ID)
    // Assess
    expect(response).toEqual({
      statusCode: status,
      headers: BASE_HEADERS,
      body: { error: { code, message: 'Experience Platform failed.', requestId: REQUEST_ID } }
    })
    expect(logger.entries).toEqual([{ level: 'error', msg: 'request failed', fields: { code, error, cause } }])
  })

  it('answers a State outage with 503 CACHE_UNAVAILABLE', () => {
    // Prepare
    const logger = recordingLogger()
    const error = new CacheUnavailableError()
    // Act
    const response = errorResponse(error, logger, REQUEST_ID)
    // Assess
    expect(response).toEqual({
      statusCode: 503,
      headers: BASE_HEADERS,
      body: { error: { code: 'CACHE_UNAVAILABLE', message: error.message, requestId: REQUEST_ID } }
    })
    expect(logger.entries).toEqual([
      { level: 'error', msg: 'request failed', fields: { code: 'CACHE_UNAVAILABLE', error, cause: undefined } }
    ])
  })

  it('answers a misconfiguration with 500 CONFIG_INVALID naming the variables, never their values', () => {
    // Prepare
    const error = new ConfigError({
      IMS_OAUTH_S2S_CLIENT_SECRET: 'is required',
      IDENTITY_HASH_SALT: 'must be a random value of at least 16 characters'
    })
    // Act
    const response = errorResponse(error, recordingLogger(), REQUEST_ID)
    // Assess
    expect(response).toEqual({
      statusCode: 500,
      headers: BASE_HEADERS,
      body: {
        error: {
          code: 'CONFIG_INVALID',
          message:
            "The action is misconfigured: IMS_OAUTH_S2S_CLIENT_SECRET, IDENTITY_HASH_SALT. An administrator must fix the app's settings.",
          fields: {
            IMS_OAUTH_S2S_CLIENT_SECRET: 'is required',
            IDENTITY_HASH_SALT: 'must be a random value of at least 16 characters'
          },
          requestId: REQUEST_ID
        }
      }
    })
  })

  it('answers an unknown error with a generic 500 that leaks nothing, and logs it in full', () => {
    // Prepare
    const logger = recordingLogger()
    const error = new TypeError(
      "Cannot read properties of undefined (reading 'jane.doe@example.com') at secret-host.internal"
    )
    // Act
    const response = errorResponse(error, logger, REQUEST_ID)
    // Assess
    expect(response).toEqual({
      statusCode: 500,
      headers: BASE_HEADERS,
      body: { error: { code: 'INTERNAL_ERROR', message: GENERIC, requestId: REQUEST_ID } }
    })
    expect(JSON.stringify(response)).not.toMatch(/TypeError|jane|secret-host|Cannot read/)
    expect(logger.entries).toEqual([{ level: 'error', msg: 'unexpected error', fields: { error, stack: error.stack } }])
  })

  it('answers a thrown non-error the same way, with no stack to log', () => {
    // Prepare
    const logger = recordingLogger()
    // Act
    const response = errorResponse('boom', logger, REQUEST_ID)
    // Assess
    expect(response).toEqual({
      statusCode: 500,
      headers: BASE_HEADERS,
      body: { error: { code: 'INTERNAL_ERROR', message: GENERIC, requestId: REQUEST_ID } }
    })
    expect(logger.entries).toEqual([
      { level: 'error', msg: 'unexpected error', fields: { error: 'boom', stack: undefined } }
    ])
  })

  it('leaves the request id out when there is none', () => {
    // Act
    const response = errorResponse(new NotFoundError('NOT_FOUND', 'No such thing.'), recordingLogger())
    // Assess
    expect(response.headers).toEqual({ 'Content-Type': 'application/json', 'Cache-Control': 'no-store' })
    expect(JSON.parse(JSON.stringify(response.body))).toEqual({
      error: { code: 'NOT_FOUND', message: 'No such thing.' }
    })
  })
})
