import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { checkConfig, DEMO_SALT } from '../../scripts/doctor/config-checks'
import { checkSameInputs, readManifest, resolveInputs } from '../../scripts/doctor/inputs'
import { formatReport } from '../../scripts/doctor/report'
import type { CheckResult } from '../../scripts/doctor/types'

const ROOT = join(__dirname, '..', '..')
const MANIFEST = readManifest(ROOT)

/** `.env.example` as a variable map: the configuration every new install starts from. */
function exampleVars(): Record<string, string> {
  const out: Record<string, string> = {}
  for (const line of readFileSync(join(ROOT, '.env.example'), 'utf8').split('\n')) {
    const m = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(line)
    if (m?.[1]) out[m[1]] = m[2] ?? ''
  }
  return out
}

function paramsOf(vars: Record<string, string | undefined>): Record<string, unknown> {
  const first = resolveInputs(MANIFEST, vars)[0]
  if (!first) throw new Error('the manifest declares no actions')
  return first.params
}

const failures = (results: CheckResult[]): Array<Pick<CheckResult, 'title' | 'hint'>> =>
  results.filter((r) => r.status === 'fail').map(({ title, hint }) => ({ title, hint }))

describe('doctor: inputs', () => {
  it('gives every action the manifest inputs with $VARS replaced from the variables', () => {
    const actions = resolveInputs(MANIFEST, { AEP_SANDBOX: 'dev', IMS_BASE_URL: 'http://127.0.0.1:1' })

    expect(actions.length).toBeGreaterThanOrEqual(4)
    for (const a of actions) {
      expect(a.params).toMatchObject({ LOG_LEVEL: 'info', AEP_SANDBOX: 'dev', IMS_BASE_URL: 'http://127.0.0.1:1' })
      // Unset variables stay the literal $NAME, as a deployed action receives them.
      expect(a.params.AEP_MERGE_POLICY_ID).toBe('$AEP_MERGE_POLICY_ID')
    }
  })

  it('passes when every action declares the same inputs and names the ones that drifted', () => {
    const same = resolveInputs(MANIFEST, {})
    const drifted = same.map((a, i) => (i === 1 ? { ...a, params: { ...a.params, EXTRA: 'x' } } : a))

    expect(checkSameInputs(same).status).toBe('pass')
    expect(checkSameInputs(drifted)).toEqual({
      group: 'Configuration',
      status: 'fail',
      title: `Actions ${drifted[1]?.action ?? ''} declare other inputs than ${drifted[0]?.action ?? ''}`,
      hint: 'Give every action `inputs: *inputs` in src/dx-excshell-1/ext.config.yaml.'
    })
  })
})

describe('doctor: configuration', () => {
  it('accepts .env.example as it ships', () => {
    const { results, config } = checkConfig(paramsOf(exampleVars()))

    expect(config).not.toBeNull()
    expect(results).toEqual([
      { group: 'Configuration', status: 'pass', title: 'Every input parses (parseConfig accepts them)' }
    ])
  })

  it("gives the demo org's mapping (stand-ins/seed/demo-mapping.json) as CUSTOMER_VIEW_MAPPING", () => {
    // Prepare
    const shipped = JSON.parse(readFileSync(join(ROOT, 'stand-ins/seed/demo-mapping.json'), 'utf8')) as unknown
    // Act
    const inExample = JSON.parse(exampleVars().CUSTOMER_VIEW_MAPPING ?? 'null') as unknown
    // Assess
    expect(inExample).toEqual(shipped)
  })

  it('reports every missing or malformed variable at once, each with where its value comes from', () => {
    const vars = {
      ...exampleVars(),
      IMS_OAUTH_S2S_CLIENT_ID: '',
      IMS_OAUTH_S2S_ORG_ID: 'not-an-org',
      AEP_SANDBOX: 'Prod Sandbox',
      AEP_BASE_URL: 'platform.adobe.io',
      CACHE_TTL_SECONDS: '-5',
      CUSTOMER_VIEW_MAPPING: '{"attributes":[{"path":"loyalty.tier","label":"Tier","format":"colour"}]}',
      IDENTITY_HASH_SALT: 'short'
    }

    const { results, config } = checkConfig(paramsOf(vars))

    expect(config).toBeNull()
    expect(
      failures(results)
        .map((f) => f.title)
        .sort()
    ).toEqual([
      'AEP_BASE_URL must be an http(s) URL',
      'AEP_SANDBOX must be a lower-case sandbox name',
      'CACHE_TTL_SECONDS must be a whole number from 0 to 86400',
      'CUSTOMER_VIEW_MAPPING.attributes[0].format must be one of text, number, money, date, boolean, enum',
      'IDENTITY_HASH_SALT must be a random value of at least 16 characters',
      'IMS_OAUTH_S2S_CLIENT_ID is required',
      'IMS_OAUTH_S2S_ORG_ID must look like XXXXXXXX@AdobeOrg'
    ])
    expect(failures(results).find((f) => f.title.startsWith('IMS_OAUTH_S2S_CLIENT_ID'))?.hint).toBe(
      'Developer Console → project → workspace → OAuth Server-to-Server credential → Client ID.'
    )
  })

  it('refuses the demo salt and warns about a State endpoint when AEP is production', () => {
    const vars = {
      ...exampleVars(),
      AEP_BASE_URL: 'https://platform.adobe.io',
      IMS_BASE_URL: 'https://ims-na1.adobelogin.com',
      IDENTITY_HASH_SALT: DEMO_SALT
    }

    const { results } = checkConfig(paramsOf(vars))

    expect(results.map((r) => [r.status, r.title])).toEqual([
      ['pass', 'Every input parses (parseConfig accepts them)'],
      ['fail', 'IDENTITY_HASH_SALT is the demo value from .env.example'],
      ['warn', 'AIO_STATE_ENDPOINT is set while AEP is not local'],
      ['warn', 'ALLOWED_UPSTREAM_HOSTS is set while AEP is not local']
    ])
  })

  it('warns, without failing, when a .env records no call outcomes (one made before the setting existed)', () => {
    // Prepare: .env.example as an older checkout had it, without the streaming connection.
    const older = { ...exampleVars(), AEP_STREAMING_CONNECTION_ID: undefined, AEP_INTERACTIONS_DATASET_ID: undefined }
    // Act
    const before = checkConfig(paramsOf(older)).results
    const now = checkConfig(paramsOf(exampleVars())).results
    // Assess
    const warning = (rs: CheckResult[]) =>
      rs.filter((r) => r.title.startsWith('AEP_STREAMING_CONNECTION_ID is not set'))
    expect(warning(before).map((r) => r.status)).toEqual(['warn'])
    expect(failures(before)).toEqual([])
    expect(warning(now)).toEqual([])
  })

  it('accepts IMS_OAUTH_S2S_SCOPES written as a JSON array, as `aio app use` writes it', () => {
    const vars = { ...exampleVars(), IMS_OAUTH_S2S_SCOPES: '["openid","AdobeID","read_organizations"]' }

    const { results } = checkConfig(paramsOf(vars))

    expect(failures(results)).toEqual([])
  })

  it('never prints a secret value, even if a message were to carry one', () => {
    const out = formatReport(
      [{ group: 'G', status: 'fail', title: 'leaked s3cr3t-value here', hint: 'again s3cr3t-value' }],
      ['s3cr3t-value']
    )

    expect(out).toBe(
      '\nG\n  ✖ leaked <hidden> here\n      → again <hidden>\n\n0 passed, 1 failed, 0 warnings, 0 skipped\n'
    )
  })
})
