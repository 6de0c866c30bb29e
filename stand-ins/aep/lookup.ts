/**
 * What profile and event lookups share: merge-policy choice, identity → customer resolution,
 * the 50-identity guardrail and the shape of one entity item (profile.yaml `Entity`).
 */
import type { Reply } from '../lib/http'
import { errorContext } from './errors'
import { pickFields } from './fields'
import { type MergePolicyConfig, type Sandbox, xidFor } from './sandboxes'

export const PROFILE_SCHEMA = '_xdm.context.profile'
export const EVENT_SCHEMA = '_xdm.context.experienceevent'
/** Profiles with more linked identities than this are excluded from lookups (AEP guardrail). */
export const IDENTITY_GUARDRAIL = 50
/** Stand-in dataset ids reported as `sources`. */
export const PROFILE_SOURCES = ['65f0c0ffee00000000000001', '65f0c0ffee00000000000002']

export type Outcome<T> = { ok: T } | { error: Reply }

export interface IdentityRef {
  id: string
  /** Namespace code; absent = `id` is an XID. */
  ns?: string
}

/** The named policy (unknown → 422) or the sandbox default (none → 422). */
export function choosePolicy(
  sb: Sandbox,
  mergePolicyId: string | undefined,
  schema = PROFILE_SCHEMA
): Outcome<MergePolicyConfig> {
  if (mergePolicyId !== undefined) {
    const policy = sb.policy(mergePolicyId)
    return policy
      ? { ok: policy }
      : {
          error: errorContext(
            422,
            `UPS-MRG-1000002: Merge policy ${mergePolicyId} does not exist in sandbox ${sb.name}.`
          )
        }
  }
  const policy = sb.defaultPolicy
  return policy
    ? { ok: policy }
    : {
        error: errorContext(
          422,
          `UPS-ACC-1000021: No default merge policy is configured for schema ${schema} in sandbox ${sb.name}; pass mergePolicyId.`
        )
      }
}

/** Customer index for an identity, undefined when unknown; an unknown namespace code is an error. */
export function findCustomer(sb: Sandbox, ref: IdentityRef): Outcome<number | undefined> {
  if (ref.ns === undefined) return { ok: sb.findXid(ref.id) }
  if (!sb.knowsNamespace(ref.ns))
    return { error: errorContext(400, `UPS-ACC-1000010: Identity namespace code ${ref.ns} is not valid.`) }
  return { ok: sb.find(ref.ns, ref.id) }
}

/** 422 when the profile has more linked identities than the guardrail allows. */
export function guardrail(sb: Sandbox, index: number): Reply | undefined {
  const count = sb.seed.identities(index).length
  if (count <= IDENTITY_GUARDRAIL) return undefined
  return errorContext(
    422,
    `UPS-ACC-1000015: Profile ${sb.seed.profileId(index)} has ${count} linked identities, more than the guardrail of ${IDENTITY_GUARDRAIL}; it is excluded from lookups.`
  )
}

/** One entry of GetEntityResponse for a merged profile. */
export function profileItem(
  sb: Sandbox,
  index: number,
  policy: MergePolicyConfig,
  fields: string[] | undefined,
  ref: IdentityRef
): Record<string, unknown> {
  const seed = sb.seed
  const identities = seed.identities(index)
  const graph =
    policy.identityGraph === 'pdg'
      ? identities.map((i) => xidFor(i.namespace, i.id))
      : [ref.ns === undefined ? ref.id : xidFor(ref.ns, ref.id)]
  return {
    entityId: seed.profileId(index),
    mergePolicy: { id: policy.id },
    sources: PROFILE_SOURCES,
    tags: [],
    identityGraph: graph,
    entity: pickFields(seed.profile(index), fields),
    lastModifiedAt: lastModified(sb, index)
  }
}

/** The newest event's time stands in for the profile's last change (stable for a given seed). */
function lastModified(sb: Sandbox, index: number): string {
  return sb.seed.events(index)[0]?.timestamp ?? '2025-01-01T00:00:00Z'
}
