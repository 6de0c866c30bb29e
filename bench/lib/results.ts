/**
 * What one benchmark run measured, the summary of its headline ratios and counts, and the report
 * written to bench/results/latest.json (bench/results/partial.json with --only).
 */
import type { BatchResult } from '../scenarios/batch'
import type { CoalescingResult } from '../scenarios/coalescing'
import type { ColdStartResult } from '../scenarios/cold-start'
import type { HitResult } from '../scenarios/hit'
import type { MissResult } from '../scenarios/miss'
import { type MissOptionsResult, optionKey } from '../scenarios/miss-options'
import type { PeerResult } from '../scenarios/peer'
import type { ScaleResult } from '../scenarios/scale'
import type { NewContainerHit, StateMix } from '../scenarios/state-tiers'
import type { TokensResult } from '../scenarios/tokens'
import type { UiResult } from '../scenarios/ui'
import { type AepBudget, aepBudget } from './aep-budget'
import type { BenchOptions } from './context'
import type { ReportLike } from './report'
import type { LogCounts } from './runtime'
import { median, ratio, type Summary } from './stats'

/** Scenarios 1–5 and 7, over the small data set (7 seeds the large one beside it). */
export interface SetResult {
  customers: number
  seedMs: number
  upstreamMs: Summary
  standInLookupMs: { sequential: Summary; concurrent8: Summary }
  warmUp: { customers: number; audienceCalls: number; audienceStateReads: number }
  miss?: MissResult
  hit?: HitResult
  coalescing?: CoalescingResult
  tokens?: TokensResult
  batch?: BatchResult
  scale?: ScaleResult
  /** Scenario 10: Adobe's template action beside ours. */
  peer?: PeerResult
  /** Production pass only: State round trips of a new container's hits. */
  newContainer?: NewContainerHit
  /** Production pass only: State traffic of a realistic mix. */
  stateMix?: StateMix
  /** Production pass only: the miss path's options side by side (scenario 12). */
  missOptions?: MissOptionsResult
  /** Production pass only: the mix again with CACHE_READ_MODE=parallel (its extra AEP calls). */
  stateMixParallel?: StateMix
  /** Production pass only: the mix again with CACHE_POINTER_NAMESPACES narrowed to the mix's namespaces. */
  stateMixNarrowed?: StateMix
  /** Production pass only: what the actions default to (parseConfig of the bench's inputs). */
  cacheDefaults?: { readMode: string; writeMode: string; pointerNamespaces: string[] }
  /** Activation log lines of the in-process containers, per scenario (warn/error sampled). */
  activationLogs: Record<string, LogCounts>
}

/** Everything one run measured; a scenario that did not run is absent. */
export interface BenchRun {
  opts: BenchOptions
  small?: SetResult
  /** The same scenarios with every upstream at its modelled production latency. */
  production?: SetResult
  cold?: ColdStartResult
  ui?: UiResult
}

/** The modelled production latencies of every upstream (AEP cited by Adobe; State and IMS assumed). */
export interface Latencies {
  aepMs: number
  stateMs: number
  imsMs: number
}

export interface BenchSummary extends SetSummary {
  /** The same figures at production latencies; null when the production pass did not run. */
  production: ProductionSummary | null
  /** Scenario 11, from the production pass when it ran; null without the peer scenario. */
  aepBudget: AepBudget | null
}

/** Scenario 10: the template action (the peer) against our miss and hits, medians unless named. */
export interface PeerSummary {
  implementation: string
  latencies: Record<'peerMs' | 'ourMissMs' | 'ourHitMs' | 'ourStateHitMs', { median: number; p95: number }> & {
    peerFetchMs: { median: number; p95: number } | null
  }
  ratios: {
    ourMissOverPeer: number | null
    ourHitOverPeer: number | null
    ourStateHitOverPeer: number | null
    ourMissOverPeerFetch: number | null
    peerOverUpstream: number | null
  }
  /** AEP and IMS calls per lookup (all routes). */
  callsPerLookup: Record<'peer' | 'ourMiss' | 'ourHit', { aep: number; ims: number }>
}

/** Scenario 12 and the mixes of the options, as `summary.production.options`. */
export interface OptionsSummary {
  /** What the actions do when the settings are unset. */
  defaults: { readMode: string; writeMode: string; pointerNamespaces: string[] }
  /** By `CACHE_READ_MODE+CACHE_WRITE_MODE`, measured side by side in this run. */
  modes: Record<
    string,
    {
      missOverUpstream: number | null
      missMedianMs: number
      coalescedWallOverUpstream: number | null
      coalescedProfileCalls: number
      /** The same 100 lookups answered from memory: the activations' own cost, the floor under the coalesced wall. */
      coalescedNoUpstreamMs: number
    }
  >
  /** The coalescing bound: (one upstream call + 100 activations with no upstream) / one upstream call. */
  coalescedFloorOverUpstream: number | null
  /** The mix with CACHE_READ_MODE=parallel against the default: the AEP calls a fresh State view made unnecessary. */
  parallelRead: {
    aepPerThousandLookups: { before: number; parallel: number }
    extraAepCallsPerThousandLookups: number
  } | null
  /** The mix with CACHE_POINTER_NAMESPACES narrowed to the namespaces it looks up by. */
  pointerNamespaces: {
    narrowedTo: string
    perThousandLookups: { before: StateMix['perThousandLookups']; after: StateMix['perThousandLookups'] }
    hitsPerThousandLookups: { before: number; after: number }
  } | null
}

export interface ProductionSummary extends SetSummary {
  latencies: Latencies
  options: OptionsSummary | null
  /** State round trips (view reads) of a new container's HIT: same identity, other identity first, other identity after. */
  newContainerHitStateReads: { sameIdentity: number; otherIdentityFirst: number; otherIdentityAfter: number } | null
  state: { perThousandLookups: StateMix['perThousandLookups']; headroom: StateMix['headroom'] } | null
}

interface SetSummary {
  ratios: {
    missOverUpstream: number | null
    hitP95OverMiss: number | null
    coalescedWallOverUpstream: number | null
    coldStartOverAioSdk: number | null
  }
  counts: {
    coalescedUpstreamProfileCalls: number | null
    warmImsCalls: number | null
    batchUpstreamCalls: number | null
  }
  hitRequestsPerSecond: number | null
  peer: PeerSummary | null
}

export interface BenchReport extends ReportLike {
  options: BenchOptions & { aepRoutesWithLatency: string[] }
  summary: BenchSummary
  scenarios: {
    miss: MissResult | undefined
    hit: HitResult | undefined
    coalescing: CoalescingResult | undefined
    tokens: TokensResult | undefined
    batch: BatchResult | undefined
    coldStart: ColdStartResult | undefined
    scale: ScaleResult | undefined
    peer: PeerResult | undefined
    ui: UiResult | undefined
    production:
      | (Pick<
          SetResult,
          | 'upstreamMs'
          | 'miss'
          | 'hit'
          | 'coalescing'
          | 'tokens'
          | 'batch'
          | 'peer'
          | 'newContainer'
          | 'stateMix'
          | 'missOptions'
          | 'stateMixParallel'
          | 'stateMixNarrowed'
          | 'activationLogs'
        > & {})
      | undefined
  }
  context: Pick<SetResult, 'upstreamMs' | 'standInLookupMs' | 'warmUp' | 'activationLogs'> | undefined
}

/** AEP calls among a scenario's upstream call counts (keys `aep:<route>`). */
export function aepCalls(upstreamCalls: Record<string, number>): number {
  return Object.entries(upstreamCalls)
    .filter(([k]) => k.startsWith('aep:'))
    .reduce((a, [, v]) => a + v, 0)
}

/** The slowest of the concurrent lookups, over the coalescing rounds. */
export function coalescedSlowestMs(c: CoalescingResult): number {
  return Math.max(...c.rounds.map((r) => r.slowestMs))
}

/** The slowest bundle's require time. */
export function slowestBundleMs(cold: ColdStartResult): number {
  return Math.max(...cold.bundles.map((b) => b.requireMs))
}

/** The headline ratios and counts; null for what the run did not measure. */
export function summarize(run: BenchRun): BenchSummary {
  const { production, opts } = run
  return {
    ...summarizeSet(run.small, run.cold),
    production: production
      ? {
          latencies: { aepMs: opts.aepLatencyMs, stateMs: opts.stateLatencyMs, imsMs: opts.imsLatencyMs },
          ...summarizeSet(production, run.cold),
          newContainerHitStateReads: production.newContainer
            ? {
                sameIdentity: production.newContainer.sameIdentity.stateReads,
                otherIdentityFirst: production.newContainer.otherIdentityFirst.stateReads,
                otherIdentityAfter: production.newContainer.otherIdentityAfter.stateReads
              }
            : null,
          state: production.stateMix
            ? { perThousandLookups: production.stateMix.perThousandLookups, headroom: production.stateMix.headroom }
            : null,
          options: summarizeOptions(production)
        }
      : null,
    aepBudget: aepBudget(run)
  }
}

function summarizeSet(small: SetResult | undefined, cold: ColdStartResult | undefined): SetSummary {
  const upstream = small?.upstreamMs.median ?? null
  const missMedian = small?.miss?.latencyMs.median ?? null
  const coalescedSlowest = small?.coalescing ? coalescedSlowestMs(small.coalescing) : null
  const bundleMax = cold ? slowestBundleMs(cold) : null
  return {
    ratios: {
      missOverUpstream: ratio(missMedian, upstream),
      hitP95OverMiss: ratio(small?.hit?.load.latencyMs.p95 ?? null, missMedian),
      coalescedWallOverUpstream: ratio(coalescedSlowest, upstream),
      coldStartOverAioSdk: ratio(bundleMax, cold?.aioSdk.requireMs ?? null)
    },
    counts: {
      coalescedUpstreamProfileCalls: small?.coalescing ? small.coalescing.maxProfileCalls : null,
      warmImsCalls: small?.tokens ? (small.tokens.warmImsCalls.total ?? 0) : null,
      batchUpstreamCalls: small?.batch ? aepCalls(small.batch.batch.upstreamCalls) : null
    },
    hitRequestsPerSecond: small?.hit?.load.requestsPerSecond ?? null,
    peer: small?.peer ? summarizePeer(small.peer, upstream) : null
  }
}

/** a / b to 5 decimals: a hit is a few thousandths of the peer, which 3 decimals would round away. */
function fine(a: number, b: number): number | null {
  return Number.isFinite(a) && Number.isFinite(b) && b > 0 ? Math.round((a / b) * 100_000) / 100_000 : null
}

function summarizePeer(p: PeerResult, upstream: number | null): PeerSummary {
  const l = p.latencyMs
  const mp = (s: Summary): { median: number; p95: number } => ({ median: s.median, p95: s.p95 })
  const calls = (c: Record<string, number>): { aep: number; ims: number } => {
    const sum = (prefix: string): number =>
      Math.round(Object.entries(c).reduce((a, [k, v]) => (k.startsWith(prefix) ? a + v : a), 0) * 100) / 100
    return { aep: sum('aep:'), ims: sum('ims:') }
  }
  return {
    implementation: p.implementation,
    latencies: {
      peerMs: mp(l.peer),
      peerFetchMs: l.peerFetch ? mp(l.peerFetch) : null,
      ourMissMs: mp(l.ourMiss),
      ourHitMs: mp(l.ourHit),
      ourStateHitMs: mp(l.ourStateHit)
    },
    ratios: {
      ourMissOverPeer: ratio(l.ourMiss.median, l.peer.median),
      ourHitOverPeer: fine(l.ourHit.median, l.peer.median),
      ourStateHitOverPeer: fine(l.ourStateHit.median, l.peer.median),
      ourMissOverPeerFetch: ratio(l.ourMiss.median, l.peerFetch?.median ?? null),
      peerOverUpstream: ratio(l.peer.median, upstream)
    },
    callsPerLookup: {
      peer: calls(p.callsPerLookup.peer),
      ourMiss: calls(p.callsPerLookup.ourMiss),
      ourHit: calls(p.callsPerLookup.ourHit)
    }
  }
}

const hitsOf = (m: StateMix): number => Math.round(((m.cacheStatuses.HIT ?? 0) / m.lookups) * 1000)

function summarizeOptions(p: SetResult): OptionsSummary | null {
  const o = p.missOptions
  if (!o || !p.cacheDefaults) return null
  const upstream = p.upstreamMs.median
  const modes: OptionsSummary['modes'] = {}
  for (const opt of o.options)
    modes[optionKey(opt)] = {
      missOverUpstream: ratio(opt.miss.latencyMs.median, upstream),
      missMedianMs: opt.miss.latencyMs.median,
      coalescedWallOverUpstream: ratio(Math.max(...opt.coalescing.slowestMs), upstream),
      coalescedProfileCalls: Math.max(...opt.coalescing.profileCalls),
      coalescedNoUpstreamMs: median(opt.coalescing.noUpstreamMs)
    }
  const noUpstream = median(o.options.flatMap((x) => x.coalescing.noUpstreamMs))
  const base = p.stateMix
  const par = p.stateMixParallel
  const nar = p.stateMixNarrowed
  return {
    defaults: p.cacheDefaults,
    modes,
    coalescedFloorOverUpstream: ratio(upstream + noUpstream, upstream),
    parallelRead:
      base && par
        ? {
            aepPerThousandLookups: { before: base.aepPerThousandLookups, parallel: par.aepPerThousandLookups },
            extraAepCallsPerThousandLookups: par.aepPerThousandLookups - base.aepPerThousandLookups
          }
        : null,
    pointerNamespaces:
      base && nar
        ? {
            narrowedTo: nar.inputs.CACHE_POINTER_NAMESPACES ?? '',
            perThousandLookups: { before: base.perThousandLookups, after: nar.perThousandLookups },
            hitsPerThousandLookups: { before: hitsOf(base), after: hitsOf(nar) }
          }
        : null
  }
}
