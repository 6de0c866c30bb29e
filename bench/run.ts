/**
 * npm run bench [-- --aep-latency 500 --customers 2000 --scale-customers 100000 --connections 50
 *                   --hit-seconds 10 --quick --cpu-prof --build --update-docs --only miss,hit,...]
 *
 * Measures the built actions against AEP's latency floor, side by side in one run (see
 * docs/performance.md): the stand-ins start in this process with every AEP route answering after
 * `--aep-latency` ms; the actions run from their built bundles exactly as I/O Runtime calls them.
 * Prints a table and writes bench/results/latest.json (bench/results/partial.json with --only).
 */
import { spawnSync } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import type { BenchOptions, Ctx } from './lib/context'
import { warmContainer } from './lib/context'
import { startBenchEnv, standInLookupTime, upstreamBaseline, type BenchEnv, type LookupIdentity } from './lib/env'
import { captureActivationLogs, freshContainer, missingBundles, ROOT, staleSources, type LogCounts } from './lib/runtime'
import { renderFigures, updateDoc } from './lib/report'
import { median as summarizeMedian, ratio, type Summary } from './lib/stats'
import { runBatch, type BatchResult } from './scenarios/batch'
import { runCoalescing, type CoalescingResult } from './scenarios/coalescing'
import { runColdStart, type ColdStartResult } from './scenarios/cold-start'
import { runHits, type HitResult } from './scenarios/hit'
import { runMisses, type MissResult } from './scenarios/miss'
import { runTokens, type TokensResult } from './scenarios/tokens'
import { runScale, type ScaleResult } from './scenarios/scale'
import { runUi } from './scenarios/ui'

const SCENARIOS = ['miss', 'hit', 'coalescing', 'tokens', 'batch', 'cold', 'scale', 'ui'] as const
type Scenario = (typeof SCENARIOS)[number]

const out = (line = ''): void => { process.stdout.write(`${line}\n`) }

function parseOptions(): BenchOptions {
  const { values } = parseArgs({
    options: {
      'aep-latency': { type: 'string' }, customers: { type: 'string' }, 'scale-customers': { type: 'string' },
      connections: { type: 'string' }, 'hit-seconds': { type: 'string' }, quick: { type: 'boolean' },
      'cpu-prof': { type: 'boolean' }, build: { type: 'boolean' }, only: { type: 'string' }, 'update-docs': { type: 'boolean' }
    }
  })
  const int = (v: string | undefined, name: string, fallback: number, min: number): number => {
    if (v === undefined) return fallback
    const n = Number(v)
    if (!Number.isInteger(n) || n < min) throw new Error(`--${name} must be a whole number >= ${min}`)
    return n
  }
  const quick = values.quick === true
  const only = values.only === undefined ? null : values.only.split(',').map((s) => s.trim()).filter(Boolean)
  for (const s of only ?? []) if (!(SCENARIOS as readonly string[]).includes(s)) throw new Error(`--only: unknown scenario "${s}" (${SCENARIOS.join(', ')})`)
  return {
    aepLatencyMs: int(values['aep-latency'], 'aep-latency', 500, 1),
    customers: int(values.customers, 'customers', 2000, 1500),
    scaleCustomers: int(values['scale-customers'], 'scale-customers', 100_000, 1500),
    connections: int(values.connections, 'connections', 50, 1),
    hitSeconds: int(values['hit-seconds'], 'hit-seconds', quick ? 3 : 10, 1),
    quick,
    cpuProf: values['cpu-prof'] === true,
    build: values.build === true,
    updateDocs: values['update-docs'] === true,
    only
  }
}

function ensureBuilt(opts: BenchOptions): string[] {
  const missing = missingBundles()
  if (opts.build || missing.length > 0) {
    out(opts.build ? 'building the actions (--build) …' : `building the actions (missing: ${missing.join(', ')}) …`)
    const r = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] })
    if (r.status !== 0 || missingBundles().length > 0) throw new Error('npm run build failed')
  }
  const stale = staleSources()
  if (stale.length > 0) out(`note: ${stale.length} action source file(s) are newer than the bundles (${stale.slice(0, 3).join(', ')}…); run with --build to measure them`)
  return stale
}

interface SetResult {
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

/** Scenarios 1–5 over the small data set, then 7 (the large set side by side with it). */
async function runSet(opts: BenchOptions, customers: number, wanted: Set<Scenario>, label: string, logs: Ctx['logs']): Promise<SetResult> {
  const t0 = performance.now()
  const env: BenchEnv = await startBenchEnv({ customers, aepLatencyMs: opts.aepLatencyMs })
  const ctx: Ctx = { opts, env, logs, log: out }
  logs.reset()
  try {
    out(`[${label}] ${env.customers} customers seeded in ${Math.round(env.seedMs)} ms; AEP latency ${opts.aepLatencyMs} ms`)
    const pick = (i: number): LookupIdentity => env.identityOf(1 + ((i * 104729) % (env.customers - 1)))
    const upstreamMs = await upstreamBaseline(env, opts.quick ? 3 : 5, pick)
    const standInLookupMs = await standInLookupTime(env, opts.quick ? 60 : 200)
    out(`[${label}] one upstream call: median ${upstreamMs.median} ms; stand-in's own lookup time (latency 0): median ${standInLookupMs.sequential.median} ms, p95 ${standInLookupMs.sequential.p95} ms`)
    const main = freshContainer('customer-profile')
    const warmUp = await warmContainer(ctx, main)
    const result: SetResult = { customers: env.customers, seedMs: Math.round(env.seedMs), upstreamMs, standInLookupMs, warmUp, activationLogs: { warmUp: logs.counts() } }
    const logsOf = (name: string): void => { result.activationLogs[name] = logs.counts(); logs.reset() }
    logs.reset()

    let hitCustomer: LookupIdentity | undefined
    if (wanted.has('miss') || wanted.has('hit')) {
      const who = Array.from({ length: opts.quick ? 5 : 12 }, () => env.freshCustomer())
      result.miss = await runMisses(ctx, main, who)
      hitCustomer = who[0]
      logsOf('miss')
      out(`[${label}] miss: median ${result.miss.latencyMs.median} ms, p95 ${result.miss.latencyMs.p95} ms (${result.miss.lookups} customers)`)
    }
    if (wanted.has('hit') && hitCustomer) {
      result.hit = await runHits(ctx, hitCustomer, opts.hitSeconds, label)
      out(`[${label}] hit: ${result.hit.load.connections} connections, p95 ${result.hit.load.latencyMs.p95} ms, ${result.hit.load.requestsPerSecond} req/s; 1 connection: median ${result.hit.single.latencyMs.median} ms, ${result.hit.single.requestsPerSecond} req/s`)
    }
    if (wanted.has('coalescing')) {
      result.coalescing = await runCoalescing(ctx, main, 100, opts.quick ? 1 : 3)
      logsOf('coalescing')
      out(`[${label}] coalescing: profile calls ${result.coalescing.rounds.map((r) => r.profileCalls).join('/')}, slowest ${result.coalescing.rounds.map((r) => r.slowestMs).join('/')} ms`)
    }
    if (wanted.has('tokens')) {
      result.tokens = await runTokens(ctx, 1000, 50)
      logsOf('tokens')
      out(`[${label}] tokens: IMS calls after the first lookup ${result.tokens.warmImsCalls.total ?? 0}; cold container with a stored token: ${result.tokens.coldWithStoredToken.imsTokenCalls} token calls`)
    }
    if (wanted.has('batch')) {
      result.batch = await runBatch(ctx, main, 100, 10)
      logsOf('batch')
      out(`[${label}] batch: ${result.batch.batch.ms} ms, ${result.batch.batch.upstreamCalls['aep:entities.multi'] ?? 0} multi-entity call(s); 100 singles (10 at a time): ${result.batch.singles.ms} ms`)
    }
    if (wanted.has('scale')) {
      const rounds = opts.quick ? 2 : 3
      const seconds = opts.quick ? 2 : 3
      result.scale = await runScale(ctx, main, opts.scaleCustomers, opts.quick ? 4 : 8, rounds, seconds)
      logsOf('scale')
      const { small: a, large: b } = result.scale
      out(`[scale] ${b.customers} customers seeded in ${b.seedMs} ms; miss/upstream ${b.missOverUpstream} vs ${a.missOverUpstream}; hit p95 ${b.hitP95Ms.join('/')} vs ${a.hitP95Ms.join('/')} ms; stand-in p95 ${b.standInLookupMs.p95} vs ${a.standInLookupMs.p95} ms`)
    }
    out(`[${label}] done in ${((performance.now() - t0) / 1000).toFixed(1)} s`)
    return result
  } finally {
    await env.close()
  }
}

interface Target { scenario: string; measure: string; value: string; target: string; met: boolean | null }

const fmt = (v: number | null | undefined, unit = '', digits = 3): string => (v === null || v === undefined || !Number.isFinite(v) ? 'n/a' : `${Number(v.toFixed(digits))}${unit}`)

function table(rows: Target[]): string {
  const head = ['#', 'measure', 'value', 'target', 'met']
  const cells = rows.map((r) => [r.scenario, r.measure, r.value, r.target, r.met === null ? '–' : r.met ? 'yes' : 'NO'])
  const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => (c[i] ?? '').length)))
  const line = (c: string[]): string => c.map((x, i) => x.padEnd(widths[i] ?? 0)).join('  ')
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.map(line)].join('\n')
}

async function main(): Promise<void> {
  const opts = parseOptions()
  const started = new Date()
  const t0 = performance.now()
  const wanted = new Set<Scenario>(opts.only ? (opts.only as Scenario[]) : SCENARIOS)
  const loadStart = os.loadavg()
  const stale = ensureBuilt(opts)
  const logs = captureActivationLogs()

  let cold: ColdStartResult | undefined
  if (wanted.has('cold')) {
    cold = runColdStart(opts.quick ? 3 : 5)
    out(`cold start: ${cold.bundles.map((b) => `${b.action} ${b.requireMs} ms`).join(', ')}; aio-sdk ${cold.aioSdk.requireMs ?? 'not measured'}`)
  }
  const ui = wanted.has('ui') ? runUi() : undefined

  const smallWanted = new Set([...wanted].filter((s) => ['miss', 'hit', 'coalescing', 'tokens', 'batch', 'scale'].includes(s)))
  const small = smallWanted.size > 0 ? await runSet(opts, opts.customers, smallWanted, 'small', logs) : undefined

  // ---- summary, targets ----
  const upstream = small?.upstreamMs.median ?? null
  const missMedian = small?.miss?.latencyMs.median ?? null
  const hitP95 = small?.hit?.load.latencyMs.p95 ?? null
  const coalescedSlowest = small?.coalescing ? Math.max(...small.coalescing.rounds.map((r) => r.slowestMs)) : null
  const bundleMax = cold ? Math.max(...cold.bundles.map((b) => b.requireMs)) : null
  const warmIms = small?.tokens ? small.tokens.warmImsCalls.total ?? 0 : null
  const batchUpstream = small?.batch ? Object.entries(small.batch.batch.upstreamCalls).filter(([k]) => k.startsWith('aep:')).reduce((a, [, v]) => a + v, 0) : null
  const summary = {
    ratios: {
      missOverUpstream: ratio(missMedian, upstream),
      hitP95OverMiss: ratio(hitP95, missMedian),
      coalescedWallOverUpstream: ratio(coalescedSlowest, upstream),
      coldStartOverAioSdk: ratio(bundleMax, cold?.aioSdk.requireMs ?? null)
    },
    counts: {
      coalescedUpstreamProfileCalls: small?.coalescing ? small.coalescing.maxProfileCalls : null,
      warmImsCalls: warmIms,
      batchUpstreamCalls: batchUpstream
    },
    hitRequestsPerSecond: small?.hit?.load.requestsPerSecond ?? null
  }

  const rows: Target[] = []
  const r = summary.ratios
  if (small?.miss) {
    rows.push({ scenario: '1', measure: `miss median / one upstream call (${fmt(missMedian, ' ms', 1)} / ${fmt(upstream, ' ms', 1)})`, value: fmt(r.missOverUpstream), target: '≤ 1.10', met: r.missOverUpstream !== null && r.missOverUpstream <= 1.1 })
    rows.push({ scenario: '1', measure: 'miss p95 / one upstream call', value: fmt(ratio(small.miss.latencyMs.p95, upstream)), target: '(info)', met: null })
  }
  if (small?.hit) {
    rows.push({ scenario: '2', measure: `hit p95 at ${small.hit.load.connections} conns / miss median (${fmt(hitP95, ' ms', 1)})`, value: fmt(r.hitP95OverMiss), target: '≤ 0.02', met: r.hitP95OverMiss !== null && r.hitP95OverMiss <= 0.02 })
    rows.push({ scenario: '2', measure: 'hit requests/s per container', value: String(summary.hitRequestsPerSecond), target: '(info)', met: null })
    rows.push({ scenario: '2', measure: 'hit median, 1 connection (service time)', value: fmt(small.hit.single.latencyMs.median, ' ms', 1), target: '(info)', met: null })
    const f = small.hit.floor
    rows.push({ scenario: '2', measure: `floor: no action code, same load and body (p95 ${fmt(f.latencyMs.p95, ' ms', 1)}, ${f.requestsPerSecond} req/s) / miss`, value: fmt(ratio(f.latencyMs.p95, missMedian)), target: '(bound)', met: null })
  }
  if (small?.coalescing) {
    rows.push({ scenario: '3', measure: 'upstream profile calls for 100 concurrent lookups', value: small.coalescing.rounds.map((x) => x.profileCalls).join(', '), target: '= 1', met: small.coalescing.rounds.every((x) => x.profileCalls === 1) })
    rows.push({ scenario: '3', measure: `slowest of 100 / one upstream call (${fmt(coalescedSlowest, ' ms', 1)})`, value: fmt(r.coalescedWallOverUpstream), target: '≤ 1.10', met: r.coalescedWallOverUpstream !== null && r.coalescedWallOverUpstream <= 1.1 })
  }
  if (small?.tokens) {
    rows.push({ scenario: '4', measure: `IMS calls in lookups 2..${small.tokens.lookups} (warm container)`, value: String(warmIms), target: '= 0', met: warmIms === 0 })
    rows.push({ scenario: '4', measure: 'IMS token calls, cold container, token in State', value: String(small.tokens.coldWithStoredToken.imsTokenCalls), target: '= 0', met: small.tokens.coldWithStoredToken.imsTokenCalls === 0 })
  }
  if (small?.batch) {
    const b = small.batch
    const singleAep = Object.entries(b.singles.upstreamCalls).filter(([k]) => k.startsWith('aep:')).reduce((a, [, v]) => a + v, 0)
    rows.push({ scenario: '5', measure: `AEP calls: batch of 100 vs 100 singles`, value: `${batchUpstream} vs ${singleAep}`, target: 'fewer', met: batchUpstream !== null && batchUpstream < singleAep })
    rows.push({ scenario: '5', measure: `time: batch vs singles (${b.singles.concurrency} at a time)`, value: `${fmt(b.batch.ms, ' ms', 0)} vs ${fmt(b.singles.ms, ' ms', 0)}`, target: 'faster', met: b.batch.ms < b.singles.ms })
  }
  if (cold) {
    rows.push({ scenario: '6', measure: `slowest bundle require (${fmt(bundleMax, ' ms', 1)}) / aio-sdk require (${cold.aioSdk.requireMs === null ? 'not measured' : fmt(cold.aioSdk.requireMs, ' ms', 1)})`, value: fmt(r.coldStartOverAioSdk), target: '≤ 0.25', met: r.coldStartOverAioSdk === null ? null : r.coldStartOverAioSdk <= 0.25 })
    const biggest = cold.bundles.reduce((a, b) => (b.bytes > a.bytes ? b : a))
    rows.push({ scenario: '6', measure: `largest bundle (${biggest.action}) size / gzip`, value: `${(biggest.bytes / 1024).toFixed(0)} KiB / ${(biggest.gzipBytes / 1024).toFixed(0)} KiB`, target: '(info)', met: null })
  }
  const sc = small?.scale
  if (sc) {
    const a = sc.small
    const b = sc.large
    const p95 = (v: number[]): number => summarizeMedian(v)
    rows.push({ scenario: '7', measure: `miss / upstream, ${b.customers} vs ${a.customers} customers (alternating)`, value: `${fmt(b.missOverUpstream)} vs ${fmt(a.missOverUpstream)}`, target: '± 0.05', met: Math.abs(b.missOverUpstream - a.missOverUpstream) <= 0.05 })
    rows.push({ scenario: '7', measure: `hit p95 at ${opts.connections} conns (median of ${sc.rounds} runs), ${b.customers} vs ${a.customers}`, value: `${fmt(p95(b.hitP95Ms), ' ms', 1)} vs ${fmt(p95(a.hitP95Ms), ' ms', 1)}`, target: '± 25 % or 2 ms', met: Math.abs(p95(b.hitP95Ms) - p95(a.hitP95Ms)) <= Math.max(2, 0.25 * p95(a.hitP95Ms)) })
    rows.push({ scenario: '7', measure: `hit service time (1 connection), ${b.customers} vs ${a.customers}`, value: `${fmt(b.hitSingleMedianMs, ' ms', 1)} vs ${fmt(a.hitSingleMedianMs, ' ms', 1)}`, target: '(info)', met: null })
    rows.push({ scenario: '7', measure: `stand-in's own lookup, median (p95), latency 0, ${b.customers} vs ${a.customers}`, value: `${fmt(b.standInLookupMs.median, ' ms', 1)} (${fmt(b.standInLookupMs.p95, ' ms', 1)}) vs ${fmt(a.standInLookupMs.median, ' ms', 1)} (${fmt(a.standInLookupMs.p95, ' ms', 1)})`, target: 'median < 2 % of upstream', met: b.standInLookupMs.median < 0.02 * opts.aepLatencyMs })
  }
  const severeBy: Record<string, number> = {}
  if (small) {
    for (const [name, c] of Object.entries(small.activationLogs)) if (c.warnOrError > 0) severeBy[name] = c.warnOrError
    if (small.hit && small.hit.containerLogs.warnOrError > 0) severeBy['hit-container'] = small.hit.containerLogs.warnOrError
    if (small.tokens && small.tokens.containerWarnOrError > 0) severeBy['tokens-containers'] = small.tokens.containerWarnOrError
    if (small.scale) {
      const w = small.scale.small.warnOrError + small.scale.large.warnOrError
      if (w > 0) severeBy['scale-containers'] = w
    }
  }
  const severe = Object.values(severeBy).reduce((a, b) => a + b, 0)
  if (small) rows.push({ scenario: '–', measure: 'warn/error lines in the activation logs (e.g. State unavailable)', value: severe === 0 ? '0' : `${severe} (${Object.entries(severeBy).map(([k, v]) => `${k} ${v}`).join(', ')})`, target: '= 0', met: severe === 0 })
  if (ui) {
    rows.push({ scenario: '8', measure: 'production JS shipped (gzip)', value: ui.webProd.jsGzipBytes === null ? 'n/a (no web-prod build)' : `${(ui.webProd.jsGzipBytes / 1024).toFixed(0)} KiB`, target: '(info)', met: null })
    rows.push({ scenario: '8', measure: 'answer → profile painted (headless Chromium)', value: ui.answerToPaint.ms === null ? 'not measured' : `${ui.answerToPaint.ms} ms`, target: '(info)', met: null })
  }

  const totalSeconds = Math.round((performance.now() - t0) / 100) / 10
  const git = (args: string[]): string => spawnSync('git', args, { cwd: ROOT, encoding: 'utf8' }).stdout?.trim() ?? ''
  const code = { commit: git(['rev-parse', '--short', 'HEAD']) || 'unknown', actionsChanged: git(['status', '--porcelain', '--', 'actions', 'webpack-config.js']).split('\n').filter(Boolean).length }
  const cpus = os.cpus()
  const report = {
    date: started.toISOString(),
    machine: {
      os: `${os.type()} ${os.release()} ${os.arch()}`,
      cpus: cpus.length,
      cpuModel: cpus[0]?.model ?? 'unknown',
      memoryGiB: Math.round(os.totalmem() / 2 ** 30),
      node: process.version,
      loadAverage: { start: loadStart.map((v) => Math.round(v * 100) / 100), end: os.loadavg().map((v) => Math.round(v * 100) / 100) }
    },
    code,
    options: { ...opts, aepRoutesWithLatency: ['entities.profile', 'entities.events', 'entities.multi', 'audiences', 'segmentDefinitions', 'mergePolicies', 'namespaces'] },
    summary,
    targets: rows,
    durationSeconds: totalSeconds,
    staleSources: stale,
    scenarios: {
      miss: small?.miss,
      hit: small?.hit,
      coalescing: small?.coalescing,
      tokens: small?.tokens,
      batch: small?.batch,
      coldStart: cold,
      scale: small?.scale,
      ui
    },
    context: small ? { upstreamMs: small.upstreamMs, standInLookupMs: small.standInLookupMs, warmUp: small.warmUp, activationLogs: small.activationLogs } : undefined
  }
  const dir = path.join(__dirname, 'results')
  mkdirSync(dir, { recursive: true })
  const file = path.join(dir, opts.only ? 'partial.json' : 'latest.json')
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`)

  out()
  out(`Customer Activity Hub benchmark — ${report.date} — ${report.machine.os}, ${report.machine.cpus} × ${report.machine.cpuModel}, Node ${report.machine.node}`)
  out(`AEP latency ${opts.aepLatencyMs} ms per call; load average ${report.machine.loadAverage.start.join('/')} → ${report.machine.loadAverage.end.join('/')}; ${totalSeconds} s`)
  out()
  out(table(rows))
  out()
  out(`summary: ${JSON.stringify(summary)}`)
  out(`written: ${path.relative(ROOT, file)}`)
  if (opts.updateDocs) {
    const doc = path.join(ROOT, 'docs', 'performance.md')
    if (opts.only) out('docs/performance.md not updated: --only runs are partial')
    else out(updateDoc(doc, renderFigures(report)) ? 'updated: docs/performance.md (latest figures)' : 'docs/performance.md has no bench:latest markers; not updated')
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`bench: ${e instanceof Error ? e.stack ?? e.message : String(e)}\n`)
  process.exit(1)
})
