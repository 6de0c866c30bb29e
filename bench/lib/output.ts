/**
 * What a run leaves behind: the report (bench/results/latest.json, or partial.json with --only) with
 * the machine and the code it ran on, the printed table, and with --update-docs the latest-figures
 * block of docs/performance.md.
 */
import { spawnSync } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { AEP_ROUTES } from './env'
import { type ReportTarget, renderFigures, renderTable, updateDoc } from './report'
import type { BenchReport, BenchRun, BenchSummary } from './results'
import { ROOT } from './runtime'

export interface Timing {
  started: Date
  loadStart: number[]
  durationSeconds: number
  /** Of durationSeconds, the time `--build` (or missing bundles) spent in `npm run build`. */
  buildSeconds: number
  stale: string[]
}

/** The run as bench/results/latest.json holds it, with the machine and the code it ran on. */
export function buildReport(run: BenchRun, summary: BenchSummary, targets: ReportTarget[], t: Timing): BenchReport {
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
    options: { ...opts, aepRoutesWithLatency: [...AEP_ROUTES] },
    summary,
    targets,
    durationSeconds: t.durationSeconds,
    buildSeconds: t.buildSeconds,
    staleSources: t.stale,
    scenarios: {
      miss: small?.miss,
      hit: small?.hit,
      coalescing: small?.coalescing,
      tokens: small?.tokens,
      batch: small?.batch,
      coldStart: cold,
      scale: small?.scale,
      peer: small?.peer,
      ui,
      production: production && {
        upstreamMs: production.upstreamMs,
        miss: production.miss,
        hit: production.hit,
        coalescing: production.coalescing,
        tokens: production.tokens,
        batch: production.batch,
        peer: production.peer,
        newContainer: production.newContainer,
        stateMix: production.stateMix,
        missOptions: production.missOptions,
        stateMixParallel: production.stateMixParallel,
        stateMixNarrowed: production.stateMixNarrowed,
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

/** Writes the report (latest.json for a whole run, partial.json for --only) and returns its path. */
export function writeReport(report: BenchReport): string {
  const dir = path.join(ROOT, 'bench', 'results')
  mkdirSync(dir, { recursive: true })
  const file = path.join(dir, report.options.only ? 'partial.json' : 'latest.json')
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`)
  return file
}

/** Prints the table and summary; with --update-docs (whole runs only) rewrites docs/performance.md's latest figures. */
export function printReport(report: BenchReport, file: string, out: (line?: string) => void): void {
  const { machine: m, options } = report
  out()
  out(`Customer Activity Hub benchmark — ${report.date} — ${m.os}, ${m.cpus} × ${m.cpuModel}, Node ${m.node}`)
  const load = `${m.loadAverage.start.join('/')} → ${m.loadAverage.end.join('/')}`
  out(
    `AEP latency ${options.aepLatencyMs} ms per call; load average ${load}; ${report.durationSeconds} s${report.buildSeconds > 0 ? ` (the build ${report.buildSeconds} s of it)` : ''}`
  )
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
