/**
 * The console's translator: `t(key, vars)` from the active catalogue plus the locale's formatters,
 * read through `useI18n()`. Values are interpolated as plain text; nothing is parsed as markup.
 */
import { createContext, type ReactNode, useContext, useMemo } from 'react'
import type { LocalizedText, Money } from '../../../actions/lib/view/view-types'
import { type AppLocale, CATALOGUES, INTL_LOCALE, type MessageKey } from './catalogues'
import {
  formatDate,
  formatDateTime,
  formatMoney,
  formatNumber,
  formatPercent,
  formatRelativeSeconds,
  formatRelativeTime
} from './format'

export type Vars = Record<string, string | number>

/** Every `<base>` that has both a `<base>.one` and a `<base>.other` message. */
export type PluralBase = {
  [K in MessageKey]: K extends `${infer B}.one` ? (`${B}.other` extends MessageKey ? B : never) : never
}[MessageKey]

export interface I18n {
  locale: AppLocale
  intlLocale: string
  t(key: MessageKey, vars?: Vars): string
  /** Picks `<base>.one` / `<base>.other` by the locale's plural rules for `count`. */
  plural(base: PluralBase, count: number, vars?: Vars): string
  /** An admin-written text in the agent's language, else its English (`text[locale] ?? text.en`). */
  localized(text: LocalizedText): string
  money(m: Money): string
  number(n: number): string
  percent(score: number): string
  date(value: string): string
  dateTime(value: string): string
  relative(iso: string, now?: number): string
  ago(seconds: number): string
}

export function interpolate(template: string, vars: Vars = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole))
}

export function createI18n(locale: AppLocale): I18n {
  const catalogue = CATALOGUES[locale]
  const intlLocale = INTL_LOCALE[locale]
  const rules = new Intl.PluralRules(intlLocale)
  const t = (key: MessageKey, vars?: Vars): string => interpolate(catalogue[key], vars)
  return {
    locale,
    intlLocale,
    t,
    plural: (base, count, vars) =>
      t(rules.select(count) === 'one' ? `${base}.one` : `${base}.other`, {
        count: formatNumber(count, intlLocale),
        ...vars
      }),
    localized: (text) => {
      const own = locale === 'zh-Hant' ? text['zh-Hant'] : undefined
      return own?.trim() ? own : text.en
    },
    money: (m) => formatMoney(m, intlLocale),
    number: (n) => formatNumber(n, intlLocale),
    percent: (s) => formatPercent(s, intlLocale),
    date: (v) => formatDate(v, intlLocale),
    dateTime: (v) => formatDateTime(v, intlLocale),
    relative: (iso, now = Date.now()) => formatRelativeTime(iso, now, intlLocale),
    // Under a minute reads better as "just now" than Intl's "now" in sentences like "Saved copy, now".
    ago: (seconds) => (seconds < 60 ? t('time.justNow') : formatRelativeSeconds(-seconds, intlLocale))
  }
}

const I18nContext = createContext<I18n>(createI18n('en-US'))

export function I18nProvider({ locale, children }: { locale: AppLocale; children: ReactNode }): JSX.Element {
  const value = useMemo(() => createI18n(locale), [locale])
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>
}

export function useI18n(): I18n {
  return useContext(I18nContext)
}
