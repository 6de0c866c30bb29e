/**
 * AEP as the actions will meet it: does the gateway accept the service token, the API key and the
 * org; does every sandbox a caller may pick exist for this credential; and is there a merge policy
 * to look profiles up with in each (AEP_MERGE_POLICY_ID, or the sandbox's default).
 */
import type { Config } from '../../actions/lib/config/config'
import type { AepProbe, ProbeOutcome } from './aep-probe'
import { type CheckResult, check } from './types'

const GROUP = 'Adobe Experience Platform'
const POLICIES = `/data/core/ups/config/mergePolicies?${new URLSearchParams({ 'schema.name': '_xdm.context.profile', limit: '100' })}`

interface Policy {
  id: string
  name: string
  isDefault: boolean
}

export interface AepFindings {
  results: CheckResult[]
  /** Whether the gateway let us in; later checks (sample profiles) need it. */
  reachable: boolean
}

function policiesOf(body: unknown): Policy[] {
  const children = typeof body === 'object' && body !== null ? (body as { children?: unknown }).children : undefined
  if (!Array.isArray(children)) return []
  return children.flatMap((c: unknown) => {
    if (typeof c !== 'object' || c === null) return []
    const p = c as Record<string, unknown>
    return typeof p.id === 'string'
      ? [{ id: p.id, name: typeof p.name === 'string' ? p.name : p.id, isDefault: p.default === true }]
      : []
  })
}

/** The gateway's verdict, read off the first sandbox's answer (it checks token, key and org first). */
function gateway(config: Config['aep'], first: ProbeOutcome): CheckResult {
  const where = config.baseUrl
  switch (first.kind) {
    case 'unreachable':
      return check.fail(
        GROUP,
        `AEP at ${where} could not be reached`,
        'Check AEP_BASE_URL (production: https://platform.adobe.io), the network and any proxy.'
      )
    case 'timeout':
      return check.fail(
        GROUP,
        `AEP at ${where} did not answer within AEP_TIMEOUT_MS (${config.timeoutMs} ms)`,
        'Check the network; raise AEP_TIMEOUT_MS only if AEP is merely slow.'
      )
    case 'token':
      return check.fail(
        GROUP,
        `AEP refused the service token (HTTP ${first.status}: ${first.message})`,
        'Add the Experience Platform API to the Developer Console project with this OAuth Server-to-Server credential.'
      )
    case 'apiKey':
      return check.fail(
        GROUP,
        `AEP refused the API key (HTTP ${first.status}: ${first.message})`,
        'IMS_OAUTH_S2S_CLIENT_ID must be the client id of the credential that has the Experience Platform API.'
      )
    case 'org':
      return check.fail(
        GROUP,
        `AEP does not serve this org (HTTP ${first.status}: ${first.message})`,
        'IMS_OAUTH_S2S_ORG_ID must be the org of the credential, and that org must have Experience Platform.'
      )
    default:
      return check.pass(GROUP, `AEP at ${where} accepts the service token, API key and org`)
  }
}

function mergePolicyCheck(sandbox: string, policies: Policy[]): CheckResult {
  const def = policies.find((p) => p.isDefault)
  return def
    ? check.pass(GROUP, `Sandbox ${sandbox} has a default merge policy: ${def.name} (${def.id})`)
    : check.fail(
        GROUP,
        `Sandbox ${sandbox} has no default merge policy: lookups there answer 422 UPSTREAM_UNPROCESSABLE`,
        `Mark a default profile merge policy in ${sandbox}, or set AEP_MERGE_POLICY_ID${policies.length ? ` (ids there: ${policies.map((p) => p.id).join(', ')})` : ''}.`
      )
}

async function configuredPolicyCheck(
  probe: AepProbe,
  sandbox: string,
  id: string,
  policies: Policy[]
): Promise<CheckResult> {
  const answer = await probe.get(`/data/core/ups/config/mergePolicies/${encodeURIComponent(id)}`, sandbox)
  if (answer.kind === 'ok') return check.pass(GROUP, `AEP_MERGE_POLICY_ID exists in sandbox ${sandbox}`)
  const why = 'status' in answer ? `HTTP ${answer.status}: ${answer.message}` : answer.message
  return check.fail(
    GROUP,
    `AEP_MERGE_POLICY_ID ${id} is not a merge policy of sandbox ${sandbox} (${why})`,
    `Merge policy ids belong to one sandbox. Use one of ${sandbox}'s (${policies.map((p) => p.id).join(', ') || 'none listed'}), or leave AEP_MERGE_POLICY_ID empty so each sandbox uses its default.`
  )
}

export async function checkAep(config: Config['aep'], probe: AepProbe): Promise<AepFindings> {
  const sandboxes = config.allowedSandboxes
  const answers: ProbeOutcome[] = []
  for (const s of sandboxes) answers.push(await probe.get(POLICIES, s))
  const first = answers[0]
  if (!first) return { results: [check.fail(GROUP, 'No sandbox configured', 'Set AEP_SANDBOX.')], reachable: false }
  const gate = gateway(config, first)
  if (gate.status === 'fail') {
    return {
      results: [
        gate,
        check.skip(
          GROUP,
          `Sandbox and merge policy checks (${sandboxes.join(', ')})`,
          'Fix the AEP access above first.'
        )
      ],
      reachable: false
    }
  }
  const results: CheckResult[] = [gate]
  for (const [i, sandbox] of sandboxes.entries()) {
    const answer = answers[i]
    if (answer?.kind !== 'ok') {
      const why =
        answer && 'status' in answer ? `HTTP ${answer.status}: ${answer.message}` : (answer?.message ?? 'no answer')
      results.push(
        check.fail(
          GROUP,
          `Sandbox ${sandbox} is not available to this credential (${why})`,
          `Check the name in Experience Platform → Sandboxes and that the credential's product profile includes ${sandbox}; or remove it from AEP_SANDBOX/AEP_ALLOWED_SANDBOXES.`
        )
      )
      continue
    }
    const policies = policiesOf(answer.body)
    results.push(
      check.pass(
        GROUP,
        `Sandbox ${sandbox} exists (${policies.length} profile merge ${policies.length === 1 ? 'policy' : 'policies'})`
      )
    )
    results.push(
      config.mergePolicyId
        ? await configuredPolicyCheck(probe, sandbox, config.mergePolicyId, policies)
        : mergePolicyCheck(sandbox, policies)
    )
  }
  return { results, reachable: true }
}
