/**
 * An admin's summary template over an event's fields: `Call about {_acme.call.topic}`. Inserted
 * values are plain text, bounded, and never read as placeholders themselves; a placeholder whose
 * field is missing renders as nothing, and the spaces, punctuation and brackets it leaves behind
 * are tidied away.
 */
import { labelText, plainText, valueAt } from './event-values'

const PLACEHOLDER = /\{([^{}]*)\}/g

/** The dot paths a summary template names: `Call about {_acme.call.topic}` → [`_acme.call.topic`]. */
export function placeholders(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)].map((m) => m[1] ?? '')
}
const MAX_VALUE = 80
const MAX_LINE = 200
/** Punctuation a missing value can leave doubled or dangling, Latin and CJK. */
const PUNCT = ',.;:!?·、，。；：！？'
const EMPTY_PAIRS = /\(\s*\)|（\s*）|\[\s*\]|「\s*」|『\s*』|"\s*"|“\s*”|'\s*'/g
const SPACE_BEFORE = new RegExp(`\\s+([${PUNCT})）」』\\]])`, 'g')
const DOUBLED = new RegExp(`([${PUNCT}])(?:\\s*[${PUNCT}])+`, 'g')
const LEADING = new RegExp(`^[\\s${PUNCT}—–-]+`)
const TRAILING = /[\s,;:·、，；：—–-]+$/

/** A label for a stored code (`delivery` → "Delivery"), or undefined to show the value as stored. */
export type ValueLabeller = (path: string, raw: string) => string | undefined

function value(source: unknown, path: string, labeller?: ValueLabeller): string {
  const at = path.trim()
  const v = valueAt(source, at)
  if (typeof v === 'boolean') return v ? 'yes' : 'no'
  const text = labelText(v, MAX_VALUE) ?? ''
  return (text && labeller?.(at, text)) || text
}

/** A run of punctuation keeps its sentence end ("Billing, ." → "Billing."), else its first mark. */
function keepOne(run: string): string {
  const last = run.trim().slice(-1)
  return '.!?。！？'.includes(last) ? last : run.charAt(0)
}

function tidy(line: string): string {
  let out = line.replace(/\s+/g, ' ')
  for (let i = 0; i < 2; i++)
    out = out.replace(EMPTY_PAIRS, '').replace(/\s+/g, ' ').replace(SPACE_BEFORE, '$1').replace(DOUBLED, keepOne)
  return out.replace(LEADING, '').replace(TRAILING, '').trim()
}

/**
 * The template rendered over `source` as one line of at most 200 characters ('' when nothing is
 * left); `labeller` turns stored codes into words.
 */
export function renderTemplate(template: string, source: unknown, labeller?: ValueLabeller): string {
  const filled = template.slice(0, 1000).replace(PLACEHOLDER, (_, path: string) => value(source, path, labeller))
  return plainText(tidy(filled), MAX_LINE) ?? ''
}
