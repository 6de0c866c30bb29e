/** The contract validator: it accepts what the document allows and names what it does not. */

import { copy, failure, headers, janeView, ok, REQUEST_ID } from './fixtures'
import { assertValidResponse, documentedErrorCodes, validateRequestBody, validateResponse } from './openapi'

describe('validateResponse', () => {
  it("accepts Jane Doe's full customer view", () => {
    expect(validateResponse('customer-profile', 'GET', ok(janeView()))).toEqual([])
  })

  it('accepts a view limited by `fields` to insights and audiences', () => {
    const { customer, meta } = janeView()
    const body = {
      customer: { profileId: customer.profileId, insights: customer.insights, audiences: customer.audiences },
      meta: { ...meta, events: { status: 'unavailable', reason: 'NOT_REQUESTED', nextCursor: null } }
    }

    expect(validateResponse('customer-profile', 'get', ok(body))).toEqual([])
  })

  it('accepts null wherever the view allows it', () => {
    const view = janeView()
    view.customer.contact.address = null
    view.customer.insights = {
      lifetimeValue: null,
      churnPropensity: null,
      engagementPropensity: null,
      scores: [],
      computed: [],
      reasons: [],
      explanations: []
    }
    view.customer.consents = { collect: null, share: null, personalize: null, marketing: { preferred: null } }
    view.customer.audiences = [{ id: 'a1', name: null, status: 'exited', since: null }]
    view.meta.events = { status: 'unavailable', reason: 'EVENTS_LOOKUP_REFUSED', nextCursor: null }

    expect(validateResponse('customer-profile', 'get', ok(view))).toEqual([])
  })

  it('rejects a view without meta', () => {
    const { customer } = janeView()

    expect(validateResponse('customer-profile', 'get', ok({ customer }))).toEqual([
      "GET /customer-profile → 200: body must have required property 'meta'"
    ])
  })

  it('rejects a band the view does not have, naming the value', () => {
    const view = copy(janeView()) as unknown as { customer: { insights: { churnPropensity: { band: string } } } }
    view.customer.insights.churnPropensity.band = 'extreme'

    const problems = validateResponse('customer-profile', 'get', ok(view))

    expect(problems).toContain(
      'GET /customer-profile → 200: body/customer/insights/churnPropensity/band must be equal to one of the allowed values: low, medium, high (got "extreme")'
    )
  })

  it('rejects a property the document does not have, and a customer without profileId', () => {
    const extra = copy(janeView()) as unknown as { customer: Record<string, unknown> }
    extra.customer.ssn = '078-05-1120'
    const anonymous = { customer: { insights: janeView().customer.insights }, meta: janeView().meta }

    expect(validateResponse('customer-profile', 'get', ok(extra))).toEqual([
      'GET /customer-profile → 200: body/customer has a property the document does not allow: "ssn"'
    ])
    expect(validateResponse('customer-profile', 'get', ok(anonymous))).toEqual([
      "GET /customer-profile → 200: body/customer must have required property 'profileId'"
    ])
  })

  it('rejects null where the view does not allow it', () => {
    const view = copy(janeView()) as unknown as { customer: { events: unknown } }
    view.customer.events = null

    expect(validateResponse('customer-profile', 'get', ok(view))).toEqual([
      'GET /customer-profile → 200: body/customer/events must be array (got null)'
    ])
  })

  it('rejects a status the operation does not document', () => {
    const problems = validateResponse('metadata', 'get', failure(404, 'PROFILE_NOT_FOUND'))

    expect(problems).toEqual([
      'GET /metadata answered 404, which docs/openapi.yaml does not document (documented: 200, 400, 401, 403, 405, 422, 429, 500, 502, 504)'
    ])
  })

  it('rejects an error code the document lists under another status', () => {
    const problems = validateResponse('customer-profile', 'get', failure(502, 'UPSTREAM_TIMEOUT'))

    expect(problems).toEqual([
      'GET /customer-profile → 502: error code UPSTREAM_TIMEOUT is not documented for this status (documented: UPSTREAM_UNAVAILABLE, UPSTREAM_BAD_RESPONSE, UPSTREAM_AUTH_FAILED, UPSTREAM_REJECTED)'
    ])
  })

  it('accepts each documented error, with the fields a validation error must carry', () => {
    const answers = [
      validateResponse(
        'customer-profile',
        'get',
        failure(400, 'INVALID_IDENTITY', { fields: { id: 'must be an e-mail address' } })
      ),
      validateResponse('customer-profile', 'get', failure(404, 'PROFILE_NOT_FOUND')),
      validateResponse(
        'customer-profile',
        'get',
        failure(500, 'CONFIG_INVALID', { fields: { IMS_OAUTH_S2S_ORG_ID: 'is required' } })
      ),
      validateResponse('cache-invalidate', 'post', failure(502, 'UPSTREAM_UNAVAILABLE')),
      validateResponse('customer-profiles', 'post', failure(502, 'UPSTREAM_UNAVAILABLE')),
      validateResponse(
        'customer-profiles',
        'post',
        failure(400, 'INVALID_BODY', { fields: { identities: 'must be an array' } })
      )
    ]

    expect(answers).toEqual([[], [], [], [], [], []])
    expect(validateResponse('customer-events', 'get', failure(400, 'INVALID_PARAMETER'))).toEqual([
      "GET /customer-events → 400: body/error must have required property 'fields'"
    ])
  })

  it('checks the headers: request id, no-store, JSON, and a numeric Retry-After', () => {
    const bare = { statusCode: 200, headers: { 'content-type': 'text/html' }, body: janeView() }
    const limited = failure(429, 'UPSTREAM_RATE_LIMITED', { retryAfterSeconds: 4 })

    expect(validateResponse('customer-profile', 'get', bare)).toEqual([
      'GET /customer-profile → 200: Content-Type text/html is not application/json',
      'GET /customer-profile → 200: header X-Request-Id is missing',
      'GET /customer-profile → 200: header Cache-Control is missing'
    ])
    expect(
      validateResponse('customer-profile', 'get', { ...limited, headers: headers({ 'Retry-After': '4' }) })
    ).toEqual([])
    expect(
      validateResponse('customer-profile', 'get', { ...limited, headers: headers({ 'Retry-After': 'soon' }) })
    ).toEqual(['GET /customer-profile → 429: header Retry-After: "soon" must be integer'])
  })

  it('accepts the 405 of a method the path does not document, and nothing else for it', () => {
    const notAllowed = failure(405, 'METHOD_NOT_ALLOWED')

    expect(validateResponse('customer-profile', 'POST', notAllowed)).toEqual([])
    expect(validateResponse('customer-profile', 'POST', ok(janeView()))).toEqual([
      'POST /customer-profile is not documented (and only a 405 may answer an undocumented method)'
    ])
    expect(validateResponse('customer-profile', 'POST', failure(405, 'UNAUTHENTICATED'))[0]).toMatch(
      /error code UNAUTHENTICATED is not documented/
    )
  })

  it('rejects an action the document does not have', () => {
    expect(validateResponse('customer-secrets', 'get', ok({}))).toEqual([
      '/customer-secrets is not a path of docs/openapi.yaml'
    ])
  })

  it('judges the body as it goes over the wire, where undefined fields vanish', () => {
    const body = { error: { code: 'UNAUTHENTICATED', message: 'Sign in.', requestId: undefined } }

    expect(validateResponse('metadata', 'get', { statusCode: 401, headers: headers(), body })).toEqual([])
  })

  it("accepts the smaller endpoints' answers", () => {
    const [event] = janeView().customer.events
    const answers = [
      validateResponse(
        'customer-events',
        'get',
        ok({ events: [event], nextCursor: null, meta: { sandbox: 'prod', requestId: REQUEST_ID } })
      ),
      validateResponse(
        'metadata',
        'get',
        ok({
          sandbox: 'prod',
          sandboxes: ['prod'],
          namespaces: [{ code: 'Email', name: 'Email', idType: 'EMAIL', custom: false }],
          mergePolicies: [{ id: 'mp1', name: 'Default', isDefault: true }],
          requestId: REQUEST_ID
        })
      ),
      validateResponse(
        'cache-invalidate',
        'post',
        ok({ invalidated: true, sandbox: 'prod', identitiesCleared: 6, requestId: REQUEST_ID })
      )
    ]

    expect(answers).toEqual([[], [], []])
  })
})

describe('batch lookup responses', () => {
  const { customer } = janeView()
  const meta = {
    sandbox: 'prod',
    mergePolicyId: 'default',
    fetchedAt: '2025-11-28T18:20:01.512Z',
    requestId: REQUEST_ID,
    counts: { found: 1, not_found: 1, invalid: 1, error: 1 },
    upstreamCalls: 1
  }
  const found = {
    index: 0,
    namespace: 'email',
    status: 'found',
    customer: { profileId: customer.profileId, name: customer.name },
    cache: { status: 'MISS', ageSeconds: 0 }
  }
  const results = [
    found,
    { index: 1, namespace: 'email', status: 'not_found' },
    {
      index: 2,
      namespace: null,
      status: 'invalid',
      error: { code: 'INVALID_IDENTITY', message: 'Invalid identity', fields: { namespace: 'is required' } }
    },
    {
      index: 3,
      namespace: 'crmid',
      status: 'error',
      error: {
        code: 'UPSTREAM_RATE_LIMITED',
        message: 'Experience Platform is rate limiting lookups. Try again shortly.'
      }
    }
  ]

  it('accepts one result of each status', () => {
    expect(validateResponse('customer-profiles', 'post', ok({ results, meta }))).toEqual([])
  })

  it('rejects a found result without its customer and an invalid one without its error', () => {
    const broken = [
      { ...found, customer: undefined },
      { index: 1, namespace: 'email', status: 'invalid' }
    ]

    const problems = validateResponse('customer-profiles', 'post', ok({ results: broken, meta }))

    expect(problems).toEqual(
      expect.arrayContaining([
        "POST /customer-profiles → 200: body/results/0 must have required property 'customer'",
        "POST /customer-profiles → 200: body/results/1 must have required property 'error'"
      ])
    )
  })

  it('rejects counts that leave out a status', () => {
    const problems = validateResponse(
      'customer-profiles',
      'post',
      ok({ results, meta: { ...meta, counts: { found: 1 } } })
    )

    expect(problems).toContain(
      "POST /customer-profiles → 200: body/meta/counts must have required property 'not_found'"
    )
  })
})

describe('validateRequestBody', () => {
  it('accepts a batch of identities with sections and refuses 101 identities or an unknown section', () => {
    const identities = Array.from({ length: 101 }, (_, i) => ({ namespace: 'crmid', id: `CRM-${i}` }))

    expect(
      validateRequestBody('customer-profiles', 'post', {
        identities: identities.slice(0, 100),
        include: ['insights', 'audiences'],
        eventsLimit: 5
      })
    ).toEqual([])
    expect(validateRequestBody('customer-profiles', 'post', { identities })).toEqual([
      'request/identities must NOT have more than 100 items'
    ])
    expect(
      validateRequestBody('customer-profiles', 'post', { identities: identities.slice(0, 1), include: ['ssn'] })[0]
    ).toMatch(/^request\/include\/0 must be equal to one of the allowed values/)
  })
})

describe('assertValidResponse', () => {
  it('throws with every problem and the body', () => {
    const res = failure(404, 'NOT_FOUND')

    expect(() => assertValidResponse('customer-profile', 'get', res)).toThrow(
      /error code NOT_FOUND is not documented for this status \(documented: PROFILE_NOT_FOUND\)[\s\S]*body: \{"error"/
    )
  })

  it('passes a response that keeps the contract', () => {
    expect(() => assertValidResponse('customer-profile', 'get', ok(janeView()))).not.toThrow()
  })
})

describe('documentedErrorCodes', () => {
  it('lists the codes of a status, and none for a success', () => {
    expect(documentedErrorCodes('customer-profile', 'get', 400)).toEqual(['INVALID_IDENTITY', 'INVALID_PARAMETER'])
    expect(documentedErrorCodes('customer-profile', 'get', 200)).toEqual([])
  })
})

describe('speed', () => {
  it('validates a thousand responses in well under a second once compiled', () => {
    const res = ok(janeView())
    validateResponse('customer-profile', 'get', res)

    const started = performance.now()
    for (let i = 0; i < 1000; i++) validateResponse('customer-profile', 'get', res)

    expect(performance.now() - started).toBeLessThan(1000)
  })
})
