/**
 * `npm run doctor`'s mapping-vs-schema check against the AEP stand-in's Schema Registry: a path
 * the unions lack fails with where it sits in the setting; the demo mapping passes; an
 * unreachable AEP skips.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Config } from '../../actions/lib/config/config'
import { parseViewMapping } from '../../actions/lib/mapping'
import { checkSchemas, schemaRegistry } from '../../scripts/doctor/schema-checks'
import { type StandIns, startStandIns } from '../../stand-ins'

const DEMO_MAPPING = readFileSync(join(__dirname, '..', '..', 'stand-ins', 'seed', 'demo-mapping.json'), 'utf8')
const SETTING = 'CUSTOMER_VIEW_MAPPING'

let s: StandIns
let token: string

beforeAll(async () => {
  s = await startStandIns({ customers: 100, aep: { port: 0 }, ims: { port: 0 }, state: { port: 0 } })
  token = s.ims.mintServiceToken()
})
afterAll(async () => {
  await s.close()
})

function aepConfig(baseUrl = s.aep.url): Config['aep'] {
  return {
    baseUrl,
    orgId: 'DEMO0000000000000000000A@AdobeOrg',
    apiKey: 'cah-local-client',
    sandbox: 'prod',
    allowedSandboxes: ['prod', 'dev'],
    mergePolicyId: null,
    timeoutMs: 3000
  }
}

const run = (mapping: string, config = aepConfig()) =>
  checkSchemas(parseViewMapping(mapping), SETTING, config.allowedSandboxes, schemaRegistry(config, token))

describe('doctor: the mapping against the union schemas', () => {
  it('passes the demo mapping, reading both unions of every allowed sandbox', async () => {
    // Arrange
    s.aep.control.reset()

    // Act
    const results = await run(DEMO_MAPPING)

    // Assess
    expect(results).toEqual([
      {
        group: 'Customer view mapping',
        status: 'pass',
        title: 'All 20 mapped paths of CUSTOMER_VIEW_MAPPING exist in the union schemas of sandboxes prod, dev'
      }
    ])
    expect(
      s.aep.control.requests('schemas.union').map((r) => [r.headers['x-sandbox-name'], r.headers.accept, r.path])
    ).toEqual([
      ['prod', 'application/vnd.adobe.xed-full+json; version=1', expect.stringContaining('profile__union')],
      ['prod', 'application/vnd.adobe.xed-full+json; version=1', expect.stringContaining('experienceevent__union')],
      ['dev', 'application/vnd.adobe.xed-full+json; version=1', expect.stringContaining('profile__union')],
      ['dev', 'application/vnd.adobe.xed-full+json; version=1', expect.stringContaining('experienceevent__union')]
    ])
  })

  it('fails each path the schema lacks, naming where it sits in the setting', async () => {
    // Arrange
    const mapping = JSON.stringify({
      attributes: [
        { id: 'since', path: '_demotenant.customerSince', label: { en: 'Customer since' }, format: 'date' },
        { id: 'tier', path: '_acme.tier', label: { en: 'Tier' }, format: 'text' }
      ],
      insights: [{ id: 'churn', path: '_demotenant.churnPropensity', label: { en: 'Churn' }, highIs: 'risk' }],
      events: [
        {
          id: 'call',
          match: { hasPath: '_demotenant.interactionDetails.core.callCenterAgent.callID' },
          kind: 'support-call',
          channel: 'phone',
          details: { reason: '_demotenant.interactionDetails.core.callCenterAgent.topic' },
          summary: { en: 'Call about {_demotenant.call.topic}' }
        }
      ]
    })

    // Act
    const results = await run(mapping)

    // Assess
    expect(results.map((r) => [r.status, r.title, r.hint])).toEqual([
      [
        'fail',
        'CUSTOMER_VIEW_MAPPING.attributes[1].path _acme.tier is not in the profile union schema of sandboxes prod, dev',
        'Did you mean loyalty.tier? Fix the path in CUSTOMER_VIEW_MAPPING.'
      ],
      [
        'fail',
        'CUSTOMER_VIEW_MAPPING.insights[0].path _demotenant.churnPropensity is not in the profile union schema of sandboxes prod, dev',
        'Did you mean _demotenant.scores.churnPropensity? Fix the path in CUSTOMER_VIEW_MAPPING.'
      ],
      [
        'fail',
        'CUSTOMER_VIEW_MAPPING.events[0].details.reason _demotenant.interactionDetails.core.callCenterAgent.topic is not in the experience-event union schema of sandboxes prod, dev',
        'Check the field in Experience Platform → Schemas (tenant fields start with _<tenant>.) and that its schema is enabled for Profile; or fix CUSTOMER_VIEW_MAPPING.'
      ],
      [
        'fail',
        'CUSTOMER_VIEW_MAPPING.events[0].summary.en _demotenant.call.topic is not in the experience-event union schema of sandboxes prod, dev',
        'Check the field in Experience Platform → Schemas (tenant fields start with _<tenant>.) and that its schema is enabled for Profile; or fix CUSTOMER_VIEW_MAPPING.'
      ]
    ])
  })

  it('warns about a path that runs through an array, which the view cannot read', async () => {
    // Arrange
    const mapping = JSON.stringify({
      events: [
        {
          id: 'buy',
          match: { eventType: 'commerce.purchases' },
          kind: 'purchase',
          channel: null,
          details: { amount: 'productListItems.priceTotal' }
        }
      ]
    })

    // Act
    const results = await run(mapping)

    // Assess
    expect(results.map((r) => [r.status, r.title])).toEqual([
      [
        'warn',
        'CUSTOMER_VIEW_MAPPING.events[0].details.amount productListItems.priceTotal runs through the array productListItems: the view reads fields outside arrays only'
      ]
    ])
  })

  it('skips when the Schema Registry cannot be reached', async () => {
    // Act
    const results = await run(DEMO_MAPPING, aepConfig('http://127.0.0.1:9'))

    // Assess
    expect(results).toEqual([
      {
        group: 'Customer view mapping',
        status: 'skip',
        title: expect.stringMatching(/^Mapped paths not checked: the Schema Registry could not be reached/),
        hint: 'Fix the AEP access above first; then retry.'
      }
    ])
  })

  it('warns, and checks nothing there, when the credential may not read the schemas', async () => {
    // Arrange
    const config = { ...aepConfig(), allowedSandboxes: ['prod'] }
    const refusing = schemaRegistry(config, 'not-a-valid-token')

    // Act
    const results = await checkSchemas(parseViewMapping(DEMO_MAPPING), SETTING, ['prod'], refusing)

    // Assess
    expect(results.map((r) => [r.status, r.title])).toEqual([
      [
        'warn',
        'The profile union schema of sandbox prod could not be read (HTTP 401: 401013 Oauth token is not valid)'
      ],
      [
        'warn',
        'The experience-event union schema of sandbox prod could not be read (HTTP 401: 401013 Oauth token is not valid)'
      ]
    ])
  })
})
