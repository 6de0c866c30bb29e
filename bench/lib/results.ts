/**
 * What one benchmark run measured, the summary of its headline ratios and counts, and the report
 * written to bench/results/latest.json (bench/results/partial.json with --only).
 */
import type { BatchResult } from '../scenarios/batch'
import type { CoalescingResult } from '../scenarios/coalescing'
import type { ColdStartResult } from '../scenarios/cold-start'
import type { HitResult } from '../scenarios/hit'
import type { MissResult } from '../scenarios/miss'
import type { ScaleResult } from '../scenarios/scale'
import type { TokensResult } from '../scenarios/tokens'
import type { UiResult } from '../scenarios/ui'
import type { BenchOptions } from './context'
import type { ReportLike } from './report'
import type { LogCounts } from './runtime'
import { ratio, type Summary } from './stats'

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
  /** Activation log lines of the in-process containers, per scenario (warn/error sampled). */
  activationLogs: Record<string, LogCounts>
}

/** Everything one run measured; a scenario that did not run is absent. */
export interface BenchRun {
  opts: BenchOptions
  small?: SetResult
  cold?: ColdStartResult
  ui?: UiResult
}

export interface BenchSummary {
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
    ui: UiResult | undefined
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
export function summarize({ small, cold }: BenchRun): BenchSummary {
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
    hitRequestsPerSecond: small?.hit?.load.requestsPerSecond ?? null
  }
}
