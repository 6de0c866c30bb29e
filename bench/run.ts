/**
 * npm run bench [-- --aep-latency 500 --state-latency 25 --ims-latency 150 --customers 2000
 *                   --scale-customers 100000 --connections 50 --hit-seconds 10 --agents 200
 *                   --aep-limit <calls/min> --quick --cpu-prof --build --update-docs --no-production
 *                   --only miss,hit,...,peer,production]
 *
 * Measures the built actions against AEP's latency floor, side by side in one run (see
 * docs/performance.md): the stand-ins start in this process with every AEP route answering after
 * `--aep-latency` ms; the actions run from their built bundles exactly as I/O Runtime calls them.
 * A second pass ("production") runs scenarios 1–5 and 10 again, and the State scenarios, with
 * State and IMS answering after their modelled latencies too. Options: lib/options.ts.
 * Prints a table and writes bench/results/latest.json (bench/results/partial.json with --only).
 */
import { spawnSync } from 'node:child_process'
import os from 'node:os'
import { parseConfig } from '../actions/lib/config'
import type { BenchOptions, Ctx } from './lib/context'
import { warmContainer } from './lib/context'
import { type BenchEnv, type LookupIdentity, standInLookupTime, startBenchEnv, upstreamBaseline } from './lib/env'
import { PRODUCTION_SET, parseOptions, SCENARIOS, type Scenario, SMALL_SET } from './lib/options'
import { buildReport, printReport, writeReport } from './lib/output'
import { type BenchRun, type SetResult, summarize } from './lib/results'
import { captureActivationLogs, freshContainer, missingBundles, ROOT, staleSources } from './lib/runtime'
import { judge } from './lib/targets'
import { runBatch } from './scenarios/batch'
import { runCoalescing } from './scenarios/coalescing'
import { type ColdStartResult, runColdStart } from './scenarios/cold-start'
import { runHits } from './scenarios/hit'
import { runMisses } from './scenarios/miss'
import { optionKey, runMissOptions } from './scenarios/miss-options'
import { runPeer } from './scenarios/peer'
import { runScale } from './scenarios/scale'
import { runNewContainerHits, runStateMix } from './scenarios/state-tiers'
import { runTokens } from './scenarios/tokens'
import { runUi } from './scenarios/ui'

const out = (line = ''): void => {
  process.stdout.write(`${line}\n`)
}

/** Builds when asked (or when bundles are missing); the stale sources and the build's seconds (0 without one). */
function ensureBuilt(opts: BenchOptions): { stale: string[]; buildSeconds: number } {
  const missing = missingBundles()
  const build = opts.build || missing.length > 0
  const t0 = performance.now()
  if (build) {
    out(opts.build ? 'building the actions (--build) …' : `building the actions (missing: ${missing.join(', ')}) …`)
    const r = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] })
    if (r.status !== 0 || missingBundles().length > 0) throw new Error('npm run build failed')
  }
  // aio leaves a bundle whose output did not change as it was (old mtime): right after a build, none is stale.
  const stale = build ? [] : staleSources()
  if (stale.length > 0)
    out(
      `note: ${stale.length} action source file(s) are newer than the bundles (${stale.slice(0, 3).join(', ')}…); run with --build to measure them`
    )
  return { stale, buildSeconds: Math.round((performance.now() - t0) / 100) / 10 }
}

/** Scenarios 1–5 and 10 over the small data set, then 7 (the large set side by side with it). */
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
    if (wanted.has('peer')) {
      result.peer = await runPeer(ctx, main, opts.quick ? 4 : 10)
      logsOf('peer')
      const p = result.peer.latencyMs
      out(
        `[${label}] peer (template action): median ${p.peer.median} ms` +
          (p.peerFetch ? ` (plain fetch ${p.peerFetch.median} ms)` : '') +
          `; ours: miss ${p.ourMiss.median} ms, hit ${p.ourHit.median} ms, hit from State ${p.ourStateHit.median} ms`
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
      // The option mixes replay the default mix's new customers: the figures then differ by the option alone.
      const mixCustomers: LookupIdentity[] = []
      result.stateMix = await runStateMix(ctx, opts.quick ? 100 : 200, { customers: mixCustomers })
      logsOf('stateMix')
      const m = result.stateMix
      out(
        `[${label}] State per 1000 lookups: ${m.perThousandLookups.reads} reads, ${m.perThousandLookups.writes} writes, ${m.perThousandLookups.bytes} bytes written; ${m.headroom.agentsAtQuota} agents reach 10 MB/min`
      )
      const { readMode, writeMode, pointerNamespaces } = parseConfig(env.inputs).cache
      result.cacheDefaults = { readMode, writeMode, pointerNamespaces }
      const t1 = performance.now()
      result.missOptions = await runMissOptions(ctx, opts.quick ? 4 : 8, opts.quick ? 1 : 2)
      logsOf('missOptions')
      for (const o of result.missOptions.options)
        out(
          `[${label}] ${optionKey(o)}: miss median ${o.miss.latencyMs.median} ms; coalesced slowest ${o.coalescing.slowestMs.join('/')} ms (profile calls ${o.coalescing.profileCalls.join('/')}; the same 100 from memory ${o.coalescing.noUpstreamMs.join('/')} ms)`
        )
      const t2 = performance.now()
      const mixN = opts.quick ? 100 : 200
      result.stateMixParallel = await runStateMix(ctx, mixN, {
        inputs: { CACHE_READ_MODE: 'parallel' },
        customers: mixCustomers
      })
      result.stateMixNarrowed = await runStateMix(ctx, mixN, {
        inputs: { CACHE_POINTER_NAMESPACES: 'email,phone' },
        customers: mixCustomers
      })
      logsOf('stateMixOptions')
      const [pm, nm] = [result.stateMixParallel, result.stateMixNarrowed]
      out(
        `[${label}] mix with CACHE_READ_MODE=parallel: ${pm.aepPerThousandLookups} AEP calls per 1000 lookups (default ${m.aepPerThousandLookups}); ` +
          `with CACHE_POINTER_NAMESPACES=email,phone: ${nm.perThousandLookups.writes} writes, ${nm.perThousandLookups.bytes} bytes (default ${m.perThousandLookups.writes}, ${m.perThousandLookups.bytes}); ` +
          `options ${((t2 - t1) / 1000).toFixed(1)} s, mixes ${((performance.now() - t2) / 1000).toFixed(1)} s`
      )
    }
    out(`[${label}] done in ${((performance.now() - t0) / 1000).toFixed(1)} s`)
    return result
  } finally {
    await env.close()
  }
}

/** Everything `wanted` asks for: cold start and UI first, then the small data set (scenarios 1–5, 10 and 7), then the production pass. */
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

async function main(): Promise<void> {
  const opts = parseOptions()
  const started = new Date()
  const t0 = performance.now()
  const wanted = new Set<Scenario>(opts.only ? (opts.only as Scenario[]) : SCENARIOS)
  const loadStart = os.loadavg()
  const { stale, buildSeconds } = ensureBuilt(opts)
  const run = await measure(opts, wanted)
  const summary = summarize(run)
  const targets = judge(run, summary)
  const durationSeconds = Math.round((performance.now() - t0) / 100) / 10
  const report = buildReport(run, summary, targets, { started, loadStart, durationSeconds, buildSeconds, stale })
  printReport(report, writeReport(report), out)
}

main().catch((e: unknown) => {
  process.stderr.write(`bench: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`)
  process.exit(1)
})
