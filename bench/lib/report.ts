/**
 * The targets table the benchmark prints, and the "latest figures" block of docs/performance.md,
 * rendered from a bench report, and its replacement between the markers (`npm run bench -- --update-docs`).
 */
import { readFileSync, writeFileSync } from 'node:fs'

export const START = '<!-- bench:latest:start -->'
export const END = '<!-- bench:latest:end -->'

export interface ReportTarget {
  scenario: string
  measure: string
  value: string
  target: string
  met: boolean | null
}

export interface ReportLike {
  date: string
  machine: {
    os: string
    cpus: number
    cpuModel: string
    memoryGiB: number
    node: string
    loadAverage: { start: number[]; end: number[] }
  }
  options: {
    aepLatencyMs: number
    customers: number
    scaleCustomers: number
    connections: number
    hitSeconds: number
    quick: boolean
  }
  summary: unknown
  targets: ReportTarget[]
  durationSeconds: number
  buildSeconds: number
  staleSources: string[]
  code: { commit: string; actionsChanged: number }
}

const cell = (s: string): string => s.replace(/\|/g, '\\|')

/** The targets as the plain-text table the benchmark prints. */
export function renderTable(rows: ReportTarget[]): string {
  const head = ['#', 'measure', 'value', 'target', 'met']
  const cells = rows.map((r) => [r.scenario, r.measure, r.value, r.target, r.met === null ? '–' : r.met ? 'yes' : 'NO'])
  const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => (c[i] ?? '').length)))
  const line = (c: string[]): string => c.map((x, i) => x.padEnd(widths[i] ?? 0)).join('  ')
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.map(line)].join('\n')
}

export function renderFigures(r: ReportLike): string {
  const m = r.machine
  const lines = [
    `Run of ${r.date.slice(0, 16).replace('T', ' ')} UTC on ${m.os}, ${m.cpus} × ${m.cpuModel}, ${m.memoryGiB} GiB, Node ${m.node}; ` +
      `load average ${m.loadAverage.start.join(' / ')} at the start (other work was running on the machine). ` +
      `AEP latency ${r.options.aepLatencyMs} ms per call, ${r.options.customers} and ${r.options.scaleCustomers} seeded customers, ` +
      `${r.options.connections} connections for ${r.options.hitSeconds} s${r.options.quick ? ', --quick' : ''}; the run took ${r.durationSeconds} s${r.buildSeconds > 0 ? ` (${r.buildSeconds} s of it the build)` : ''}. ` +
      `Code: commit ${r.code.commit}${r.code.actionsChanged > 0 ? ` with ${r.code.actionsChanged} uncommitted change(s) under actions/ or webpack-config.js` : ''}.` +
      (r.staleSources.length > 0
        ? ` **The bundles were older than ${r.staleSources.length} source file(s): run with --build.**`
        : ''),
    '',
    '| # | measure | value | target | met |',
    '|---|---|---|---|---|',
    ...r.targets.map(
      (t) =>
        `| ${t.scenario} | ${cell(t.measure)} | ${cell(t.value)} | ${cell(t.target)} | ${t.met === null ? '–' : t.met ? 'yes' : '**no**'} |`
    ),
    '',
    'Summary (`bench/results/latest.json`, `summary`):',
    '',
    '```json',
    JSON.stringify(r.summary, null, 2),
    '```'
  ]
  return lines.join('\n')
}

/** Replaces the block between the markers; false when the markers are missing. */
export function updateDoc(file: string, figures: string): boolean {
  const text = readFileSync(file, 'utf8')
  const a = text.indexOf(START)
  const b = text.indexOf(END)
  if (a < 0 || b < a) return false
  writeFileSync(file, `${text.slice(0, a + START.length)}\n${figures}\n${text.slice(b)}`)
  return true
}
