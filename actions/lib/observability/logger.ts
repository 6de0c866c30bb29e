/**
 * Structured JSON-line logger. Runtime keeps stdout/stderr as activation logs, so one JSON object
 * per line is what `aio rt activation logs` shows and what log tooling can parse.
 *
 * Secrets and PII are kept out twice: callers never pass them, and every value is scrubbed here
 * (secret-looking keys are masked, e-mail addresses, phone numbers and bearer tokens in strings are
 * replaced) so a slip elsewhere cannot leak them.
 */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error'
const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 }

export type LogFields = Record<string, unknown>

export interface Logger {
  debug(msg: string, fields?: LogFields): void
  info(msg: string, fields?: LogFields): void
  warn(msg: string, fields?: LogFields): void
  error(msg: string, fields?: LogFields): void
}

export type LogSink = (line: string, level: LogLevel) => void

const defaultSink: LogSink = (line, level) => {
  if (level === 'error' || level === 'warn') console.error(line)
  else console.log(line)
}
let sink: LogSink = defaultSink

/** Redirects all log lines (tests capture them to scan for leaks). Returns a restore function. */
export function setLogSink(next: LogSink): () => void {
  sink = next
  return () => {
    sink = defaultSink
  }
}

const SECRET_KEY = /token|secret|authorization|password|apikey|api_key|cookie/i
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g
// Technical accounts (other systems' callers) are not people: their ids stay readable in audits.
const TECH_ACCOUNT = /@techacct\.adobe\.com$/i
// E.164 numbers and national formats such as (415) 555-0123; never digits inside ids or org codes.
const PHONE = /(?<![\w+])\+\d{7,15}(?!\w)|(?<!\w)\(?\d{3}\)?[\s.-]\d{3}[\s.-]\d{4}(?!\w)/g
const BEARER = /\b(Bearer\s+)?eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*/g

export function scrubString(value: string): string {
  return value
    .replace(BEARER, '<hidden>')
    .replace(EMAIL, (m) => (TECH_ACCOUNT.test(m) ? m : '<email>'))
    .replace(PHONE, '<phone>')
}

function scrub(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return scrubString(value)
  if (depth > 4 || value === null || typeof value !== 'object') return value
  if (value instanceof Error) return { name: value.name, message: scrubString(value.message) }
  if (Array.isArray(value)) return value.slice(0, 20).map((v) => scrub(v, depth + 1))
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(value)) out[k] = SECRET_KEY.test(k) ? '<hidden>' : scrub(v, depth + 1)
  return out
}

export function parseLogLevel(value: unknown): LogLevel {
  return typeof value === 'string' && value.toLowerCase() in ORDER ? (value.toLowerCase() as LogLevel) : 'info'
}

export function createLogger(level: LogLevel = 'info', base: LogFields = {}): Logger {
  const write = (at: LogLevel, msg: string, fields?: LogFields): void => {
    if (ORDER[at] < ORDER[level]) return
    const entry = {
      ts: new Date().toISOString(),
      level: at,
      msg: scrubString(msg),
      ...(scrub({ ...base, ...fields }) as LogFields)
    }
    sink(JSON.stringify(entry), at)
  }
  return {
    debug: (m, f) => write('debug', m, f),
    info: (m, f) => write('info', m, f),
    warn: (m, f) => write('warn', m, f),
    error: (m, f) => write('error', m, f)
  }
}
