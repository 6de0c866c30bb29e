/** Standalone only: lets the agent switch between English and Traditional Chinese. */
import { Item, Picker } from '@adobe/react-spectrum'
import { type AppLocale, SUPPORTED_LOCALES } from '../i18n/catalogues'
import { useI18n } from '../i18n/i18n-context'
import { isAppLocale } from '../i18n/locale'

export function LanguageSwitcher({ onChange }: { onChange: (locale: AppLocale) => void }): JSX.Element {
  const { t, locale } = useI18n()
  return (
    <Picker
      label={t('language.label')}
      labelPosition="side"
      isQuiet
      selectedKey={locale}
      onSelectionChange={(key) => {
        if (isAppLocale(key)) onChange(key)
      }}
      data-testid="language-switcher"
    >
      {SUPPORTED_LOCALES.map((l) => (
        <Item key={l}>{t(`language.${l}`)}</Item>
      ))}
    </Picker>
  )
}
