/**
 * CUSTOMER_VIEW_MAPPING.reasons: which call-reason rules run, how far back the windowed ones look,
 * and which exited audiences count. Validated field by field like the rest of the mapping.
 */
import { type Checker, isObj } from './checker'
import { REASON_CODES, REASON_WINDOWS_HOURS, type ReasonCode, type ReasonSettings, type WindowedReason } from './types'

const MAX_WINDOW_HOURS = 365 * 24
const MAX_PATTERN = 200
const WINDOWED = Object.keys(REASON_WINDOWS_HOURS) as WindowedReason[]

/** The rules as shipped: all on, their own windows, audiences whose name says "loyal". */
export const DEFAULT_REASONS: Readonly<ReasonSettings> = Object.freeze({
  disabled: [],
  windows: { ...REASON_WINDOWS_HOURS } as ReasonSettings['windows'],
  audiencePattern: 'loyal'
})

function disabled(v: unknown, c: Checker): ReasonCode[] {
  const out: ReasonCode[] = []
  c.list(v, 'reasons.disabled', REASON_CODES.length).forEach((code, i) => {
    if (typeof code === 'string' && (REASON_CODES as readonly string[]).includes(code)) out.push(code as ReasonCode)
    else c.fail(`reasons.disabled[${i}]`, `must be one of ${REASON_CODES.join(', ')}`)
  })
  return out
}

/** `{ "days": n }` or `{ "hours": n }` as hours, or undefined (reported) when it is neither. */
function windowHours(v: unknown, at: string, c: Checker): number | undefined {
  const problem = `must be {"days": n} or {"hours": n}, more than 0 and at most 365 days`
  if (!isObj(v) || Object.keys(v).length !== 1) return c.fail(at, problem)
  const hours = typeof v.days === 'number' ? v.days * 24 : typeof v.hours === 'number' ? v.hours : Number.NaN
  if (!Number.isFinite(hours) || hours <= 0 || hours > MAX_WINDOW_HOURS) return c.fail(at, problem)
  return hours
}

function windows(v: unknown, c: Checker): ReasonSettings['windows'] {
  const out: ReasonSettings['windows'] = { ...REASON_WINDOWS_HOURS }
  if (v === undefined) return out
  if (!isObj(v)) {
    c.fail('reasons.windows', 'must be an object of rule → {"days": n} or {"hours": n}')
    return out
  }
  for (const [code, w] of Object.entries(v)) {
    const at = `reasons.windows.${code}`
    if (!(WINDOWED as string[]).includes(code)) c.fail(at, `is not a rule with a window (${WINDOWED.join(', ')})`)
    else {
      const hours = windowHours(w, at, c)
      if (hours !== undefined) out[code as WindowedReason] = hours
    }
  }
  return out
}

function audiencePattern(v: unknown, c: Checker): string {
  const problem = `must be a regular expression of 1 to ${MAX_PATTERN} characters`
  if (v === undefined) return DEFAULT_REASONS.audiencePattern
  if (typeof v !== 'string' || v.trim() === '' || v.length > MAX_PATTERN)
    return c.fail('reasons.audiencePattern', problem) ?? DEFAULT_REASONS.audiencePattern
  try {
    new RegExp(v, 'i')
    return v
  } catch {
    return c.fail('reasons.audiencePattern', problem) ?? DEFAULT_REASONS.audiencePattern
  }
}

/** The `reasons` key (absent: the defaults); problems are reported at `reasons.…` paths. */
export function reasonSettings(v: unknown, c: Checker): ReasonSettings {
  if (v === undefined) return DEFAULT_REASONS
  if (!isObj(v)) {
    c.fail('reasons', 'must be {"disabled": […], "windows": {…}, "audiencePattern": "…"}')
    return DEFAULT_REASONS
  }
  c.unknownKeys(v, ['disabled', 'windows', 'audiencePattern'], 'reasons')
  return {
    disabled: disabled(v.disabled, c),
    windows: windows(v.windows, c),
    audiencePattern: audiencePattern(v.audiencePattern, c)
  }
}
