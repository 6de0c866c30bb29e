import { parseConfig } from '../../../actions/lib/config/config'
import { ConfigError } from '../../../actions/lib/errors/errors'

const BASE = {
  IMS_OAUTH_S2S_ORG_ID: 'DEMO0000000000000000000A@AdobeOrg',
  IMS_OAUTH_S2S_CLIENT_ID: 'client',
  IMS_OAUTH_S2S_CLIENT_SECRET: 'secret',
  IDENTITY_HASH_SALT: 'unit-test-salt-0123456789'
}

function problems(params: Record<string, unknown>): Record<string, string> {
  try {
    parseConfig(params)
    return {}
  } catch (e) {
    if (e instanceof ConfigError) return e.variables
    throw e
  }
}

describe('parseConfig upstream hosts', () => {
  it('defaults to Adobe\'s production hosts', () => {
    // Act
    const config = parseConfig(BASE)
    // Assess
    expect([config.ims.baseUrl, config.aep.baseUrl, config.cache.stateEndpoint]).toEqual(['https://ims-na1.adobelogin.com', 'https://platform.adobe.io', null])
  })

  it('accepts Adobe\'s stage hosts and a regional State endpoint', () => {
    // Prepare
    const params = { ...BASE, IMS_BASE_URL: 'https://ims-na1-stg1.adobelogin.com', AEP_BASE_URL: 'https://platform-stage.adobe.io/', AIO_STATE_ENDPOINT: 'https://storage-state-emea.app-builder.adp.adobe.io' }
    // Act
    const found = problems(params)
    // Assess
    expect(found).toEqual({})
  })

  it('refuses any other host, and Adobe\'s hosts over plain http, naming each variable', () => {
    // Prepare
    const params = { ...BASE, IMS_BASE_URL: 'http://ims-na1.adobelogin.com', AEP_BASE_URL: 'https://platform.adobe.io.evil.example', AIO_STATE_ENDPOINT: 'http://127.0.0.1:9103' }
    // Act
    const found = problems(params)
    // Assess
    expect(Object.keys(found).sort()).toEqual(['AEP_BASE_URL', 'AIO_STATE_ENDPOINT', 'IMS_BASE_URL'])
  })

  it('accepts another host only when the deployment lists it in ALLOWED_UPSTREAM_HOSTS', () => {
    // Prepare
    const local = { ...BASE, IMS_BASE_URL: 'http://127.0.0.1:9102', AEP_BASE_URL: 'http://localhost:9101', AIO_STATE_ENDPOINT: 'http://127.0.0.1:9103' }
    // Act
    const config = parseConfig({ ...local, ALLOWED_UPSTREAM_HOSTS: ' 127.0.0.1, LOCALHOST ' })
    const withoutLocalhost = problems({ ...local, ALLOWED_UPSTREAM_HOSTS: '127.0.0.1' })
    // Assess
    expect([config.ims.baseUrl, config.aep.baseUrl, config.cache.stateEndpoint]).toEqual(['http://127.0.0.1:9102', 'http://localhost:9101', 'http://127.0.0.1:9103'])
    expect(Object.keys(withoutLocalhost)).toEqual(['AEP_BASE_URL'])
  })
})
