/**
 * Deterministic synthetic customers for the AEP stand-in.
 *
 *   const seed = generateSeed({ count: 2000, seed: 42 })
 *   seed.find('email', 'jane.doe@example.com') // 0
 *   seed.profile(0); seed.events(0)
 *
 * Only a compact identity → index table is built up front (one cheap PRNG stream per customer,
 * 12 bytes per table slot, see lookup.ts). Profiles and events are generated on demand from
 * per-customer streams, so customer i never needs customers 0..i-1 and 100 000+ customers stay
 * cheap. Same options → same data, byte for byte.
 */

import { AUDIENCES, NAMESPACES } from './catalog'
import { computedAttributes, customerAiFor } from './computed'
import { consentChoicesFor } from './consents'
import { type Draft, type EventContext, plannedDrafts } from './events'
import { type Core, coreFor, identitiesOf, MAX_CUSTOMERS } from './identity'
import { janeAudiences, janeConsent, janeCustomerAi, janeDrafts, janeTraits } from './jane'
import { IdentityTable, identityKey } from './lookup'
import { at, hash32, mix32, Rng, unmix32 } from './prng'
import { audiencesFor, buildProfile } from './profile'
import { startOfUtcDay, type Traits, traitsFor } from './traits'
import type { Seed, SeedIdentity, SeedOptions, XdmEvent, XdmProfile } from './types'
import { buildEvents } from './xdm-events'

export { AUDIENCE, AUDIENCES, NAMESPACES, NS_CODE } from './catalog'
export { MAX_CUSTOMERS } from './identity'
export { JANE_FACTS } from './jane'

export const DEFAULT_COUNT = 2000
export const DEFAULT_SEED = 42

/** The generated data set: the {@link Seed} contract plus a few conveniences for the stand-in. */
export interface GeneratedSeed extends Seed {
  /** The effective options (defaults applied). */
  readonly options: { readonly count: number; readonly seed: number; readonly now: Date }
  /** Index of the customer whose {@link Seed.profileId} this is (XIDs decode without a table). */
  indexOfProfileId(profileId: string): number | undefined
}

const STREAM_XID = 0x0001d
const B64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'

function base64url(bytes: Uint8Array): string {
  let out = ''
  for (let i = 0; i + 2 < bytes.length; i += 3) {
    const n = ((bytes[i] ?? 0) << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0)
    out +=
      B64URL.charAt((n >>> 18) & 63) +
      B64URL.charAt((n >>> 12) & 63) +
      B64URL.charAt((n >>> 6) & 63) +
      B64URL.charAt(n & 63)
  }
  return out
}

function checkCount(count: number): number {
  if (!Number.isInteger(count) || count < 1 || count > MAX_CUSTOMERS) {
    throw new RangeError(`count must be an integer in 1..${MAX_CUSTOMERS}, got ${count}`)
  }
  return count
}

export function generateSeed(options: SeedOptions = {}): GeneratedSeed {
  const count = checkCount(options.count ?? DEFAULT_COUNT)
  const seedOpt = options.seed ?? DEFAULT_SEED
  if (!Number.isInteger(seedOpt)) throw new RangeError(`seed must be an integer, got ${seedOpt}`)
  const seed = seedOpt >>> 0
  const nowMs = options.now !== undefined ? options.now.getTime() : startOfUtcDay(Date.now())
  if (!Number.isFinite(nowMs)) throw new RangeError('now must be a valid Date')
  const xidKey = hash32(seed, 0x71d)

  const owns = (index: number, namespace: string, id: string): boolean =>
    identitiesOf(coreFor(seed, index)).some((x) => x.namespace === namespace && x.id === id)

  // The only up-front work: namespace:id → index for every identity of every customer.
  const lookup = new IdentityTable(count * 5)
  for (let i = 0; i < count; i++) {
    const identities = identitiesOf(coreFor(seed, i))
    for (let k = 0; k < identities.length; k++) {
      const { namespace, id } = at(identities, k)
      lookup.add(identityKey(namespace, id), i, (prev) => {
        if (owns(prev, namespace, id))
          throw new Error(`identity ${namespace}:${id} generated for customers ${prev} and ${i}`)
      })
    }
  }

  const checkIndex = (index: number): number => {
    if (!Number.isInteger(index) || index < 0 || index >= count) {
      throw new RangeError(`customer index must be an integer in 0..${count - 1}, got ${index}`)
    }
    return index
  }

  const context = (index: number): { ctx: EventContext; drafts: Draft[] } => {
    const core: Core = coreFor(seed, index)
    const traits: Traits = index === 0 ? janeTraits() : traitsFor(seed, core, nowMs)
    const consent = index === 0 ? janeConsent() : consentChoicesFor(seed, core, traits.customerSinceMs, nowMs)
    const ctx: EventContext = consent ? { seed, core, traits, consent, nowMs } : { seed, core, traits, nowMs }
    return { ctx, drafts: index === 0 ? janeDrafts(nowMs) : plannedDrafts(ctx) }
  }

  const profileId = (index: number): string => {
    checkIndex(index)
    const bytes = new Uint8Array(21)
    const head = mix32((index ^ xidKey) >>> 0)
    bytes[0] = head >>> 24
    bytes[1] = (head >>> 16) & 255
    bytes[2] = (head >>> 8) & 255
    bytes[3] = head & 255
    const rng = new Rng(seed, index, STREAM_XID)
    for (let b = 4; b < bytes.length; b += 4) {
      const r = rng.u32()
      for (let k = 0; k < 4 && b + k < bytes.length; k++) bytes[b + k] = (r >>> (8 * k)) & 255
    }
    return base64url(bytes)
  }

  const indexOfProfileId = (xid: string): number | undefined => {
    if (xid.length !== 28) return undefined
    let head = 0
    for (let c = 0; c < 6; c++) {
      const v = B64URL.indexOf(xid.charAt(c))
      if (v < 0) return undefined
      head = head * 64 + v
    }
    // 6 chars carry 36 bits: the 4 head bytes are the top 32.
    const index = (unmix32(Math.floor(head / 16) >>> 0) ^ xidKey) >>> 0
    return index < count && profileId(index) === xid ? index : undefined
  }

  const seedObject: GeneratedSeed = {
    size: count,
    options: { count, seed, now: new Date(nowMs) },
    audiences: AUDIENCES.map((a) => ({ ...a })),
    namespaces: NAMESPACES.map((n) => ({ ...n })),
    find(namespace: string, id: string): number | undefined {
      const ns = namespace.toLowerCase()
      return lookup.candidates(identityKey(ns, id)).find((i) => owns(i, ns, id))
    },
    profileId,
    indexOfProfileId,
    identities(index: number): SeedIdentity[] {
      return identitiesOf(coreFor(seed, checkIndex(index)))
    },
    profile(index: number): XdmProfile {
      const { ctx, drafts } = context(checkIndex(index))
      const { core, traits, consent } = ctx
      const audiences =
        index === 0 ? Object.entries(janeAudiences(nowMs)) : audiencesFor(seed, core, traits, drafts, nowMs)
      const computed = computedAttributes(core, drafts, nowMs)
      const customerAi = index === 0 ? janeCustomerAi(nowMs) : customerAiFor(seed, core, traits, drafts, nowMs)
      return buildProfile(core, traits, audiences, {
        ...(consent ? { consent } : {}),
        ...(computed ? { computed } : {}),
        ...(customerAi ? { customerAi } : {})
      })
    },
    events(index: number): XdmEvent[] {
      const { ctx, drafts } = context(checkIndex(index))
      return buildEvents(ctx, drafts)
    }
  }
  return seedObject
}
