/**
 * The console's root: the shell (Experience Cloud or standalone), then React Spectrum's Provider
 * with the shell's theme (or the system's) and the agent's language, an error boundary, and the page.
 */

import { defaultTheme, Flex, Provider, View } from '@adobe/react-spectrum'
import { useEffect, useState } from 'react'
import type { FetchLike } from '../api/action-client'
import type { ActionUrls } from '../api/action-urls'
import { type AppLocale, SPECTRUM_LOCALE } from '../i18n/catalogues'
import { I18nProvider, useI18n } from '../i18n/i18n-context'
import { isAppLocale, LOCALE_PREFERENCE_KEY, resolveLocale } from '../i18n/locale'
import type { DemoSignIn } from '../shell/demo-token'
import { type ExcRuntimeLike, ExcShellProvider } from '../shell/exc-shell-provider'
import { useShell } from '../shell/shell-state'
import { StandaloneShellProvider } from '../shell/standalone-shell-provider'
import { AppErrorBoundary } from './app-error-boundary'
import { ConsolePage } from './console-page'
import { LanguageSwitcher } from './language-switcher'
import { ShellGate } from './shell-gate'

export type Bootstrap = { kind: 'shell'; runtime: ExcRuntimeLike } | { kind: 'standalone'; demo: DemoSignIn | null }

interface AppProps {
  bootstrap: Bootstrap
  fetch: FetchLike
  urls?: ActionUrls
}

function readPreference(): AppLocale | null {
  try {
    const v = window.localStorage.getItem(LOCALE_PREFERENCE_KEY)
    return isAppLocale(v) ? v : null
  } catch {
    return null
  }
}

function savePreference(locale: AppLocale): void {
  try {
    // Only the language choice is stored; no customer data ever goes to localStorage.
    window.localStorage.setItem(LOCALE_PREFERENCE_KEY, locale)
  } catch {
    // Storage blocked: the choice lasts for this page only.
  }
}

function browserLanguages(): readonly string[] {
  return typeof navigator !== 'undefined' ? (navigator.languages ?? [navigator.language]) : []
}

function Page({
  fetch,
  urls,
  onLocaleChange
}: {
  fetch: FetchLike
  urls?: ActionUrls
  onLocaleChange: ((l: AppLocale) => void) | null
}): JSX.Element {
  const { t, locale } = useI18n()
  const shell = useShell()
  useEffect(() => {
    document.documentElement.lang = locale
    document.title = t('app.title')
    shell.setTitle(t('app.title'))
  }, [locale, t, shell])
  return (
    <View padding="size-300" minHeight="100vh" backgroundColor="gray-50">
      <header>
        <Flex justifyContent="space-between" alignItems="center" wrap gap="size-200" marginBottom="size-300">
          <h1 className="cah-heading">{t('app.title')}</h1>
          {onLocaleChange && <LanguageSwitcher onChange={onLocaleChange} />}
        </Flex>
      </header>
      <main aria-label={t('app.main')}>
        <AppErrorBoundary>
          <ShellGate>
            {/* A new org or sandbox starts a clean console: no data from the previous one stays on screen. */}
            <ConsolePage key={`${shell.credentials?.org ?? ''}|${shell.sandbox ?? ''}`} fetch={fetch} urls={urls} />
          </ShellGate>
        </AppErrorBoundary>
      </main>
    </View>
  )
}

function Frame({ fetch, urls }: { fetch: FetchLike; urls?: ActionUrls }): JSX.Element {
  const shell = useShell()
  const [preferred, setPreferred] = useState<AppLocale | null>(() =>
    shell.mode === 'standalone' ? readPreference() : null
  )
  const locale =
    shell.mode === 'shell'
      ? resolveLocale([shell.locale, ...browserLanguages()])
      : resolveLocale([preferred, ...browserLanguages()])
  const onLocaleChange =
    shell.mode === 'standalone'
      ? (l: AppLocale) => {
          setPreferred(l)
          savePreference(l)
        }
      : null
  return (
    <Provider theme={defaultTheme} colorScheme={shell.colorScheme ?? undefined} locale={SPECTRUM_LOCALE[locale]}>
      <I18nProvider locale={locale}>
        <Page fetch={fetch} urls={urls} onLocaleChange={onLocaleChange} />
      </I18nProvider>
    </Provider>
  )
}

export function App({ bootstrap, fetch, urls }: AppProps): JSX.Element {
  if (bootstrap.kind === 'shell') {
    return (
      <ExcShellProvider runtime={bootstrap.runtime}>
        <Frame fetch={fetch} urls={urls} />
      </ExcShellProvider>
    )
  }
  return (
    <StandaloneShellProvider demo={bootstrap.demo} fetch={fetch}>
      <Frame fetch={fetch} urls={urls} />
    </StandaloneShellProvider>
  )
}
