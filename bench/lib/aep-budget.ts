/**
 * 11. AEP budget for N agents: the AEP calls per minute a call centre sends through this app, with
 * and without its cache and coalescing, against AEP's published rate limit for Profile access
 * (there is none, see LIMIT_SEARCH). What is measured comes from the same run; what is assumed is
 * below, in one place, and labelled so in the output.
 */
import { MIX, type MixKind } from '../scenarios/state-tiers'
import type { BenchRun, SetResult } from './results'

/** Assumptions of the model (not measurements). */
export const ASSUMED = {
  /** A new customer on the line per agent every 4 minutes (handle time of 3–5 minutes). */
  minutesPerCall: 4,
  /** Requests per customer call and their kinds: scenario 9's mix (8 new, 5 repeats, 3 by another identity, 2 refreshes, 2 "load more" per 20). */
  mix: MIX,
  /** Share of new lookups with one identical lookup in flight in the same container (double submit, a transferred call, a retry). */
  duplicateShare: 0.1,
  /** AEP calls of a "load more" page (one events call; neither side caches pages). */
  eventsPageCalls: 1
} as const

/** Where Adobe's limit was looked for (2026-12-01): neither page gives a request rate for the entities API. */
export const LIMIT_SEARCH =
  'none published: AdobeDocs/experience-platform.en help/profile/guardrails.md and help/profile/api/entities.md ' +
  "give no request rate for the Profile access API (checked 2026-12-01); pass the org's licensed figure with --aep-limit"

export interface AepBudget {
  agents: number
  /** Which pass the measured counts come from. */
  basis: 'production' | 'loopback'
  assumed: { minutesPerCall: number; requestsPerCall: number; mix: Record<MixKind, number>; duplicateShare: number }
  measured: {
    ourAepPerMiss: number
    ourAepPerHit: number
    peerAepPerLookup: number
    peerImsTokensPerLookup: number
    /** Extra profile calls per extra concurrent identical lookup (scenario 3: (calls − 1) / (lookups − 1)); null if not run. */
    coalescedExtraCallsPerDuplicate: number | null
    /** AEP calls per request of scenario 9's mix (production pass only); null if not run. */
    mixAepPerRequest: number | null
  }
  /** Whether a duplicate's cost under coalescing is scenario 3's measurement or assumed as designed (no extra call). */
  coalescingBasis: 'measured' | 'assumed'
  /** Whether `withCache` per request is scenario 9's measured mix or modelled from the per-lookup counts. */
  withCacheBasis: 'measured mix' | 'per-lookup counts'
  requestsPerMinute: number
  callsPerMinute: { withCache: number; withCacheNoCoalescing: number; withoutCache: number }
  savedPerMinute: { byCache: number; byCoalescing: number }
  imsTokenCallsPerMinute: { ours: number; peer: number }
  limit: { value: number; unit: 'calls/minute'; source: string } | null
  limitSearch: string
  headroom: { withCacheShareOfLimit: number; withoutCacheShareOfLimit: number; agentsAtLimit: number } | null
}

const r1 = (v: number): number => Math.round(v * 10) / 10
const sumOf = (c: Record<string, number>, prefix: string, route?: string): number =>
  Object.entries(c)
    .filter(([k]) => k.startsWith(prefix) && (route === undefined || k === `${prefix}${route}`))
    .reduce((a, [, v]) => a + v, 0)

/** The budget from the production pass (else the loopback one); null when the peer scenario did not run. */
export function aepBudget(run: BenchRun): AepBudget | null {
  const set: SetResult | undefined = run.production?.peer ? run.production : run.small
  const peer = set?.peer
  if (!set || !peer) return null
  const { agents, aepLimitPerMinute } = run.opts
  const c = peer.callsPerLookup
  const ourAepPerMiss = sumOf(c.ourMiss, 'aep:')
  const ourAepPerHit = (sumOf(c.ourHit, 'aep:') + sumOf(c.ourStateHit, 'aep:')) / 2
  const peerAepPerLookup = sumOf(c.peer, 'aep:')
  const peerImsTokensPerLookup = sumOf(c.peer, 'ims:', 'token')
  const rounds = set.coalescing?.rounds
  const coalesced = rounds?.length
    ? Math.max(...rounds.map((x) => (x.profileCalls - 1) / Math.max(1, x.concurrent - 1)))
    : null
  const mixAepPerRequest = set.stateMix ? set.stateMix.aepPerThousandLookups / 1000 : null

  const n = ASSUMED.mix.length
  const share = (k: MixKind): number => ASSUMED.mix.filter((x) => x === k).length / n
  const requestsPerCall = n / ASSUMED.mix.filter((x) => x === 'new').length
  const lookupsShare = 1 - share('eventsPage')
  const perRequest = {
    // Misses and refreshes go to AEP; repeats and other identities are hits.
    withCache:
      mixAepPerRequest ??
      (share('new') + share('refresh')) * ourAepPerMiss +
        (share('repeat') + share('otherIdentity')) * ourAepPerHit +
        share('eventsPage') * ASSUMED.eventsPageCalls,
    withoutCache: lookupsShare * peerAepPerLookup + share('eventsPage') * ASSUMED.eventsPageCalls
  }
  const callsPerMinuteAgent = 1 / ASSUMED.minutesPerCall
  const requestsPerMinute = agents * callsPerMinuteAgent * requestsPerCall
  const duplicatesPerMinute = agents * callsPerMinuteAgent * ASSUMED.duplicateShare
  const withCacheNoCoalescing = requestsPerMinute * perRequest.withCache + duplicatesPerMinute * ourAepPerMiss
  const withCache = requestsPerMinute * perRequest.withCache + duplicatesPerMinute * ourAepPerMiss * (coalesced ?? 0)
  const withoutCache = requestsPerMinute * perRequest.withoutCache + duplicatesPerMinute * peerAepPerLookup
  const limit =
    aepLimitPerMinute === null
      ? null
      : { value: aepLimitPerMinute, unit: 'calls/minute' as const, source: "--aep-limit (the org's licensed figure)" }
  return {
    agents,
    basis: set === run.production ? 'production' : 'loopback',
    assumed: {
      minutesPerCall: ASSUMED.minutesPerCall,
      requestsPerCall,
      mix: {
        new: share('new'),
        repeat: share('repeat'),
        otherIdentity: share('otherIdentity'),
        refresh: share('refresh'),
        eventsPage: share('eventsPage')
      },
      duplicateShare: ASSUMED.duplicateShare
    },
    measured: {
      ourAepPerMiss,
      ourAepPerHit,
      peerAepPerLookup,
      peerImsTokensPerLookup,
      coalescedExtraCallsPerDuplicate: coalesced,
      mixAepPerRequest
    },
    coalescingBasis: coalesced === null ? 'assumed' : 'measured',
    withCacheBasis: mixAepPerRequest === null ? 'per-lookup counts' : 'measured mix',
    requestsPerMinute: r1(requestsPerMinute),
    callsPerMinute: {
      withCache: r1(withCache),
      withCacheNoCoalescing: r1(withCacheNoCoalescing),
      withoutCache: r1(withoutCache)
    },
    savedPerMinute: {
      byCache: r1(withoutCache - withCacheNoCoalescing),
      byCoalescing: r1(withCacheNoCoalescing - withCache)
    },
    imsTokenCallsPerMinute: {
      ours: r1(requestsPerMinute * sumOf(c.ourMiss, 'ims:', 'token')),
      peer: r1(requestsPerMinute * peerImsTokensPerLookup)
    },
    limit,
    limitSearch: LIMIT_SEARCH,
    headroom: limit
      ? {
          withCacheShareOfLimit: Math.round((withCache / limit.value) * 1000) / 1000,
          withoutCacheShareOfLimit: Math.round((withoutCache / limit.value) * 1000) / 1000,
          agentsAtLimit: Math.floor((limit.value / withCache) * agents)
        }
      : null
  }
}
