import { ValidationError } from '../../../actions/lib/errors'
import { parseLookupRequest } from '../../../actions/lib/input'
import { testConfig } from '../fixtures/config'

const config = testConfig()

function rejection(params: Record<string, unknown>): ValidationError {
  try {
    parseLookupRequest(params, config)
  } catch (e) {
    if (e instanceof ValidationError) return e
  }
  throw new Error('expected a ValidationError')
}

describe('parseLookupRequest', () => {
  it('applies the defaults', () => {
    const req = parseLookupRequest({ namespace: 'email', id: 'Jane.Doe@example.com' }, config)
    expect(req).toMatchObject({
      sandbox: 'prod',
      mergePolicyId: null,
      eventsLimit: 10,
      identity: { id: 'jane.doe@example.com' }
    })
    expect([...req.sections]).toEqual([
      'identities',
      'name',
      'contact',
      'attributes',
      'mappedAttributes',
      'consents',
      'insights',
      'audiences',
      'events',
      'allAttributes'
    ])
  })

  it('accepts the optional parameters', () => {
    const req = parseLookupRequest(
      {
        namespace: 'crmid',
        id: 'CRM-1',
        sandbox: 'dev',
        mergePolicyId: 'mp-1',
        fields: 'insights,audiences',
        eventsLimit: '25'
      },
      config
    )
    expect(req).toMatchObject({ sandbox: 'dev', mergePolicyId: 'mp-1', eventsLimit: 25 })
    expect([...req.sections]).toEqual(['insights', 'audiences'])
  })

  it('names every bad field at once', () => {
    const e = rejection({ namespace: 'email', id: 'nope', sandbox: 'other', eventsLimit: '0', fields: 'everything' })
    expect(e.code).toBe('INVALID_IDENTITY')
    expect(Object.keys(e.fields).sort()).toEqual(['eventsLimit', 'fields', 'id', 'sandbox'])
  })

  it('uses INVALID_PARAMETER when only optional parameters are wrong', () => {
    expect(rejection({ namespace: 'email', id: 'a@example.com', eventsLimit: '1e3' }).code).toBe('INVALID_PARAMETER')
  })

  it('rejects a parameter given twice', () => {
    expect(rejection({ namespace: 'email', id: ['a@example.com', 'b@example.com'] }).fields).toEqual({
      id: 'must be given once, as text'
    })
  })
})
