/**
 * Are the CUSTOMER_VIEW_MAPPING insight paths where the org's data actually is? AEP has no "random profile"
 * call, so the admin names a few known customers (`--sample email:someone@example.com`); they are
 * looked up in the default sandbox with one multi-entity POST, as the batch action does it.
 */
import { AepClient } from '../../actions/lib/aep/aep-client'
import type { FetchLike } from '../../actions/lib/aep/upstream-http'
import type { Config } from '../../actions/lib/config/config'
import { type NormalisedIdentity, normaliseIdentity } from '../../actions/lib/input/identity'
import { numeric, readPath } from '../../actions/lib/xdm'
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
const number: Usable = (v) => numeric(v) !== undefined
const inRange =
  (max: number): Usable =>
  (v) =>
    number(v) && Number(v) >= 0 && Number(v) <= max
const currency: Usable = (v) => typeof v === 'string' && /^[A-Z]{3}$/.test(v)

interface MappedField {
  /** Where the path sits in the setting: `insights[0].path`. */
  where: string
  path: string
  usable: Usable
  expect: string
}

/** The profile paths of the mapping's lifetime value and scores, with what each must hold. */
function mappedFields(config: Config): MappedField[] {
  const m = config.mapping
  const out: MappedField[] = []
  if (m.lifetimeValue) {
    out.push({ where: 'lifetimeValue.path', path: m.lifetimeValue.path, usable: number, expect: 'a number' })
    out.push({
      where: 'lifetimeValue.currencyPath',
      path: m.lifetimeValue.currencyPath,
      usable: currency,
      expect: 'an ISO 4217 code'
    })
  }
  m.insights.forEach((rule, i) => {
    out.push({
      where: `insights[${i}].path`,
      path: rule.path,
      usable: inRange(rule.scale),
      expect: `a number from 0 to ${rule.scale}`
    })
  })
  return out
}

function fieldCheck(entities: Array<Record<string, unknown>>, f: MappedField): CheckResult {
  const values = entities.map((e) => readPath(e, f.path)).filter((v) => v !== undefined && v !== null)
  const label = `CUSTOMER_VIEW_MAPPING.${f.where} (${f.path})`
  if (values.some(f.usable))
    return check.pass(
      GROUP,
      `${label} found in ${values.filter(f.usable).length} of ${entities.length} sampled profiles`
    )
  if (values.length > 0)
    return check.fail(
      GROUP,
      `${label} is present but not ${f.expect}`,
      `Point ${f.where} at a field holding ${f.expect} in CUSTOMER_VIEW_MAPPING.`
    )
  return check.fail(
    GROUP,
    `${label} is absent from all ${entities.length} sampled profiles`,
    `Check the path in the Profile schema (tenant fields start with _<tenant>.) and that the merge policy includes that dataset; or fix CUSTOMER_VIEW_MAPPING.${f.where}.`
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
        'CUSTOMER_VIEW_MAPPING paths not checked against data',
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
    return [...results, check.skip(GROUP, 'CUSTOMER_VIEW_MAPPING paths not checked', 'No sample customer was found.')]
  const fields = mappedFields(config)
  if (fields.length === 0)
    return [
      ...results,
      check.skip(GROUP, 'CUSTOMER_VIEW_MAPPING names no score or lifetime value', 'Nothing to check.')
    ]
  return [...results, ...fields.map((f) => fieldCheck(found, f))]
}
