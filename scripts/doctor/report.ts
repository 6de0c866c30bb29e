/** The doctor's printout: one line per check under its section, a fix hint under each problem. */
import type { CheckResult, Status } from './types'

const MARK: Record<Status, string> = { pass: '✔', fail: '✖', warn: '⚠', skip: '–' }

/** Replaces every secret value with `<hidden>`: a last guard, the checks already leave them out. */
export function redact(text: string, secrets: string[]): string {
  return secrets.reduce((t, s) => (s ? t.split(s).join('<hidden>') : t), text)
}

export function formatReport(results: CheckResult[], secrets: string[]): string {
  const groups = [...new Set(results.map((r) => r.group))]
  const lines: string[] = []
  for (const group of groups) {
    lines.push('', group)
    for (const r of results.filter((x) => x.group === group)) {
      lines.push(`  ${MARK[r.status]} ${r.title}`)
      if (r.hint && r.status !== 'pass') lines.push(`      → ${r.hint}`)
    }
  }
  const count = (s: Status): number => results.filter((r) => r.status === s).length
  lines.push(
    '',
    `${count('pass')} passed, ${count('fail')} failed, ${count('warn')} warnings, ${count('skip')} skipped`
  )
  return `${redact(lines.join('\n'), secrets)}\n`
}
