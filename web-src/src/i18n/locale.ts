/**
 * Picks the console language from what the shell or the browser reports ("zh_TW", "zh-Hant-HK",
 * "en-GB", …). Any Chinese tag maps to zh-Hant (the only Chinese catalogue); anything else we do
 * not speak falls back to English.
 */
import { type AppLocale, SUPPORTED_LOCALES } from './catalogues'

export const LOCALE_PREFERENCE_KEY = 'cah.locale'

export function toAppLocale(tag: string | null | undefined): AppLocale | null {
  if (!tag) return null
  const t = tag.trim().replace(/_/g, '-').toLowerCase()
  if (t === 'zh' || t.startsWith('zh-')) return 'zh-Hant'
  if (t === 'en' || t.startsWith('en-')) return 'en-US'
  return null
}

export function isAppLocale(v: unknown): v is AppLocale {
  return typeof v === 'string' && (SUPPORTED_LOCALES as readonly string[]).includes(v)
}

/** The first candidate we speak, else en-US. */
export function resolveLocale(candidates: ReadonlyArray<string | null | undefined>): AppLocale {
  for (const c of candidates) {
    const l = toAppLocale(c)
    if (l) return l
  }
  return 'en-US'
}
