import { type Params, parseConfig } from '../../../actions/lib/config'
import { ConfigError } from '../../../actions/lib/errors'
import { REQUIRED_SETTINGS, testConfig } from '../fixtures/config'
import { DATASET_ID, FLOW_ID, INLET_ID, MINIMAL_INTERACTIONS, STREAMING_SETTINGS } from '../fixtures/interactions'

/** The ConfigError's variables (name → problem), or {} when the settings parse. */
function problems(extra: Params): Record<string, string> {
  try {
    parseConfig({ ...REQUIRED_SETTINGS, ...extra })
    return {}
  } catch (e) {
    if (e instanceof ConfigError) return e.variables
    throw e
  }
}

const MAPPING_REQUIRED = 'is required when AEP_STREAMING_CONNECTION_ID is set: it gives the shape of the wrap-up event'
const NOT_ADOBE =
  "must be an https URL on Adobe's own host for this service, or on a host listed in ALLOWED_UPSTREAM_HOSTS"

describe('parseConfig: the wrap-up streaming connection', () => {
  it('records no interactions when no connection is set', () => {
    // Act
    const config = testConfig()
    // Assess
    expect(config.interactions).toBeNull()
  })

  it.each([
    ['empty', ''],
    ['an unfilled .env placeholder', '$AEP_STREAMING_CONNECTION_ID']
  ])('treats a connection id that is %s as unset', (_case, value) => {
    // Act
    const config = testConfig({ AEP_STREAMING_CONNECTION_ID: value, AEP_INTERACTIONS_DATASET_ID: '' })
    // Assess
    expect(config.interactions).toBeNull()
  })

  it("reads the connection on Adobe's collection host by default", () => {
    // Act
    const config = testConfig(STREAMING_SETTINGS)
    // Assess
    expect(config.interactions).toEqual({
      baseUrl: 'https://dcs.adobedc.net',
      connectionId: INLET_ID,
      flowId: null,
      datasetId: DATASET_ID
    })
    expect(config.mapping.interactions?.schemaId).toBe(
      'https://ns.adobe.com/demotenant/schemas/call-centre-interactions'
    )
  })

  it('reads a flow id and a base URL given with a trailing slash', () => {
    // Act
    const config = testConfig({
      ...STREAMING_SETTINGS,
      AEP_STREAMING_BASE_URL: 'https://dcs.adobedc.net/',
      AEP_STREAMING_FLOW_ID: FLOW_ID
    })
    // Assess
    expect(config.interactions).toEqual({
      baseUrl: 'https://dcs.adobedc.net',
      connectionId: INLET_ID,
      flowId: FLOW_ID,
      datasetId: DATASET_ID
    })
  })

  it('sends to a local stand-in only when ALLOWED_UPSTREAM_HOSTS names its host', () => {
    // Prepare
    const local = { ...STREAMING_SETTINGS, AEP_STREAMING_BASE_URL: 'http://127.0.0.1:9101' }
    // Act
    const allowed = testConfig({ ...local, ALLOWED_UPSTREAM_HOSTS: '127.0.0.1' })
    const refused = problems(local)
    // Assess
    expect(allowed.interactions?.baseUrl).toBe('http://127.0.0.1:9101')
    expect(refused).toEqual({ AEP_STREAMING_BASE_URL: NOT_ADOBE })
  })

  it.each([
    ["Adobe's host over http", 'http://dcs.adobedc.net'],
    ['a look-alike host', 'https://dcs.adobedc.net.example.com'],
    ["another Adobe service's host", 'https://platform.adobe.io'],
    ['a foreign host', 'https://collector.example.com']
  ])('refuses a base URL on %s', (_case, url) => {
    // Act
    const found = problems({ ...STREAMING_SETTINGS, AEP_STREAMING_BASE_URL: url })
    // Assess
    expect(found).toEqual({ AEP_STREAMING_BASE_URL: NOT_ADOBE })
  })

  it('refuses a base URL that is not a URL', () => {
    // Act
    const found = problems({ AEP_STREAMING_BASE_URL: 'dcs.adobedc.net' })
    // Assess
    expect(found).toEqual({ AEP_STREAMING_BASE_URL: 'must be an http(s) URL' })
  })

  it('names each malformed setting, never echoing its value', () => {
    // Act
    const found = problems({
      CUSTOMER_VIEW_MAPPING: STREAMING_SETTINGS.CUSTOMER_VIEW_MAPPING,
      AEP_STREAMING_CONNECTION_ID: 'cah-demo-interactions-inlet',
      AEP_STREAMING_FLOW_ID: 'flow-1',
      AEP_INTERACTIONS_DATASET_ID: '64f0c0ffee-0000000000016'
    })
    // Assess
    expect(found).toEqual({
      AEP_STREAMING_CONNECTION_ID:
        "must be the streaming connection's inlet id (64 hexadecimal characters, the end of its /collection/ URL)",
      AEP_STREAMING_FLOW_ID: 'must be a dataflow id (a UUID)',
      AEP_INTERACTIONS_DATASET_ID: 'must be a dataset id (24 characters)'
    })
    expect(JSON.stringify(found)).not.toMatch(/cah-demo|flow-1|64f0c0ffee/)
  })

  it.each([
    ['63 hex characters', INLET_ID.slice(1)],
    ['65 hex characters', `${INLET_ID}0`],
    ['a non-hex character', `${INLET_ID.slice(1)}g`]
  ])('refuses a connection id of %s', (_case, id) => {
    // Act
    const found = problems({ ...STREAMING_SETTINGS, AEP_STREAMING_CONNECTION_ID: id })
    // Assess
    expect(Object.keys(found)).toEqual(['AEP_STREAMING_CONNECTION_ID'])
  })

  it('requires the dataset with a connection', () => {
    // Act
    const found = problems({
      AEP_STREAMING_CONNECTION_ID: INLET_ID,
      CUSTOMER_VIEW_MAPPING: STREAMING_SETTINGS.CUSTOMER_VIEW_MAPPING
    })
    // Assess
    expect(found).toEqual({ AEP_INTERACTIONS_DATASET_ID: 'is required when AEP_STREAMING_CONNECTION_ID is set' })
  })

  it('requires the connection with a dataset', () => {
    // Act
    const found = problems({ AEP_INTERACTIONS_DATASET_ID: DATASET_ID })
    // Assess
    expect(found).toEqual({ AEP_STREAMING_CONNECTION_ID: 'is required when AEP_INTERACTIONS_DATASET_ID is set' })
  })

  it.each([
    ['no mapping at all', {}],
    ['a mapping without interactions', { CUSTOMER_VIEW_MAPPING: JSON.stringify({ defaultCurrency: 'EUR' }) }]
  ])('requires CUSTOMER_VIEW_MAPPING.interactions with a connection: %s', (_case, mapping) => {
    // Act
    const found = problems({
      AEP_STREAMING_CONNECTION_ID: INLET_ID,
      AEP_INTERACTIONS_DATASET_ID: DATASET_ID,
      ...mapping
    })
    // Assess
    expect(found).toEqual({ 'CUSTOMER_VIEW_MAPPING.interactions': MAPPING_REQUIRED })
  })

  it('reports a broken interactions mapping once, at its own paths', () => {
    // Prepare
    const mapping = JSON.stringify({ interactions: { ...MINIMAL_INTERACTIONS, topics: [] } })
    // Act
    const found = problems({
      AEP_STREAMING_CONNECTION_ID: INLET_ID,
      AEP_INTERACTIONS_DATASET_ID: DATASET_ID,
      CUSTOMER_VIEW_MAPPING: mapping
    })
    // Assess
    expect(found).toEqual({
      'CUSTOMER_VIEW_MAPPING.interactions.topics': 'must be a list of 1 to 50 {"code": …, "label": …} entries'
    })
  })

  it('does not add the missing-interactions problem to a mapping broken elsewhere', () => {
    // Act
    const found = problems({
      AEP_STREAMING_CONNECTION_ID: INLET_ID,
      AEP_INTERACTIONS_DATASET_ID: DATASET_ID,
      CUSTOMER_VIEW_MAPPING: JSON.stringify({ defaultCurrency: 'euro' })
    })
    // Assess
    expect(found).toEqual({ 'CUSTOMER_VIEW_MAPPING.defaultCurrency': 'must be an ISO 4217 code such as USD' })
  })

  it('does not add it to a mapping that is not JSON', () => {
    // Act
    const found = problems({
      AEP_STREAMING_CONNECTION_ID: INLET_ID,
      AEP_INTERACTIONS_DATASET_ID: DATASET_ID,
      CUSTOMER_VIEW_MAPPING: '{interactions:'
    })
    // Assess
    expect(found).toEqual({ CUSTOMER_VIEW_MAPPING: 'must be a JSON object' })
  })
})
