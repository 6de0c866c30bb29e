/**
 * The configuration half of the doctor: the actions' own parser (parseConfig) run over the inputs
 * they will get, every problem reported with where the right value comes from, plus the mistakes
 * parseConfig cannot see on its own (local-only values in a production configuration).
 */
import { type Config, type Params, parseConfig } from '../../actions/lib/config/config'
import { ConfigError } from '../../actions/lib/errors/errors'
import { hintFor } from './hints'
import { type CheckResult, check } from './types'

const GROUP = 'Configuration'
/** The salt .env.example ships with: fine for the stand-ins, a known value in production. */
export const DEMO_SALT = 'local-demo-salt-change-me-in-production'

export function isLoopback(url: string): boolean {
  try {
    const host = new URL(url).hostname
    return host === 'localhost' || host === '[::1]' || /^127\./.test(host)
  } catch {
    return false
  }
}

export interface ConfigCheck {
  results: CheckResult[]
  config: Config | null
}

export function checkConfig(params: Params): ConfigCheck {
  let config: Config
  try {
    config = parseConfig(params)
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e
    const results = Object.entries(e.variables).map(([name, problem]) =>
      check.fail(GROUP, `${name} ${problem}`, hintFor(name))
    )
    return { results, config: null }
  }
  return {
    results: [check.pass(GROUP, 'Every input parses (parseConfig accepts them)'), ...subtlerChecks(config, params)],
    config
  }
}

/** Values parseConfig accepts but that cannot work, or must not be used in production. */
function subtlerChecks(config: Config, params: Params): CheckResult[] {
  const out: CheckResult[] = []
  const production = !isLoopback(config.aep.baseUrl)
  if (production && config.identitySalt === DEMO_SALT) {
    out.push(check.fail(GROUP, 'IDENTITY_HASH_SALT is the demo value from .env.example', hintFor('IDENTITY_HASH_SALT')))
  }
  if (production && config.cache.stateEndpoint) {
    out.push(
      check.warn(
        GROUP,
        'AIO_STATE_ENDPOINT is set while AEP is not local',
        'Leave AIO_STATE_ENDPOINT empty in production: the actions then use App Builder State.'
      )
    )
  }
  if (production && typeof params.ALLOWED_UPSTREAM_HOSTS === 'string' && params.ALLOWED_UPSTREAM_HOSTS.trim() !== '') {
    out.push(
      check.warn(GROUP, 'ALLOWED_UPSTREAM_HOSTS is set while AEP is not local', hintFor('ALLOWED_UPSTREAM_HOSTS'))
    )
  }
  if (production !== !isLoopback(config.ims.baseUrl)) {
    out.push(
      check.warn(
        GROUP,
        'One of IMS_BASE_URL and AEP_BASE_URL is local, the other not',
        'Point both at Adobe (production) or both at the stand-ins (local).'
      )
    )
  }
  if (!config.interactions) {
    out.push(
      check.warn(
        GROUP,
        'AEP_STREAMING_CONNECTION_ID is not set: agents cannot record call outcomes (the Wrap up panel is hidden)',
        'Set AEP_STREAMING_CONNECTION_ID, AEP_INTERACTIONS_DATASET_ID and CUSTOMER_VIEW_MAPPING.interactions (docs/deploy.md, "Record call outcomes"). A .env made before they existed lacks them: copy them from .env.example.'
      )
    )
  }
  if (params.LOG_LEVEL === 'debug') {
    out.push(check.warn(GROUP, 'LOG_LEVEL is debug', 'Use info in production: debug lines are many and larger.'))
  }
  return out
}
