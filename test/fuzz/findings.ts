/**
 * The fuzz suites run every generated request and collect what went wrong by kind (with the
 * shortest example of each), instead of stopping at the first failure: one run shows every class
 * of bug, and still counts all its requests. The suite then asserts there were none.
 */
import type { ActionResponse } from '../../actions/lib/http/responses'
import { errorCode } from '../faults/support'

const MAX_TEXT = 120

/** JSON of a case with tokens replaced and long strings cut, for a readable report. */
export function describeCase(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) => {
    if (typeof v !== 'string') return v
    const s = v.replace(/eyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*\.?[A-Za-z0-9_-]*/g, '<token>')
    return s.length > MAX_TEXT ? `${s.slice(0, MAX_TEXT)}…(${s.length} chars)` : s
  })
}

export class Findings {
  private readonly byKind = new Map<string, { count: number; example: string }>()

  /** Records a finding unless `ok`; returns `ok`. */
  check(ok: boolean, kind: string, example: unknown): boolean {
    if (ok) return true
    const text = describeCase(example)
    const seen = this.byKind.get(kind)
    if (!seen) this.byKind.set(kind, { count: 1, example: text })
    else {
      seen.count++
      if (text.length < seen.example.length) seen.example = text
    }
    return false
  }

  /** Records every problem string as its own kind. */
  problems(list: readonly string[], kindPrefix: string, example: unknown): void {
    // The kind leaves out quoted values and the trailing "(request …)", so one cause is one kind.
    for (const p of list)
      this.check(
        false,
        `${kindPrefix}: ${p
          .replace(/ \(.*\)$/, '')
          .replace(/"[^"]*"/g, '"…"')
          .replace(/\[\d+\]/g, '[]')}`,
        { problem: p, case: example }
      )
  }

  /** kind → "n× e.g. <example>"; empty when the suite found nothing. */
  report(): Record<string, string> {
    return Object.fromEntries([...this.byKind.entries()].map(([k, v]) => [k, `${v.count}× e.g. ${v.example}`]))
  }
}

/** A short label of an answer: status and error code. */
export function answerLabel(res: ActionResponse): string {
  return `${res.statusCode}${errorCode(res) ? ` ${errorCode(res)}` : ''}`
}
