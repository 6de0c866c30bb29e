/**
 * The benchmark's targets (docs/performance.md), as data: each names its scenario, the rule it is
 * judged by (threshold included) and what it reads from a run. `judge` turns a run and its summary
 * into the report's rows, in the order of TARGETS; a target whose scenario did not run has no row.
 */
import type { ReportTarget } from './report'
import type { BenchRun, BenchSummary, SetResult } from './results'
import { aepCalls, coalescedSlowestMs, slowestBundleMs } from './results'
import { median, ratio } from './stats'

/** How a target is judged from the numbers its reading gives. */
type Rule =
  /** Shown beside the targets, not judged. */
  | { kind: 'shown'; label: '(info)' | '(bound)' }
  /** The number is at most `limit`; an unmeasured one counts as `unmeasured`. */
  | { kind: 'at-most'; limit: number; unmeasured: false | null }
  /** Every number equals `expected`. */
  | { kind: 'equals'; expected: number }
  /** The first number is below `share` × the second. */
  | { kind: 'below'; share: number; label: string }
  /** The first number is within max(`absolute`, `relative` × the second) of the second. */
  | { kind: 'near'; absolute: number; relative: number; label: string }

type Judged = BenchRun & { summary: BenchSummary }

interface Reading {
  measure: string
  value: string
  judged?: ReadonlyArray<number | null>
}

interface TargetSpec {
  scenario: string
  rule: Rule
  /** What the run measured for this target; undefined when its scenario did not run. */
  read(run: Judged): Reading | undefined
}

/** A target over `of`, the part of a run it reads (undefined when that part did not run). */
function target<T>(
  scenario: string,
  rule: Rule,
  of: (run: Judged) => T | undefined,
  read: (t: T, run: Judged) => Reading
): TargetSpec {
  return {
    scenario,
    rule,
    read: (run) => {
      const t = of(run)
      return t === undefined ? undefined : read(t, run)
    }
  }
}

const fmt = (v: number | null | undefined, unit = '', digits = 3): string =>
  v === null || v === undefined || !Number.isFinite(v) ? 'n/a' : `${Number(v.toFixed(digits))}${unit}`
const ms = (v: number | null | undefined, digits = 1): string => fmt(v, ' ms', digits)
const kib = (bytes: number): string => `${(bytes / 1024).toFixed(0)} KiB`
const medianP95 = (s: { median: number; p95: number }): string => `${ms(s.median)} (${ms(s.p95)})`

const INFO: Rule = { kind: 'shown', label: '(info)' }

const missed = ({ small }: Judged) => small?.miss && { miss: small.miss, upstream: small.upstreamMs.median }
const hit = ({ small }: Judged) => small?.hit && { hit: small.hit, missMedian: small.miss?.latencyMs.median ?? null }
const coalescing = ({ small }: Judged) => small?.coalescing
const tokens = ({ small }: Judged) => small?.tokens
const batch = ({ small }: Judged) => small?.batch
const scale = ({ small }: Judged) => small?.scale
const peerOf = ({ small, summary }: Judged) =>
  small?.peer && summary.peer ? { run: small.peer, sum: summary.peer } : undefined
const budget = ({ summary }: Judged) => summary.aepBudget ?? undefined
const prodOptions = ({ production, summary }: Judged) =>
  production && summary.production?.options
    ? { o: summary.production.options, upstream: production.upstreamMs.median }
    : undefined

const prod = ({ production, summary }: Judged) =>
  production && summary.production ? { set: production, sum: summary.production } : undefined

/** warn/error activation log lines per scenario or container, where there were any. */
function severeLogLines(small: SetResult): Record<string, number> {
  const by: Record<string, number> = {}
  for (const [name, c] of Object.entries(small.activationLogs)) if (c.warnOrError > 0) by[name] = c.warnOrError
  if (small.hit && small.hit.containerLogs.warnOrError > 0) by['hit-container'] = small.hit.containerLogs.warnOrError
  if (small.tokens && small.tokens.containerWarnOrError > 0) by['tokens-containers'] = small.tokens.containerWarnOrError
  if (small.scale) {
    const w = small.scale.small.warnOrError + small.scale.large.warnOrError
    if (w > 0) by['scale-containers'] = w
  }
  return by
}

const TARGETS: readonly TargetSpec[] = [
  target('1', { kind: 'at-most', limit: 1.1, unmeasured: false }, missed, ({ miss, upstream }, { summary }) => ({
    measure: `miss median / one upstream call (${ms(miss.latencyMs.median)} / ${ms(upstream)})`,
    value: fmt(summary.ratios.missOverUpstream),
    judged: [summary.ratios.missOverUpstream]
  })),
  target('1', INFO, missed, ({ miss, upstream }) => ({
    measure: 'miss p95 / one upstream call',
    value: fmt(ratio(miss.latencyMs.p95, upstream))
  })),
  target('2', { kind: 'at-most', limit: 0.02, unmeasured: false }, hit, ({ hit: h }, { summary }) => ({
    measure: `hit p95 at ${h.load.connections} conns / miss median (${ms(h.load.latencyMs.p95)})`,
    value: fmt(summary.ratios.hitP95OverMiss),
    judged: [summary.ratios.hitP95OverMiss]
  })),
  target('2', INFO, hit, (_, { summary }) => ({
    measure: 'hit requests/s per container',
    value: String(summary.hitRequestsPerSecond)
  })),
  target('2', INFO, hit, ({ hit: h }) => ({
    measure: 'hit median, 1 connection (service time)',
    value: ms(h.single.latencyMs.median)
  })),
  target('2', { kind: 'shown', label: '(bound)' }, hit, ({ hit: { floor: f }, missMedian }) => ({
    measure:
      `floor: no action code, same load and body (p95 ${ms(f.latencyMs.p95)}, ${f.requestsPerSecond} req/s)` +
      ' / miss',
    value: fmt(ratio(f.latencyMs.p95, missMedian))
  })),
  target('3', { kind: 'equals', expected: 1 }, coalescing, (c) => ({
    measure: 'upstream profile calls for 100 concurrent lookups',
    value: c.rounds.map((x) => x.profileCalls).join(', '),
    judged: c.rounds.map((x) => x.profileCalls)
  })),
  target('3', { kind: 'at-most', limit: 1.1, unmeasured: false }, coalescing, (c, { summary }) => ({
    measure: `slowest of 100 / one upstream call (${ms(coalescedSlowestMs(c))})`,
    value: fmt(summary.ratios.coalescedWallOverUpstream),
    judged: [summary.ratios.coalescedWallOverUpstream]
  })),
  target('4', { kind: 'equals', expected: 0 }, tokens, (t, { summary }) => ({
    measure: `IMS calls in lookups 2..${t.lookups} (warm container)`,
    value: String(summary.counts.warmImsCalls),
    judged: [summary.counts.warmImsCalls]
  })),
  target('4', { kind: 'equals', expected: 0 }, tokens, (t) => ({
    measure: 'IMS token calls, cold container, token in State',
    value: String(t.coldWithStoredToken.imsTokenCalls),
    judged: [t.coldWithStoredToken.imsTokenCalls]
  })),
  target('5', { kind: 'below', share: 1, label: 'fewer' }, batch, (b, { summary }) => ({
    measure: 'AEP calls: batch of 100 vs 100 singles',
    value: `${summary.counts.batchUpstreamCalls} vs ${aepCalls(b.singles.upstreamCalls)}`,
    judged: [summary.counts.batchUpstreamCalls, aepCalls(b.singles.upstreamCalls)]
  })),
  target('5', { kind: 'below', share: 1, label: 'faster' }, batch, (b) => ({
    measure: `time: batch vs singles (${b.singles.concurrency} at a time)`,
    value: `${ms(b.batch.ms, 0)} vs ${ms(b.singles.ms, 0)}`,
    judged: [b.batch.ms, b.singles.ms]
  })),
  target(
    '6',
    { kind: 'at-most', limit: 0.25, unmeasured: null },
    ({ cold }) => cold,
    (cold, { summary }) => {
      const sdk = cold.aioSdk.requireMs === null ? 'not measured' : ms(cold.aioSdk.requireMs)
      return {
        measure: `slowest bundle require (${ms(slowestBundleMs(cold))}) / aio-sdk require (${sdk})`,
        value: fmt(summary.ratios.coldStartOverAioSdk),
        judged: [summary.ratios.coldStartOverAioSdk]
      }
    }
  ),
  target(
    '6',
    INFO,
    ({ cold }) => cold,
    (cold) => {
      const biggest = cold.bundles.reduce((a, b) => (b.bytes > a.bytes ? b : a))
      return {
        measure: `largest bundle (${biggest.action}) size / gzip`,
        value: `${kib(biggest.bytes)} / ${kib(biggest.gzipBytes)}`
      }
    }
  ),
  target('7', { kind: 'near', absolute: 0.05, relative: 0, label: '± 0.05' }, scale, ({ small: a, large: b }) => ({
    measure: `miss / upstream, ${b.customers} vs ${a.customers} customers (alternating)`,
    value: `${fmt(b.missOverUpstream)} vs ${fmt(a.missOverUpstream)}`,
    judged: [b.missOverUpstream, a.missOverUpstream]
  })),
  target('7', { kind: 'near', absolute: 2, relative: 0.25, label: '± 25 % or 2 ms' }, scale, (sc, { opts }) => {
    const { small: a, large: b } = sc
    return {
      measure: `hit p95 at ${opts.connections} conns (median of ${sc.rounds} runs), ${b.customers} vs ${a.customers}`,
      value: `${ms(median(b.hitP95Ms))} vs ${ms(median(a.hitP95Ms))}`,
      judged: [median(b.hitP95Ms), median(a.hitP95Ms)]
    }
  }),
  target('7', INFO, scale, ({ small: a, large: b }) => ({
    measure: `hit service time (1 connection), ${b.customers} vs ${a.customers}`,
    value: `${ms(b.hitSingleMedianMs)} vs ${ms(a.hitSingleMedianMs)}`
  })),
  target('7', { kind: 'below', share: 0.02, label: 'median < 2 % of upstream' }, scale, (sc, { opts }) => ({
    measure: `stand-in's own lookup, median (p95), latency 0, ${sc.large.customers} vs ${sc.small.customers}`,
    value: `${medianP95(sc.large.standInLookupMs)} vs ${medianP95(sc.small.standInLookupMs)}`,
    judged: [sc.large.standInLookupMs.median, opts.aepLatencyMs]
  })),
  ...PEER_TARGETS('10', peerOf),
  target('11', { kind: 'below', share: 1, label: 'fewer' }, budget, (b) => ({
    measure: `AEP calls/min, ${b.agents} agents (${b.basis} counts; assumed mix): with cache+coalescing vs none (the peer)`,
    value: `${b.callsPerMinute.withCache} vs ${b.callsPerMinute.withoutCache}`,
    judged: [b.callsPerMinute.withCache, b.callsPerMinute.withoutCache]
  })),
  target('11', INFO, budget, (b) => ({
    measure: `AEP calls/min saved by the cache; by coalescing (duplicates assumed, their cost ${b.coalescingBasis}); IMS token calls/min, ours vs peer`,
    value: `${b.savedPerMinute.byCache}; ${b.savedPerMinute.byCoalescing}; ${b.imsTokenCallsPerMinute.ours} vs ${b.imsTokenCallsPerMinute.peer}`
  })),
  target('11', INFO, budget, (b) => ({
    measure: "AEP's published Profile access rate limit",
    value: b.limit
      ? `${b.limit.value}/min (${b.limit.source}): ${fmt(b.headroom?.withCacheShareOfLimit)} of it; ${b.headroom?.agentsAtLimit} agents at the limit`
      : 'none published'
  })),
  target(
    '–',
    { kind: 'equals', expected: 0 },
    ({ small }) => small,
    (small) => {
      const by = Object.entries(severeLogLines(small))
      const severe = by.reduce((a, [, v]) => a + v, 0)
      return {
        measure: 'warn/error lines in the activation logs (e.g. State unavailable)',
        value: severe === 0 ? '0' : `${severe} (${by.map(([k, v]) => `${k} ${v}`).join(', ')})`,
        judged: [severe]
      }
    }
  ),
  ...PRODUCTION_TARGETS(),
  target(
    '8',
    INFO,
    ({ ui }) => ui,
    ({ webProd: { jsGzipBytes } }) => ({
      measure: 'production JS shipped (gzip)',
      value: jsGzipBytes === null ? 'n/a (no web-prod build)' : kib(jsGzipBytes)
    })
  ),
  target(
    '8',
    INFO,
    ({ ui }) => ui,
    ({ answerToPaint: { ms: paint } }) => ({
      measure: 'answer → profile painted (headless Chromium)',
      value: paint === null ? 'not measured' : `${paint} ms`
    })
  )
]

type PeerPart = { run: NonNullable<SetResult['peer']>; sum: NonNullable<BenchSummary['peer']> }

/** Scenario 10 (`P10` in the production pass): the template action beside ours; shown, not judged. */
function PEER_TARGETS(scenario: string, of: (run: Judged) => PeerPart | undefined): TargetSpec[] {
  return [
    target(scenario, INFO, of, ({ run: p }) => ({
      measure: `peer: Adobe's template action (new token, profile, then events; ${p.implementation.split(' (')[0]}), median (p95)`,
      value: medianP95(p.latencyMs.peer)
    })),
    target(scenario, INFO, of, ({ run: p, sum }) => ({
      measure: `our miss / peer (${ms(p.latencyMs.ourMiss.median)}); with the peer on plain fetch (${ms(p.latencyMs.peerFetch?.median)})`,
      value: `${fmt(sum.ratios.ourMissOverPeer)}; ${fmt(sum.ratios.ourMissOverPeerFetch)}`
    })),
    target(scenario, INFO, of, ({ run: p, sum }) => ({
      measure: `our hit / peer: same container, memory (${ms(p.latencyMs.ourHit.median)}); another container, State (${ms(p.latencyMs.ourStateHit.median)})`,
      value: `${fmt(sum.ratios.ourHitOverPeer, '', 5)}; ${fmt(sum.ratios.ourStateHitOverPeer, '', 5)}`
    }))
  ]
}

/** The production pass (P): every upstream at its modelled latency. */
function PRODUCTION_TARGETS(): TargetSpec[] {
  const at = ({ sum }: NonNullable<ReturnType<typeof prod>>): string =>
    `AEP ${sum.latencies.aepMs}, State ${sum.latencies.stateMs}, IMS ${sum.latencies.imsMs} ms`
  return [
    target('P1', { kind: 'at-most', limit: 1.1, unmeasured: false }, prod, (p) => ({
      measure: `miss median / one upstream call (${ms(p.set.miss?.latencyMs.median)} / ${ms(p.set.upstreamMs.median)}), ${at(p)}`,
      value: fmt(p.sum.ratios.missOverUpstream),
      judged: [p.sum.ratios.missOverUpstream]
    })),
    target('P2', { kind: 'at-most', limit: 0.02, unmeasured: false }, prod, (p) => ({
      measure: `warm hit p95 at ${p.set.hit?.load.connections ?? 'n/a'} conns / miss median (${ms(p.set.hit?.load.latencyMs.p95)}; ${p.sum.hitRequestsPerSecond} req/s)`,
      value: fmt(p.sum.ratios.hitP95OverMiss),
      judged: [p.sum.ratios.hitP95OverMiss]
    })),
    target('P2', { kind: 'shown', label: '(bound)' }, prod, (p) => {
      const f = p.set.hit?.floor
      return {
        measure: `floor: no action code, same load and body (p95 ${ms(f?.latencyMs.p95)}, ${f?.requestsPerSecond ?? 'n/a'} req/s) / miss`,
        value: fmt(ratio(f?.latencyMs.p95 ?? null, p.set.miss?.latencyMs.median ?? null))
      }
    }),
    target('P3', { kind: 'equals', expected: 1 }, prod, (p) => ({
      measure: 'upstream profile calls for 100 concurrent lookups',
      value: p.set.coalescing?.rounds.map((x) => x.profileCalls).join(', ') ?? 'n/a',
      judged: p.set.coalescing?.rounds.map((x) => x.profileCalls) ?? [null]
    })),
    target('P3', { kind: 'at-most', limit: 1.1, unmeasured: false }, prod, (p) => ({
      measure: 'slowest of 100 coalesced / one upstream call',
      value: fmt(p.sum.ratios.coalescedWallOverUpstream),
      judged: [p.sum.ratios.coalescedWallOverUpstream]
    })),
    target('P3', { kind: 'shown', label: '(bound)' }, prodOptions, ({ o, upstream }) => {
      const each = Object.values(o.modes).map((m) => m.coalescedNoUpstreamMs)
      return {
        measure: `floor: the same 100 answered from memory, no upstream (${each.map((v) => ms(v)).join(', ')}): (one upstream call + that) / one upstream call (${ms(upstream)})`,
        value: fmt(o.coalescedFloorOverUpstream)
      }
    }),
    target('P4', { kind: 'equals', expected: 0 }, prod, (p) => ({
      measure: 'IMS calls after the first lookup (warm container)',
      value: String(p.sum.counts.warmImsCalls),
      judged: [p.sum.counts.warmImsCalls]
    })),
    target('P9', { kind: 'equals', expected: 1 }, prod, (p) => {
      const n = p.sum.newContainerHitStateReads
      return {
        measure: 'State reads of a new container’s hit: same identity; other identity after its first use',
        value: n ? `${n.sameIdentity}; ${n.otherIdentityAfter}` : 'n/a',
        judged: n ? [n.sameIdentity, n.otherIdentityAfter] : [null]
      }
    }),
    target('P9', INFO, prod, (p) => ({
      measure: 'State reads of a new container’s hit by another identity, its first use (pointer, then replaced)',
      value: String(p.sum.newContainerHitStateReads?.otherIdentityFirst ?? 'n/a')
    })),
    target('P9', INFO, prod, (p) => {
      const t = p.sum.state?.perThousandLookups
      return {
        measure: 'State per 1000 lookups of the mix: reads, writes, bytes written',
        value: t ? `${t.reads}, ${t.writes}, ${kib(t.bytes)}` : 'n/a'
      }
    }),
    target('P9', INFO, prod, (p) => {
      const h = p.sum.state?.headroom
      return {
        measure: `agents reaching State's 10 MB/min write quota at ${h?.lookupsPerAgentPerMinute ?? 'n/a'} lookup/min each`,
        value: h ? String(h.agentsAtQuota) : 'n/a'
      }
    }),
    ...OPTION_TARGETS(),
    ...PEER_TARGETS('P10', ({ production, summary }) =>
      production?.peer && summary.production?.peer ? { run: production.peer, sum: summary.production.peer } : undefined
    )
  ]
}

/** Scenario 12 (production pass): each CACHE_READ_MODE+CACHE_WRITE_MODE, and the mixes of the options. */
function OPTION_TARGETS(): TargetSpec[] {
  const modes = ['before+await', 'parallel+await', 'before+behind', 'parallel+behind']
  const isDefault = (o: NonNullable<ReturnType<typeof prodOptions>>['o'], k: string): string =>
    k === `${o.defaults.readMode}+${o.defaults.writeMode}` ? ' (default)' : ''
  return [
    ...modes.map((k) =>
      target('P12', { kind: 'at-most', limit: 1.1, unmeasured: false }, prodOptions, ({ o }) => ({
        measure: `miss median / one upstream call, read+write mode ${k}${isDefault(o, k)} (${ms(o.modes[k]?.missMedianMs)})`,
        value: fmt(o.modes[k]?.missOverUpstream),
        judged: [o.modes[k]?.missOverUpstream ?? null]
      }))
    ),
    ...modes.map((k) =>
      target('P12', { kind: 'at-most', limit: 1.1, unmeasured: false }, prodOptions, ({ o }) => ({
        measure: `slowest of 100 coalesced / one upstream call, ${k}${isDefault(o, k)}`,
        value: fmt(o.modes[k]?.coalescedWallOverUpstream),
        judged: [o.modes[k]?.coalescedWallOverUpstream ?? null]
      }))
    ),
    target('P12', { kind: 'equals', expected: 1 }, prodOptions, ({ o }) => ({
      measure: `upstream profile calls for 100 concurrent lookups, ${modes.join(', ')}`,
      value: modes.map((k) => String(o.modes[k]?.coalescedProfileCalls ?? 'n/a')).join(', '),
      judged: modes.map((k) => o.modes[k]?.coalescedProfileCalls ?? null)
    })),
    target('P12', INFO, prodOptions, ({ o }) => {
      const p = o.parallelRead
      return {
        measure:
          'AEP calls per 1000 lookups of the mix: read mode parallel vs before (extra: spent although State held a fresh view)',
        value: p
          ? `${p.aepPerThousandLookups.parallel} vs ${p.aepPerThousandLookups.before} (+${p.extraAepCallsPerThousandLookups})`
          : 'n/a'
      }
    }),
    target('P12', INFO, prodOptions, ({ o }) => {
      const p = o.pointerNamespaces
      const fmtState = (t: { writes: number; bytes: number }): string => `${t.writes}, ${kib(t.bytes)}`
      return {
        measure: `State writes and bytes per 1000 lookups of the mix: pointers for ${p?.narrowedTo ?? 'n/a'} vs ${o.defaults.pointerNamespaces.join(',')}; HITs per 1000`,
        value: p
          ? `${fmtState(p.perThousandLookups.after)} vs ${fmtState(p.perThousandLookups.before)}; ${p.hitsPerThousandLookups.after} vs ${p.hitsPerThousandLookups.before}`
          : 'n/a'
      }
    })
  ]
}

function label(rule: Rule): string {
  if (rule.kind === 'at-most') return `≤ ${rule.limit.toFixed(2)}`
  if (rule.kind === 'equals') return `= ${rule.expected}`
  return rule.label
}

function met(rule: Rule, judged: ReadonlyArray<number | null>): boolean | null {
  const [a = null, b = null] = judged
  switch (rule.kind) {
    case 'shown':
      return null
    case 'at-most':
      return a === null ? rule.unmeasured : a <= rule.limit
    case 'equals':
      return judged.every((v) => v === rule.expected)
    case 'below':
      return a !== null && b !== null && a < rule.share * b
    case 'near':
      return a !== null && b !== null && Math.abs(a - b) <= Math.max(rule.absolute, rule.relative * b)
  }
}

/** The report's rows: each target the run measured, with its value and whether it was met. */
export function judge(run: BenchRun, summary: BenchSummary): ReportTarget[] {
  return TARGETS.flatMap(({ scenario, rule, read }) => {
    const r = read({ ...run, summary })
    if (!r) return []
    return [{ scenario, measure: r.measure, value: r.value, target: label(rule), met: met(rule, r.judged ?? []) }]
  })
}
