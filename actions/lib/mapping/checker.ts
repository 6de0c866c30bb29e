/** Collects the problems of CUSTOMER_VIEW_MAPPING by JSON path while the parse goes on. */
import { DOT_PATH } from '../xdm'
import type { Bands, LocalizedText } from './types'

/** Ids of cards, scores and rules (a tenant path is a valid id). */
const ID = /^[A-Za-z_][A-Za-z0-9_.@-]{0,127}$/

export type Obj = Record<string, unknown>
export const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v)

export class Checker {
  readonly fields: Record<string, string> = {}
  fail(at: string, message: string): undefined {
    this.fields[at] ??= message
    return undefined
  }
  path(v: unknown, at: string): string | undefined {
    if (typeof v === 'string' && DOT_PATH.test(v)) return v
    return this.fail(at, 'must be a dot path such as _tenant.loyalty.tier')
  }
  text(v: unknown, at: string, max: number): LocalizedText | undefined {
    const ok = (s: unknown): s is string => typeof s === 'string' && s.trim() !== '' && s.length <= max
    if (ok(v)) return { en: v }
    if (isObj(v) && ok(v.en)) {
      const extra = Object.keys(v).filter((k) => k !== 'en' && k !== 'zh-Hant')
      if (extra.length > 0) return this.fail(`${at}.${extra[0]}`, 'is not a supported language (en, zh-Hant)')
      if (v['zh-Hant'] === undefined) return { en: v.en }
      if (ok(v['zh-Hant'])) return { en: v.en, 'zh-Hant': v['zh-Hant'] }
      return this.fail(`${at}.zh-Hant`, `must be a text of 1 to ${max} characters`)
    }
    return this.fail(at, `must be a text of 1 to ${max} characters, or {"en": …, "zh-Hant": …}`)
  }
  list(v: unknown, at: string, max: number): unknown[] {
    if (v === undefined) return []
    if (Array.isArray(v) && v.length <= max) return v
    this.fail(at, `must be a list of at most ${max} entries`)
    return []
  }
  id(v: unknown, fallback: string, at: string, seen: Set<string>): string | undefined {
    const id = v ?? fallback
    if (typeof id !== 'string' || !ID.test(id)) return this.fail(at, 'must be a name of letters, digits, _ . -')
    if (seen.has(id)) return this.fail(at, `repeats the id "${id}"`)
    seen.add(id)
    return id
  }
  unknownKeys(o: Obj, allowed: readonly string[], at: string): void {
    for (const k of Object.keys(o))
      if (!allowed.includes(k)) this.fail(`${at}${at ? '.' : ''}${k}`, 'is not a known key')
  }
  bands(v: unknown, at: string, fallback: Bands): Bands {
    if (v === undefined) return fallback
    if (!isObj(v)) {
      this.fail(at, 'must be {"medium": m, "high": h} with 0 < m < h < 1')
      return fallback
    }
    this.unknownKeys(v, ['medium', 'high'], at)
    const b = v
    const medium = b.medium ?? fallback.medium
    const high = b.high ?? fallback.high
    if (typeof medium === 'number' && typeof high === 'number' && medium > 0 && medium < high && high < 1)
      return { medium, high }
    this.fail(at, 'must be {"medium": m, "high": h} with 0 < m < h < 1')
    return fallback
  }
}
