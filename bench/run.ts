/**
 * npm run bench [-- --aep-latency 500 --state-latency 25 --ims-latency 150 --customers 2000
 *                   --scale-customers 100000 --connections 50 --hit-seconds 10 --quick --cpu-prof
 *                   --build --update-docs --no-production --only miss,hit,...,production]
 *
 * Measures the built actions against AEP's latency floor, side by side in one run (see
 * docs/performance.md): the stand-ins start in this process with every AEP route answering after
 * `--aep-latency` ms; the actions run from their built bundles exactly as I/O Runtime calls them.
 * A second pass ("production") runs scenarios 1–5 again, and the State scenarios, with State and
 * IMS answering after their modelled latencies too.
 * Prints a table and writes bench/results/latest.json (bench/results/partial.json with --only).
 */
import { spawnSync } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import type { BenchOptions, Ctx } from './lib/context'
import { warmContainer } from './lib/context'
import { type BenchEnv, type LookupIdentity, standInLookupTime, startBenchEnv, upstreamBaseline } from './lib/env'
import { type ReportTarget, renderFigures, renderTable, updateDoc } from './lib/report'
import { type BenchReport, type BenchRun, type BenchSummary, type SetResult, summarize } from './lib/results'
import { captureActivationLogs, freshContainer, missingBundles, ROOT, staleSources } from './lib/runtime'
import { judge } from './lib/targets'
import { runBatch } from './scenarios/batch'
import { runCoalescing } from './scenarios/coalescing'
import { type ColdStartResult, runColdStart } from './scenarios/cold-start'
import { runHits } from './scenarios/hit'
import { runMisses } from './scenarios/miss'
import { runScale } from './scenarios/scale'
import { runNewContainerHits, runStateMix } from './scenarios/state-tiers'
import { runTokens } from './scenarios/tokens'
import { runUi } from './scenarios/ui'

const SCENARIOS = ['miss', 'hit', 'coalescing', 'tokens', 'batch', 'cold', 'scale', 'ui', 'production'] as const
type Scenario = (typeof SCENARIOS)[number]
/** The scenarios run over the small data set (runSet). */
const SMALL_SET: readonly Scenario[] = ['miss', 'hit', 'coalescing', 'tokens', 'batch', 'scale']
/** The scenarios the production pass repeats at modelled latencies (then the State scenarios). */
const PRODUCTION_SET: readonly Scenario[] = ['miss', 'hit', 'coalescing', 'tokens', 'batch']
const AEP_ROUTES_WITH_LATENCY = [
  'entities.profile',
  'entities.events',
  'entities.multi',
  'audiences',
  'segmentDefinitions',
  'mergePolicies',
  'namespaces'
]

const out = (line = ''): void => {
  process.stdout.write(`${line}\n`)
}

function parseOptions(): BenchOptions {
  const { values } = parseArgs({
    options: {
      'aep-latency': { type: 'string' },
      'state-latency': { type: 'string' },
      'ims-latency': { type: 'string' },
      'no-production': { type: 'boolean' },
      customers: { type: 'string' },
      'scale-customers': { type: 'string' },
      connections: { type: 'string' },
      'hit-seconds': { type: 'string' },
      quick: { type: 'boolean' },
      'cpu-prof': { type: 'boolean' },
      build: { type: 'boolean' },
      only: { type: 'string' },
      'update-docs': { type: 'boolean' }
    }
  })
  const int = (v: string | undefined, name: string, fallback: number, min: number): number => {
    if (v === undefined) return fallback
    const n = Number(v)
    if (!Number.isInteger(n) || n < min) throw new Error(`--${name} must be a whole number >= ${min}`)
    return n
  }
  const quick = values.quick === true
  const only =
    values.only === undefined
      ? null
      : values.only
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean)
  for (const s of only ?? [])
    if (!(SCENARIOS as readonly string[]).includes(s))
      throw new Error(`--only: unknown scenario "${s}" (${SCENARIOS.join(', ')})`)
  return {
    aepLatencyMs: int(values['aep-latency'], 'aep-latency', 500, 1),
    stateLatencyMs: int(values['state-latency'], 'state-latency', 25, 0),
    imsLatencyMs: int(values['ims-latency'], 'ims-latency', 150, 0),
    production: values['no-production'] !== true,
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
  if (stale.length > 0)
    out(
      `note: ${stale.length} action source file(s) are newer than the bundles (${stale.slice(0, 3).join(', ')}…); run with --build to measure them`
    )
  return stale
}

/** Scenarios 1–5 over the small data set, then 7 (the large set side by side with it). */
async function runSet(
  opts: BenchOptions,
  customers: number,
  wanted: Set<Scenario>,
  label: string,
  logs: Ctx['logs'],
  production = false
): Promise<SetResult> {
  const t0 = performance.now()
  const env: BenchEnv = await startBenchEnv({
    customers,
    aepLatencyMs: opts.aepLatencyMs,
    stateLatencyMs: production ? opts.stateLatencyMs : 0,
    imsLatencyMs: production ? opts.imsLatencyMs : 0
  })
  const ctx: Ctx = { opts, env, logs, log: out }
  logs.reset()
  try {
    out(
      `[${label}] ${env.customers} customers seeded in ${Math.round(env.seedMs)} ms; AEP latency ${opts.aepLatencyMs} ms` +
        (production ? `, State ${opts.stateLatencyMs} ms, IMS ${opts.imsLatencyMs} ms` : '')
    )
    const pick = (i: number): LookupIdentity => env.identityOf(1 + ((i * 104729) % (env.customers - 1)))
    const upstreamMs = await upstreamBaseline(env, opts.quick ? 3 : 5, pick)
    const standInLookupMs = await standInLookupTime(env, opts.quick ? 60 : 200)
    out(
      `[${label}] one upstream call: median ${upstreamMs.median} ms; stand-in's own lookup time (latency 0): median ${standInLookupMs.sequential.median} ms, p95 ${standInLookupMs.sequential.p95} ms`
    )
    const main = freshContainer('customer-profile')
    const warmUp = await warmContainer(ctx, main)
    const result: SetResult = {
      customers: env.customers,
      seedMs: Math.round(env.seedMs),
      upstreamMs,
      standInLookupMs,
      warmUp,
      activationLogs: { warmUp: logs.counts() }
    }
    const logsOf = (name: string): void => {
      result.activationLogs[name] = logs.counts()
      logs.reset()
    }
    logs.reset()

    let hitCustomer: LookupIdentity | undefined
    if (wanted.has('miss') || wanted.has('hit')) {
      const who = Array.from({ length: opts.quick ? 5 : 12 }, () => env.freshCustomer())
      result.miss = await runMisses(ctx, main, who)
      hitCustomer = who[0]
      logsOf('miss')
      out(
        `[${label}] miss: median ${result.miss.latencyMs.median} ms, p95 ${result.miss.latencyMs.p95} ms (${result.miss.lookups} customers)`
      )
    }
    if (wanted.has('hit') && hitCustomer) {
      result.hit = await runHits(ctx, hitCustomer, opts.hitSeconds, label)
      out(
        `[${label}] hit: ${result.hit.load.connections} connections, p95 ${result.hit.load.latencyMs.p95} ms, ${result.hit.load.requestsPerSecond} req/s; 1 connection: median ${result.hit.single.latencyMs.median} ms, ${result.hit.single.requestsPerSecond} req/s`
      )
    }
    if (wanted.has('coalescing')) {
      result.coalescing = await runCoalescing(ctx, main, 100, opts.quick ? 1 : 3)
      logsOf('coalescing')
      out(
        `[${label}] coalescing: profile calls ${result.coalescing.rounds.map((r) => r.profileCalls).join('/')}, slowest ${result.coalescing.rounds.map((r) => r.slowestMs).join('/')} ms`
      )
    }
    if (wanted.has('tokens')) {
      result.tokens = await runTokens(ctx, 1000, 50)
      logsOf('tokens')
      out(
        `[${label}] tokens: IMS calls after the first lookup ${result.tokens.warmImsCalls.total ?? 0}; cold container with a stored token: ${result.tokens.coldWithStoredToken.imsTokenCalls} token calls`
      )
    }
    if (wanted.has('batch')) {
      result.batch = await runBatch(ctx, main, 100, 10)
      logsOf('batch')
      out(
        `[${label}] batch: ${result.batch.batch.ms} ms, ${result.batch.batch.upstreamCalls['aep:entities.multi'] ?? 0} multi-entity call(s); 100 singles (10 at a time): ${result.batch.singles.ms} ms`
      )
    }
    if (wanted.has('scale')) {
      const rounds = opts.quick ? 2 : 3
      const seconds = opts.quick ? 2 : 3
      result.scale = await runScale(ctx, main, opts.scaleCustomers, opts.quick ? 4 : 8, rounds, seconds)
      logsOf('scale')
      const { small: a, large: b } = result.scale
      out(
        `[scale] ${b.customers} customers seeded in ${b.seedMs} ms; miss/upstream ${b.missOverUpstream} vs ${a.missOverUpstream}; hit p95 ${b.hitP95Ms.join('/')} vs ${a.hitP95Ms.join('/')} ms; stand-in p95 ${b.standInLookupMs.p95} vs ${a.standInLookupMs.p95} ms`
      )
    }
    if (production) {
      result.newContainer = await runNewContainerHits(ctx, main)
      logsOf('newContainer')
      const n = result.newContainer
      out(
        `[${label}] new-container hit, State reads: same identity ${n.sameIdentity.stateReads} (${n.sameIdentity.ms} ms); other identity ${n.otherIdentityFirst.stateReads} first, ${n.otherIdentityAfter.stateReads} after`
      )
      result.stateMix = await runStateMix(ctx, opts.quick ? 100 : 200)
      logsOf('stateMix')
      const m = result.stateMix
      out(
        `[${label}] State per 1000 lookups: ${m.perThousandLookups.reads} reads, ${m.perThousandLookups.writes} writes, ${m.perThousandLookups.bytes} bytes written; ${m.headroom.agentsAtQuota} agents reach 10 MB/min`
      )
    }
    out(`[${label}] done in ${((performance.now() - t0) / 1000).toFixed(1)} s`)
    return result
  } finally {
    await env.close()
  }
}

/** Everything `wanted` asks for: cold start and UI first, then the small data set (scenarios 1–5 and 7). */
async function measure(opts: BenchOptions, wanted: Set<Scenario>): Promise<BenchRun> {
  const logs = captureActivationLogs()
  let cold: ColdStartResult | undefined
  if (wanted.has('cold')) {
    cold = runColdStart(opts.quick ? 3 : 5)
    const bundles = cold.bundles.map((b) => `${b.action} ${b.requireMs} ms`).join(', ')
    out(`cold start: ${bundles}; aio-sdk ${cold.aioSdk.requireMs ?? 'not measured'}`)
  }
  const ui = wanted.has('ui') ? runUi() : undefined
  const smallWanted = new Set([...wanted].filter((s) => SMALL_SET.includes(s)))
  const small = smallWanted.size > 0 ? await runSet(opts, opts.customers, smallWanted, 'small', logs) : undefined
  const production =
    opts.production && wanted.has('production')
      ? await runSet(opts, opts.customers, new Set(PRODUCTION_SET), 'production', logs, true)
      : undefined
  return { opts, small, production, cold, ui }
}

interface Timing {
  started: Date
  loadStart: number[]
  durationSeconds: number
  stale: string[]
}

/** The run as bench/results/latest.json holds it, with the machine and the code it ran on. */
function buildReport(run: BenchRun, summary: BenchSummary, targets: ReportTarget[], t: Timing): BenchReport {
  const { opts, small, production, cold, ui } = run
  const git = (args: string[]): string => spawnSync('git', args, { cwd: ROOT, encoding: 'utf8' }).stdout?.trim() ?? ''
  const changed = git(['status', '--porcelain', '--', 'actions', 'webpack-config.js']).split('\n').filter(Boolean)
  const code = { commit: git(['rev-parse', '--short', 'HEAD']) || 'unknown', actionsChanged: changed.length }
  const load = (l: number[]): number[] => l.map((v) => Math.round(v * 100) / 100)
  const cpus = os.cpus()
  return {
    date: t.started.toISOString(),
    machine: {
      os: `${os.type()} ${os.release()} ${os.arch()}`,
      cpus: cpus.length,
      cpuModel: cpus[0]?.model ?? 'unknown',
      memoryGiB: Math.round(os.totalmem() / 2 ** 30),
      node: process.version,
      loadAverage: { start: load(t.loadStart), end: load(os.loadavg()) }
    },
    code,
    options: { ...opts, aepRoutesWithLatency: AEP_ROUTES_WITH_LATENCY },
    summary,
    targets,
    durationSeconds: t.durationSeconds,
    staleSources: t.stale,
    scenarios: {
      miss: small?.miss,
      hit: small?.hit,
      coalescing: small?.coalescing,
      tokens: small?.tokens,
      batch: small?.batch,
      coldStart: cold,
      scale: small?.scale,
      ui,
      production: production && {
        upstreamMs: production.upstreamMs,
        miss: production.miss,
        hit: production.hit,
        coalescing: production.coalescing,
        tokens: production.tokens,
        batch: production.batch,
        newContainer: production.newContainer,
        stateMix: production.stateMix,
        activationLogs: production.activationLogs
      }
    },
    context: small && {
      upstreamMs: small.upstreamMs,
      standInLookupMs: small.standInLookupMs,
      warmUp: small.warmUp,
      activationLogs: small.activationLogs
    }
  }
}

function print(report: BenchReport, file: string): void {
  const { machine: m, options } = report
  out()
  out(`Customer Activity Hub benchmark — ${report.date} — ${m.os}, ${m.cpus} × ${m.cpuModel}, Node ${m.node}`)
  const load = `${m.loadAverage.start.join('/')} → ${m.loadAverage.end.join('/')}`
  out(`AEP latency ${options.aepLatencyMs} ms per call; load average ${load}; ${report.durationSeconds} s`)
  out()
  out(renderTable(report.targets))
  out()
  out(`summary: ${JSON.stringify(report.summary)}`)
  out(`written: ${path.relative(ROOT, file)}`)
  if (!options.updateDocs) return
  if (options.only) out('docs/performance.md not updated: --only runs are partial')
  else if (updateDoc(path.join(ROOT, 'docs', 'performance.md'), renderFigures(report))) {
    out('updated: docs/performance.md (latest figures)')
  } else out('docs/performance.md has no bench:latest markers; not updated')
}

async function main(): Promise<void> {
  const opts = parseOptions()
  const started = new Date()
  const t0 = performance.now()
  const wanted = new Set<Scenario>(opts.only ? (opts.only as Scenario[]) : SCENARIOS)
  const loadStart = os.loadavg()
  const stale = ensureBuilt(opts)
  const run = await measure(opts, wanted)
  const summary = summarize(run)
  const targets = judge(run, summary)
  const durationSeconds = Math.round((performance.now() - t0) / 100) / 10
  const report = buildReport(run, summary, targets, { started, loadStart, durationSeconds, stale })
  const dir = path.join(__dirname, 'results')
  mkdirSync(dir, { recursive: true })
  const file = path.join(dir, opts.only ? 'partial.json' : 'latest.json')
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`)
  print(report, file)
}

main().catch((e: unknown) => {
  process.stderr.write(`bench: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`)
  process.exit(1)
})
