/**
 * Runs every doctor check in order, each only when what it needs passed: configuration → IMS
 * token → AEP (gateway, sandboxes, merge policies) → sample data → the mapping against the union
 * schemas → State; and, needing only the Runtime namespace, log forwarding (whether the audit
 * lines survive).
 */

import type { FetchLike } from '../../actions/lib/aep/upstream-http'
import type { Config } from '../../actions/lib/config/config'
import { checkAep } from './aep-checks'
import { aepProbe } from './aep-probe'
import { checkConfig, isLoopback } from './config-checks'
import { checkIms, type TokenFetcher } from './ims-check'
import { checkSameInputs, type Manifest, resolveInputs } from './inputs'
import { checkInsights, type Sample } from './insight-checks'
import { checkLogForwarding, type LogForwardingReader } from './log-forwarding-check'
import { checkSchemas, schemaRegistry } from './schema-checks'
import { checkState, prepareStateEndpoint, runtimeCredentials } from './state-check'
import { type CheckResult, check } from './types'

export interface DoctorOptions {
  /** The app's runtime packages (readManifest). */
  manifest: Manifest
  /** Variables as aio sees them: the shell environment over `.env`. */
  vars: Record<string, string | undefined>
  /** Customers to read insight fields from; undefined = Jane Doe when AEP is the local stand-in. */
  samples?: Sample[]
  fetchToken?: TokenFetcher
  fetch?: FetchLike
  /** Reads the namespace's log-forwarding configuration; default: aio-lib-runtime against the Runtime API. */
  readLogForwarding?: LogForwardingReader
}

export interface DoctorReport {
  results: CheckResult[]
  /** Values that must never appear in the output (the report redacts them). */
  secrets: string[]
}

const MAPPING_SETTING = 'CUSTOMER_VIEW_MAPPING'

/** The stand-ins' demo customer; only meaningful when AEP is local. */
export const LOCAL_SAMPLE: Sample = { namespace: 'email', id: 'jane.doe@example.com' }

export async function runDoctor(opts: DoctorOptions): Promise<DoctorReport> {
  const actions = resolveInputs(opts.manifest, opts.vars)
  const first = actions[0]
  const creds = runtimeCredentials(opts.vars)
  const secrets = [opts.vars.IMS_OAUTH_S2S_CLIENT_SECRET, creds.auth].filter(
    (s): s is string => typeof s === 'string' && s.length >= 4
  )
  const results: CheckResult[] = [checkSameInputs(actions)]
  const { results: configResults, config } = checkConfig(first?.params ?? {})
  results.push(...configResults)
  if (config) results.push(...(await checkServices(config, opts, creds, secrets)))
  else results.push(check.skip('Adobe services', 'IMS, AEP and State checks', 'Fix the configuration above first.'))
  results.push(await checkLogForwarding(opts.vars, creds, opts.readLogForwarding))
  return { results, secrets }
}

async function checkServices(
  config: Config,
  opts: DoctorOptions,
  creds: ReturnType<typeof runtimeCredentials>,
  secrets: string[]
): Promise<CheckResult[]> {
  prepareStateEndpoint(config)
  const results: CheckResult[] = []
  const ims = await checkIms(config.ims, opts.fetchToken)
  results.push(ims.result)
  if (ims.token) {
    secrets.push(ims.token)
    const aep = await checkAep(config.aep, aepProbe(config.aep, ims.token, opts.fetch))
    results.push(...aep.results)
    const samples = opts.samples ?? (isLoopback(config.aep.baseUrl) ? [LOCAL_SAMPLE] : [])
    if (aep.reachable) {
      results.push(...(await checkInsights(config, ims.token, samples, opts.fetch)))
      const registry = schemaRegistry(config.aep, ims.token, opts.fetch)
      // The mapping's paths are named as CUSTOMER_VIEW_MAPPING spells them, whichever variable held it.
      results.push(...(await checkSchemas(config.mapping, MAPPING_SETTING, config.aep.allowedSandboxes, registry)))
    } else
      results.push(
        check.skip(
          'Customer data',
          'CUSTOMER_VIEW_MAPPING paths not checked against data',
          'Fix the AEP access above first.'
        ),
        check.skip('Customer view mapping', `${MAPPING_SETTING} paths not checked`, 'Fix the AEP access above first.')
      )
  } else {
    results.push(
      check.skip(
        'Adobe Experience Platform',
        'AEP and customer data checks',
        'They need a service token: fix IMS above first.'
      )
    )
  }
  results.push(await checkState(config, creds))
  return results
}
