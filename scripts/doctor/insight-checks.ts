/**
 * Are the INSIGHT_FIELD_MAP paths where the org's data actually is? AEP has no "random profile"
 * call, so the admin names a few known customers (`--sample email:someone@example.com`); they are
 * looked up in the default sandbox with one multi-entity POST, as the batch action does it.
 */
import { AepClient } from '../../actions/lib/aep/aep-client'
import type { FetchLike } from '../../actions/lib/aep/upstream-http'
import type { Config } from '../../actions/lib/config/config'
import { type NormalisedIdentity, normaliseIdentity } from '../../actions/lib/input/identity'
import { readPath } from '../../actions/lib/view/insights'
import { type CheckResult, check } from './types'

const GROUP = 'Customer data'

export interface Sample {
  namespace: string
  id: string
}

/** `email:jane.doe@example.com` → {namespace, id}; null when there is no `ns:` prefix. */
export function parseSample(text: string): Sample | null {
  const at = text.indexOf(':')
  return at > 0 && at < text.length - 1 ? { namespace: text.slice(0, at), id: text.slice(at + 1) } : null
}

type Usable = (v: unknown) => boolean
const number: Usable = (v) =>
  typeof v === 'number' ? Number.isFinite(v) : typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))
const score: Usable = (v) => number(v) && Number(v) >= 0 && Number(v) <= 1
const currency: Usable = (v) => typeof v === 'string' && /^[A-Z]{3}$/.test(v)
const FIELDS: Array<{
  key: 'lifetimeValue' | 'lifetimeValueCurrency' | 'churnPropensity' | 'engagementPropensity'
  usable: Usable
  expect: string
}> = [
  { key: 'lifetimeValue', usable: number, expect: 'a number' },
  { key: 'lifetimeValueCurrency', usable: currency, expect: 'an ISO 4217 code' },
  { key: 'churnPropensity', usable: score, expect: 'a number from 0 to 1' },
  { key: 'engagementPropensity', usable: score, expect: 'a number from 0 to 1' }
]

function fieldCheck(config: Config, entities: Array<Record<string, unknown>>, f: (typeof FIELDS)[number]): CheckResult {
  const path = config.insights[f.key]
  const values = entities.map((e) => readPath(e, path)).filter((v) => v !== undefined && v !== null)
  const label = `INSIGHT_FIELD_MAP.${f.key} (${path})`
  if (values.some(f.usable))
    return check.pass(
      GROUP,
      `${label} found in ${values.filter(f.usable).length} of ${entities.length} sampled profiles`
    )
  if (values.length > 0)
    return check.fail(
      GROUP,
      `${label} is present but not ${f.expect}`,
      `Point ${f.key} at a field holding ${f.expect} in INSIGHT_FIELD_MAP.`
    )
  return check.fail(
    GROUP,
    `${label} is absent from all ${entities.length} sampled profiles`,
    `Check the path in the Profile schema (tenant fields start with _<tenant>.) and that the merge policy includes that dataset; or fix INSIGHT_FIELD_MAP.${f.key}.`
  )
}

export async function checkInsights(
  config: Config,
  token: string,
  samples: Sample[],
  fetchImpl?: FetchLike
): Promise<CheckResult[]> {
  if (samples.length === 0) {
    return [
      check.skip(
        GROUP,
        'INSIGHT_FIELD_MAP paths not checked against data',
        `Name known customers: npm run doctor -- --sample email:someone@example.com (sandbox ${config.aep.sandbox}).`
      )
    ]
  }
  const identities: NormalisedIdentity[] = []
  const results: CheckResult[] = []
  for (const [i, s] of samples.entries()) {
    const n = normaliseIdentity(s.namespace, s.id, config.phoneDefaultCountryCode)
    if (n.ok) identities.push(n.identity)
    else
      results.push(
        check.fail(
          GROUP,
          `Sample ${i + 1} (${s.namespace}): ${n.field} ${n.message}`,
          'Give --sample as namespace:id, e.g. email:someone@example.com.'
        )
      )
  }
  if (identities.length === 0) return results
  const tokens = { get: async () => token, refresh: async () => token }
  const client = new AepClient({
    baseUrl: config.aep.baseUrl,
    apiKey: config.aep.apiKey,
    orgId: config.aep.orgId,
    timeoutMs: config.aep.timeoutMs,
    tokens,
    fetch: fetchImpl
  })
  let items: Awaited<ReturnType<AepClient['getProfiles']>>
  try {
    items = await client.getProfiles(identities, {
      sandbox: config.aep.sandbox,
      mergePolicyId: config.aep.mergePolicyId,
      deadline: Date.now() + 2 * config.aep.timeoutMs
    })
  } catch (e) {
    const why = e instanceof Error ? e.message : 'unknown error'
    return [
      ...results,
      check.fail(
        GROUP,
        `Sample profiles could not be looked up in ${config.aep.sandbox}: ${why}`,
        'Fix the AEP checks above first; then retry.'
      )
    ]
  }
  const found = items.filter((p) => Object.keys(p.entity).length > 0).map((p) => p.entity)
  // AEP answers an unmatched identity with an empty entity (two samples of one person share an item).
  const missing = items.length - found.length
  if (missing > 0) {
    // Identities stay out of the output: a sample is named by its position and namespace only.
    results.push(
      check.fail(
        GROUP,
        `${missing} of ${identities.length} sample customers not found in sandbox ${config.aep.sandbox}`,
        'Use --sample with customers that exist in that sandbox.'
      )
    )
  }
  if (found.length === 0)
    return [...results, check.skip(GROUP, 'INSIGHT_FIELD_MAP paths not checked', 'No sample customer was found.')]
  return [...results, ...FIELDS.map((f) => fieldCheck(config, found, f))]
}
