import { ValidationError } from '../../../actions/lib/errors'
import { isSettingName, readWebRequest } from '../../../actions/lib/http'

const json = (v: unknown): string => Buffer.from(JSON.stringify(v)).toString('base64')

describe('readWebRequest', () => {
  it("reads Runtime's raw query string, with a repeated field as a list", () => {
    // Prepare
    const params = {
      __ow_method: 'get',
      __ow_query: 'namespace=phone&id=%2B14155550123&fields=a&fields=b',
      __ow_headers: { Authorization: 'Bearer x' }
    }
    // Act
    const req = readWebRequest(params)
    // Assess
    expect(req).toEqual({
      method: 'GET',
      headers: { authorization: 'Bearer x' },
      fields: { namespace: 'phone', id: '+14155550123', fields: ['a', 'b'] }
    })
  })

  it("decodes a base64 JSON body and lets its fields win over the query's", () => {
    // Prepare
    const params = {
      __ow_method: 'post',
      __ow_query: 'sandbox=dev&x=1',
      __ow_body: json({ sandbox: 'prod', identities: [] }),
      __ow_headers: { 'content-type': 'application/json' }
    }
    // Act
    const req = readWebRequest(params)
    // Assess
    expect(req.fields).toEqual({ sandbox: 'prod', x: '1', identities: [] })
  })

  it("takes a plain-text JSON body and aio app dev's parsed query object too", () => {
    // Prepare
    const params = {
      __ow_method: 'post',
      __ow_query: { a: 'b' },
      __ow_body: '{"id":"x"}',
      __ow_headers: { 'content-type': 'application/json; charset=utf-8' }
    }
    // Act
    const req = readWebRequest(params)
    // Assess
    expect(req.fields).toEqual({ a: 'b', id: 'x' })
  })

  it('ignores the bound inputs and every other param: only __ow_query and __ow_body are the request', () => {
    // Prepare
    const params = { AEP_BASE_URL: 'https://platform.adobe.io', namespace: 'email', __ow_method: 'get', __ow_query: '' }
    // Act
    const req = readWebRequest(params)
    // Assess
    expect(req.fields).toEqual({})
  })

  it('ignores a body of another content type, and a body sent with GET', () => {
    // Prepare
    const text = { __ow_method: 'post', __ow_body: 'namespace=email', __ow_headers: { 'content-type': 'text/plain' } }
    const get = {
      __ow_method: 'get',
      __ow_body: json({ id: 'x' }),
      __ow_headers: { 'content-type': 'application/json' }
    }
    // Act
    const fields = [readWebRequest(text).fields, readWebRequest(get).fields]
    // Assess
    expect(fields).toEqual([{}, {}])
  })

  it.each([
    ['not json', '{"a":'],
    ['an array', json([1, 2])],
    ['a string', json('x')]
  ])('refuses a JSON body that is %s with INVALID_BODY', (_, body) => {
    // Prepare
    const params = { __ow_method: 'post', __ow_body: body, __ow_headers: { 'content-type': 'application/json' } }
    // Act
    const act = (): unknown => readWebRequest(params)
    // Assess
    expect(act).toThrow(expect.objectContaining({ code: 'INVALID_BODY', fields: { body: 'must be a JSON object' } }))
  })

  it.each([
    ['query', { __ow_method: 'get', __ow_query: 'AEP_BASE_URL=http://evil' }, 'AEP_BASE_URL'],
    [
      'body',
      {
        __ow_method: 'post',
        __ow_body: json({ IMS_BASE_URL: 'http://evil' }),
        __ow_headers: { 'content-type': 'application/json' }
      },
      'IMS_BASE_URL'
    ],
    [
      'body (a Runtime field)',
      {
        __ow_method: 'post',
        __ow_body: json({ __ow_headers: {} }),
        __ow_headers: { 'content-type': 'application/json' }
      },
      '__ow_headers'
    ]
  ])('refuses a setting named in the %s with INVALID_PARAMETER naming it', (_, params, name) => {
    // Act
    let error: unknown
    try {
      readWebRequest(params)
    } catch (e) {
      error = e
    }
    // Assess
    expect(error).toBeInstanceOf(ValidationError)
    expect(error).toMatchObject({
      code: 'INVALID_PARAMETER',
      fields: { [name]: 'is a setting of the app and cannot be sent with a request' }
    })
  })
})

describe('isSettingName', () => {
  it('covers upper-case snake names and Runtime fields, not request parameters', () => {
    // Prepare
    const names = [
      'AEP_BASE_URL',
      'LOG_LEVEL',
      '__ow_body',
      '__ims_oauth_s2s',
      'namespace',
      'eventsLimit',
      'A',
      'Api_Key',
      'id'
    ]
    // Act
    const flagged = names.filter(isSettingName)
    // Assess
    expect(flagged).toEqual(['AEP_BASE_URL', 'LOG_LEVEL', '__ow_body', '__ims_oauth_s2s'])
  })
})
