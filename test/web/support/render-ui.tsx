/**
 * Renders one component the way the console does (React Spectrum's Provider and the console's
 * translator in the given language), without the shell, sign-in or fetch of the whole app.
 */
import { defaultTheme, Provider } from '@adobe/react-spectrum'
import { type RenderResult, render } from '@testing-library/react'
import type { ReactElement } from 'react'
import { type AppLocale, SPECTRUM_LOCALE } from '../../../web-src/src/i18n/catalogues'
import { I18nProvider } from '../../../web-src/src/i18n/i18n-context'

export function renderUi(ui: ReactElement, locale: AppLocale = 'en-US'): RenderResult {
  return render(
    <Provider theme={defaultTheme} locale={SPECTRUM_LOCALE[locale]}>
      <I18nProvider locale={locale}>{ui}</I18nProvider>
    </Provider>
  )
}
