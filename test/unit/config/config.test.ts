import { type Params, parseConfig } from '../../../actions/lib/config'
import { ConfigError } from '../../../actions/lib/errors'
import { DEFAULT_REASONS, EMPTY_MAPPING } from '../../../actions/lib/mapping'
import { REQUIRED_SETTINGS as BASE, ORG, SALT } from '../fixtures/config'
import { DEMO_MAPPING, DEMO_MAPPING_JSON } from '../fixtures/mapping'

/** The ConfigError's variables (name → problem), or {} when the settings parse. */
function problems(params: Params): Record<string, string> {
  try {
    parseConfig(params)
    return {}
  } catch (e) {
    if (e instanceof ConfigError) return e.variables
    throw e
  }
}

function configError(params: Params): ConfigError {
  try {
    parseConfig(params)
  } catch (e) {
    if (e instanceof ConfigError) return e
  }
  throw new Error('expected a ConfigError')
}

describe('parseConfig', () => {
  it('fills every optional setting with its default', () => {
    // Act
    const config = parseConfig(BASE)
    // Assess
    expect(config).toEqual({
      logLevel: 'info',
      ims: {
        baseUrl: 'https://ims-na1.adobelogin.com',
        clientId: 'client',
        clientSecret: 'secret',
        orgId: ORG,
        scopes: ['openid', 'AdobeID', 'read_organizations', 'additional_info.projectedProductContext', 'session']
      },
      aep: {
        baseUrl: 'https://platform.adobe.io',
        orgId: ORG,
        apiKey: 'client',
        sandbox: 'prod',
        allowedSandboxes: ['prod'],
        mergePolicyId: null,
        timeoutMs: 5000
      },
      cache: {
        profileTtlSeconds: 300,
        staleGraceSeconds: 3600,
        audienceTtlSeconds: 3600,
        memorySeconds: 5,
        memoryMaxEntries: 2000,
        memoryMaxBytes: 33554432,
        readMode: 'before',
        writeMode: 'await',
        pointerNamespaces: ['email', 'phone', 'crmid', 'ecid', 'loyaltyid'],
        stateEndpoint: null,
        stateRegion: 'amer'
      },
      mapping: {
        attributes: [],
        insights: [],
        lifetimeValue: null,
        events: [],
        bands: { medium: 0.34, high: 0.67 },
        reasons: DEFAULT_REASONS,
        defaultCurrency: 'USD',
        interactions: null
      },
      interactions: null,
      ui: { maskPersonalData: true },
      phoneDefaultCountryCode: '1',
      identitySalt: SALT
    })
  })

  it('names every missing required variable in one ConfigError', () => {
    // Act
    const error = configError({})
    // Assess
    expect(error.variables).toEqual({
      IMS_OAUTH_S2S_ORG_ID: 'is required',
      IMS_OAUTH_S2S_CLIENT_ID: 'is required',
      IMS_OAUTH_S2S_CLIENT_SECRET: 'is required',
      IDENTITY_HASH_SALT: 'is required'
    })
    expect(error.toJSON()).toEqual({
      code: 'CONFIG_INVALID',
      message:
        "The action is misconfigured: IMS_OAUTH_S2S_ORG_ID, IMS_OAUTH_S2S_CLIENT_ID, IMS_OAUTH_S2S_CLIENT_SECRET, IDENTITY_HASH_SALT. An administrator must fix the app's settings.",
      fields: error.variables
    })
  })

  it.each([
    ['empty', ''],
    ['blank', '   '],
    ['the unexpanded .env reference', '$IMS_OAUTH_S2S_CLIENT_SECRET'],
    ['not text', { secret: 'x' }]
  ])('counts a %s value as missing', (_, value) => {
    // Act
    const found = problems({ ...BASE, IMS_OAUTH_S2S_CLIENT_SECRET: value })
    // Assess
    expect(found).toEqual({ IMS_OAUTH_S2S_CLIENT_SECRET: 'is required' })
  })

  it('names malformed variables without repeating their values', () => {
    // Prepare
    const params = {
      ...BASE,
      IMS_OAUTH_S2S_ORG_ID: 'not-an-org',
      IDENTITY_HASH_SALT: 'short-salt-xyz',
      AEP_SANDBOX: 'Prod',
      PHONE_DEFAULT_COUNTRY_CODE: '+44'
    }
    // Act
    const error = configError(params)
    // Assess
    expect(error.variables).toEqual({
      IMS_OAUTH_S2S_ORG_ID: 'must look like XXXXXXXX@AdobeOrg',
      AEP_SANDBOX: 'must be a lower-case sandbox name',
      PHONE_DEFAULT_COUNTRY_CODE: 'must be a country calling code such as 1 or 44',
      IDENTITY_HASH_SALT: 'must be a random value of at least 16 characters'
    })
    expect(JSON.stringify(error.toJSON())).not.toMatch(/not-an-org|short-salt-xyz|\+44/)
  })

  it('always allows the default sandbox, once, besides the listed ones', () => {
    // Act
    const config = parseConfig({ ...BASE, AEP_SANDBOX: 'dev', AEP_ALLOWED_SANDBOXES: ' prod, dev ,, stage ' })
    // Assess
    expect([config.aep.sandbox, config.aep.allowedSandboxes]).toEqual(['dev', ['dev', 'prod', 'stage']])
  })

  it('refuses an allowed-sandbox list with a name that is not a sandbox', () => {
    // Act
    const found = problems({ ...BASE, AEP_ALLOWED_SANDBOXES: 'dev,Prod Copy' })
    // Assess
    expect(found).toEqual({ AEP_ALLOWED_SANDBOXES: 'must be a comma-separated list of sandbox names' })
  })
})

describe('parseConfig scopes', () => {
  it.each([
    ['a comma list', 'openid, AdobeID ,,session', ['openid', 'AdobeID', 'session']],
    ['the JSON array aio app use writes', '["openid","AdobeID"]', ['openid', 'AdobeID']],
    ['a JSON array, keeping only its non-blank texts', '["openid", 7, " ", " AdobeID "]', ['openid', 'AdobeID']],
    ['an array-looking list that is not JSON', '[openid, "AdobeID"]', ['openid', 'AdobeID']]
  ])('reads %s', (_, value, scopes) => {
    // Act
    const config = parseConfig({ ...BASE, IMS_OAUTH_S2S_SCOPES: value })
    // Assess
    expect(config.ims.scopes).toEqual(scopes)
  })
})

describe('parseConfig whole numbers', () => {
  it.each([
    ['AEP_TIMEOUT_MS', '100', 100],
    ['AEP_TIMEOUT_MS', '60000', 60000],
    ['AEP_TIMEOUT_MS', 2500, 2500],
    ['CACHE_TTL_SECONDS', '0', 0],
    ['CACHE_TTL_SECONDS', '86400', 86400],
    ['CACHE_STALE_GRACE_SECONDS', '604800', 604800],
    ['AUDIENCE_CACHE_TTL_SECONDS', ' 60 ', 60]
  ])('accepts %s=%j at or within its bounds', (name, value, expected) => {
    // Act
    const config = parseConfig({ ...BASE, [name]: value })
    // Assess
    const read = {
      AEP_TIMEOUT_MS: config.aep.timeoutMs,
      CACHE_TTL_SECONDS: config.cache.profileTtlSeconds,
      CACHE_STALE_GRACE_SECONDS: config.cache.staleGraceSeconds,
      AUDIENCE_CACHE_TTL_SECONDS: config.cache.audienceTtlSeconds
    }
    expect(read[name as keyof typeof read]).toBe(expected)
  })

  it.each([
    ['AEP_TIMEOUT_MS', '99', 'must be a whole number from 100 to 60000'],
    ['AEP_TIMEOUT_MS', '60001', 'must be a whole number from 100 to 60000'],
    ['AEP_TIMEOUT_MS', '1500.5', 'must be a whole number from 100 to 60000'],
    ['AEP_TIMEOUT_MS', 'fast', 'must be a whole number from 100 to 60000'],
    ['CACHE_TTL_SECONDS', '-1', 'must be a whole number from 0 to 86400'],
    ['CACHE_TTL_SECONDS', '86401', 'must be a whole number from 0 to 86400'],
    ['CACHE_STALE_GRACE_SECONDS', '604801', 'must be a whole number from 0 to 604800'],
    ['AUDIENCE_CACHE_TTL_SECONDS', '1e9', 'must be a whole number from 0 to 604800']
  ])('refuses %s=%s', (name, value, problem) => {
    // Act
    const found = problems({ ...BASE, [name]: value })
    // Assess
    expect(found).toEqual({ [name]: problem })
  })
})

describe('parseConfig upstream hosts', () => {
  it("defaults to Adobe's production hosts", () => {
    // Act
    const config = parseConfig(BASE)
    // Assess
    expect([config.ims.baseUrl, config.aep.baseUrl, config.cache.stateEndpoint]).toEqual([
      'https://ims-na1.adobelogin.com',
      'https://platform.adobe.io',
      null
    ])
  })

  it("accepts Adobe's stage hosts and a regional State endpoint", () => {
    // Prepare
    const params = {
      ...BASE,
      IMS_BASE_URL: 'https://ims-na1-stg1.adobelogin.com',
      AEP_BASE_URL: 'https://platform-stage.adobe.io/',
      AIO_STATE_ENDPOINT: 'https://storage-state-emea.app-builder.adp.adobe.io'
    }
    // Act
    const found = problems(params)
    // Assess
    expect(found).toEqual({})
  })

  it("refuses any other host, and Adobe's hosts over plain http, naming each variable", () => {
    // Prepare
    const params = {
      ...BASE,
      IMS_BASE_URL: 'http://ims-na1.adobelogin.com',
      AEP_BASE_URL: 'https://platform.adobe.io.evil.example',
      AIO_STATE_ENDPOINT: 'http://127.0.0.1:9103'
    }
    // Act
    const found = problems(params)
    // Assess
    expect(Object.keys(found).sort()).toEqual(['AEP_BASE_URL', 'AIO_STATE_ENDPOINT', 'IMS_BASE_URL'])
  })

  it('accepts another host only when the deployment lists it in ALLOWED_UPSTREAM_HOSTS', () => {
    // Prepare
    const local = {
      ...BASE,
      IMS_BASE_URL: 'http://127.0.0.1:9102',
      AEP_BASE_URL: 'http://localhost:9101',
      AIO_STATE_ENDPOINT: 'http://127.0.0.1:9103'
    }
    // Act
    const config = parseConfig({ ...local, ALLOWED_UPSTREAM_HOSTS: ' 127.0.0.1, LOCALHOST ' })
    const withoutLocalhost = problems({ ...local, ALLOWED_UPSTREAM_HOSTS: '127.0.0.1' })
    // Assess
    expect([config.ims.baseUrl, config.aep.baseUrl, config.cache.stateEndpoint]).toEqual([
      'http://127.0.0.1:9102',
      'http://localhost:9101',
      'http://127.0.0.1:9103'
    ])
    expect(Object.keys(withoutLocalhost)).toEqual(['AEP_BASE_URL'])
  })
})

describe('parseConfig State region', () => {
  it("defaults to amer, takes one of Adobe's regions, and refuses any other", () => {
    // Prepare
    const base = {
      IMS_OAUTH_S2S_ORG_ID: 'DEMO0000000000000000000A@AdobeOrg',
      IMS_OAUTH_S2S_CLIENT_ID: 'c',
      IMS_OAUTH_S2S_CLIENT_SECRET: 's',
      IDENTITY_HASH_SALT: 'unit-test-salt-0123456789'
    }
    // Act
    const regions = [
      parseConfig(base).cache.stateRegion,
      parseConfig({ ...base, AIO_STATE_REGION: 'emea' }).cache.stateRegion
    ]
    const refused = () => parseConfig({ ...base, AIO_STATE_REGION: 'mars' })
    // Assess
    expect(regions).toEqual(['amer', 'emea'])
    expect(refused).toThrow(
      expect.objectContaining({ variables: { AIO_STATE_REGION: 'must be one of amer, emea, apac, aus' } })
    )
  })
})

describe('parseConfig cache miss path and pointers', () => {
  it.each<[string, Params, Record<string, unknown>]>([
    [
      'the modes and namespaces as given',
      { CACHE_READ_MODE: 'parallel', CACHE_WRITE_MODE: 'behind', CACHE_POINTER_NAMESPACES: ' Email , phone,email ' },
      { readMode: 'parallel', writeMode: 'behind', pointerNamespaces: ['email', 'phone'] }
    ],
    [
      'the defaults for empty values',
      { CACHE_READ_MODE: '', CACHE_WRITE_MODE: '$CACHE_WRITE_MODE', CACHE_POINTER_NAMESPACES: '' },
      { readMode: 'before', writeMode: 'await', pointerNamespaces: ['email', 'phone', 'crmid', 'ecid', 'loyaltyid'] }
    ],
    ['no pointers at all for none', { CACHE_POINTER_NAMESPACES: 'NONE' }, { pointerNamespaces: [] }],
    [
      'a custom namespace code',
      { CACHE_POINTER_NAMESPACES: 'loyaltyId,nonesuch' },
      { pointerNamespaces: ['loyaltyid', 'nonesuch'] }
    ]
  ])('reads %s', (_, settings, expected) => {
    // Act
    const { cache } = parseConfig({ ...BASE, ...settings })
    // Assess
    expect(cache).toMatchObject(expected)
  })

  it('names each malformed setting, never guessing what was meant', () => {
    // Act
    const found = problems({
      ...BASE,
      CACHE_READ_MODE: 'after',
      CACHE_WRITE_MODE: 'true',
      CACHE_POINTER_NAMESPACES: 'email,none'
    })
    // Assess
    expect(found).toEqual({
      CACHE_READ_MODE: 'must be before or parallel',
      CACHE_WRITE_MODE: 'must be await or behind',
      CACHE_POINTER_NAMESPACES: 'must be a comma-separated list of identity namespace codes, e.g. email,phone, or none'
    })
  })

  it.each(['email;phone', 'email,,phone', '@email', 'email,'])('refuses the pointer namespaces %j', (value) => {
    // Act
    const found = problems({ ...BASE, CACHE_POINTER_NAMESPACES: value })
    // Assess
    expect(Object.keys(found)).toEqual(['CACHE_POINTER_NAMESPACES'])
  })
})

describe('parseConfig view mapping', () => {
  it('reads CUSTOMER_VIEW_MAPPING', () => {
    // Act
    const config = parseConfig({ ...BASE, CUSTOMER_VIEW_MAPPING: DEMO_MAPPING_JSON })
    // Assess
    expect(config.mapping).toEqual(DEMO_MAPPING)
  })

  it.each([
    ['empty', ''],
    ['the unexpanded .env reference', '$CUSTOMER_VIEW_MAPPING']
  ])('uses the empty mapping when CUSTOMER_VIEW_MAPPING is %s', (_, value) => {
    // Act
    const config = parseConfig({ ...BASE, CUSTOMER_VIEW_MAPPING: value })
    // Assess
    expect(config.mapping).toEqual(EMPTY_MAPPING)
  })

  it('reads the former INSIGHT_FIELD_MAP when it is the only one set', () => {
    // Prepare
    const legacy =
      '{"lifetimeValue":"_demotenant.clv.value","lifetimeValueCurrency":"_demotenant.clv.currency","churnPropensity":"_demotenant.scores.churnPropensity","engagementPropensity":"_demotenant.scores.engagementPropensity"}'
    // Act
    const config = parseConfig({ ...BASE, INSIGHT_FIELD_MAP: legacy, CUSTOMER_VIEW_MAPPING: '$CUSTOMER_VIEW_MAPPING' })
    // Assess
    expect(config.mapping).toEqual(DEMO_MAPPING)
  })

  it('refuses INSIGHT_FIELD_MAP beside CUSTOMER_VIEW_MAPPING, whatever either holds', () => {
    // Act
    const found = problems({ ...BASE, CUSTOMER_VIEW_MAPPING: DEMO_MAPPING_JSON, INSIGHT_FIELD_MAP: 'not json' })
    // Assess
    expect(found).toEqual({
      INSIGHT_FIELD_MAP: 'is replaced by CUSTOMER_VIEW_MAPPING: move its keys there and unset it'
    })
  })

  it('names each field at fault under the variable that holds it', () => {
    // Prepare
    const mapping = '{"defaultCurrency":"dollars","attributes":[{"path":"a.b","label":"A","format":"percent"}]}'
    // Act
    const found = [
      problems({ ...BASE, CUSTOMER_VIEW_MAPPING: mapping }),
      problems({ ...BASE, INSIGHT_FIELD_MAP: '{"defaultCurrency":"dollars"}' })
    ]
    // Assess
    expect(found).toEqual([
      {
        'CUSTOMER_VIEW_MAPPING.defaultCurrency': 'must be an ISO 4217 code such as USD',
        'CUSTOMER_VIEW_MAPPING.attributes[0].format': 'must be one of text, number, money, date, boolean, enum'
      },
      { 'INSIGHT_FIELD_MAP.defaultCurrency': 'must be an ISO 4217 code such as USD' }
    ])
  })

  it('names the variable itself when its value is not a JSON object, beside the other problems', () => {
    // Act
    const error = configError({ ...BASE, CUSTOMER_VIEW_MAPPING: '[1]', AEP_SANDBOX: 'Prod' })
    // Assess
    expect(error.variables).toEqual({
      AEP_SANDBOX: 'must be a lower-case sandbox name',
      CUSTOMER_VIEW_MAPPING: 'must be a JSON object'
    })
    expect(error.message).toBe(
      "The action is misconfigured: AEP_SANDBOX, CUSTOMER_VIEW_MAPPING. An administrator must fix the app's settings."
    )
  })
})

describe('parseConfig MASK_PERSONAL_DATA', () => {
  it.each([
    ['unset', undefined, true],
    ['empty', '', true],
    ['the unexpanded .env reference', '$MASK_PERSONAL_DATA', true],
    ['true', 'true', true],
    ['false', 'false', false],
    ['FALSE with spaces', ' FALSE ', false],
    ['the boolean false', false, false]
  ] as const)('reads %s into maskPersonalData', (_, value, expected) => {
    // Prepare
    const params = value === undefined ? BASE : { ...BASE, MASK_PERSONAL_DATA: value }
    // Act
    const config = parseConfig(params)
    // Assess
    expect(config.ui).toEqual({ maskPersonalData: expected })
  })

  it.each(['no', '0', 'off', 'maybe'])('refuses %j rather than guess which way it was meant', (value) => {
    // Act
    const found = problems({ ...BASE, MASK_PERSONAL_DATA: value })
    // Assess
    expect(found).toEqual({ MASK_PERSONAL_DATA: 'must be true or false' })
  })
})
