/** The languages the console speaks, and how each maps onto Intl and React Spectrum locales. */
import { enUS, type MessageKey } from './en-US'
import { zhHant } from './zh-Hant'

export type { MessageKey }
export type Catalogue = Record<MessageKey, string>

export const SUPPORTED_LOCALES = ['en-US', 'zh-Hant'] as const
export type AppLocale = (typeof SUPPORTED_LOCALES)[number]

export const CATALOGUES: Record<AppLocale, Catalogue> = { 'en-US': enUS, 'zh-Hant': zhHant }

/** Locale handed to Intl formatters (dates, numbers, currency, relative times). */
export const INTL_LOCALE: Record<AppLocale, string> = { 'en-US': 'en-US', 'zh-Hant': 'zh-Hant-TW' }

/** React Spectrum matches its own strings by exact tag or language only; zh-TW is its Traditional Chinese. */
export const SPECTRUM_LOCALE: Record<AppLocale, string> = { 'en-US': 'en-US', 'zh-Hant': 'zh-TW' }
