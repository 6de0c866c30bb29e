/**
 * Sandboxes of the AEP stand-in, their merge policies (fixed, documented ids) and the lookups
 * every route needs: identity → customer index, XID → customer index, namespace codes.
 */
import { createHash } from 'node:crypto'
import type { Seed } from '../seed/types'

export interface MergePolicyConfig {
  id: string
  name: string
  default: boolean
  /** 'pdg' stitches identities; 'none' does not (the stand-in then reports only the looked-up identity in identityGraph). */
  identityGraph: 'pdg' | 'none'
}

export interface SandboxConfig {
  name: string
  seed: Seed
  type?: 'production' | 'development'
  mergePolicies: MergePolicyConfig[]
}

export const MERGE_POLICY_IDS = {
  prodDefault: '0f3d8a5e-6b2c-4c8e-9a51-7d0e2b4c1a01',
  prodNoStitch: '0f3d8a5e-6b2c-4c8e-9a51-7d0e2b4c1a02',
  devDefault: '7c1e9b24-5a3f-4d8e-b6a2-3f9d0c8e2b01',
  devNoStitch: '7c1e9b24-5a3f-4d8e-b6a2-3f9d0c8e2b02',
  nodefaultOnly: 'b84d2f6a-1c9e-4e7b-a3d5-6e2f1a0c9d02'
} as const

/** prod and dev (each with a default policy) plus `nodefault`, whose only policy is not the default. */
export function defaultSandboxes(prodSeed: Seed, devSeed: Seed = prodSeed): SandboxConfig[] {
  return [
    {
      name: 'prod',
      seed: prodSeed,
      type: 'production',
      mergePolicies: [
        { id: MERGE_POLICY_IDS.prodDefault, name: 'Default Timebased', default: true, identityGraph: 'pdg' },
        { id: MERGE_POLICY_IDS.prodNoStitch, name: 'No identity stitching', default: false, identityGraph: 'none' }
      ]
    },
    {
      name: 'dev',
      seed: devSeed,
      type: 'development',
      mergePolicies: [
        { id: MERGE_POLICY_IDS.devDefault, name: 'Dev Default Timebased', default: true, identityGraph: 'pdg' },
        { id: MERGE_POLICY_IDS.devNoStitch, name: 'Dev No identity stitching', default: false, identityGraph: 'none' }
      ]
    },
    {
      name: 'nodefault',
      seed: prodSeed,
      type: 'development',
      mergePolicies: [
        { id: MERGE_POLICY_IDS.nodefaultOnly, name: 'Non-default only', default: false, identityGraph: 'pdg' }
      ]
    }
  ]
}

/** A pseudo XID for an identity: stable, URL-safe, shaped like AEP's. */
export function xidFor(namespace: string, id: string): string {
  return createHash('sha256').update(`${namespace.toLowerCase()}:${id}`).digest('base64url').slice(0, 30)
}

/** A sandbox with the indexes its routes need, built lazily (100 000 customers stay cheap to start). */
export class Sandbox {
  readonly name: string
  readonly seed: Seed
  readonly type: 'production' | 'development'
  readonly mergePolicies: MergePolicyConfig[]
  /** Stable pseudo UUID, used in audience and merge-policy payloads. */
  readonly sandboxId: string
  private byXid: Map<string, number> | undefined
  private readonly namespaceCodes: Set<string>

  constructor(config: SandboxConfig) {
    this.name = config.name
    this.seed = config.seed
    this.type = config.type ?? (config.name === 'prod' ? 'production' : 'development')
    this.mergePolicies = config.mergePolicies
    this.sandboxId = pseudoUuid(`sandbox:${config.name}`)
    this.namespaceCodes = new Set(config.seed.namespaces.map((n) => n.code.toLowerCase()))
  }

  get defaultPolicy(): MergePolicyConfig | undefined {
    return this.mergePolicies.find((p) => p.default)
  }

  policy(id: string): MergePolicyConfig | undefined {
    return this.mergePolicies.find((p) => p.id === id)
  }

  knowsNamespace(code: string): boolean {
    return this.namespaceCodes.has(code.toLowerCase())
  }

  /** Customer index for an identity (namespace code matched case-insensitively). */
  find(namespace: string, id: string): number | undefined {
    return this.seed.find(namespace.toLowerCase(), id)
  }

  /** Customer index for a merged profile id (an XID lookup without namespace). */
  findXid(xid: string): number | undefined {
    if (!this.byXid) {
      this.byXid = new Map()
      for (let i = 0; i < this.seed.size; i++) this.byXid.set(this.seed.profileId(i), i)
    }
    return this.byXid.get(xid)
  }
}

export function pseudoUuid(text: string): string {
  const h = createHash('sha256').update(text).digest('hex')
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`
}
