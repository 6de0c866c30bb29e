/** "No customer found", saying exactly what was searched so the agent can check it with the caller. */
import { View } from '@adobe/react-spectrum'
import { useI18n } from '../i18n/i18n-context'
import { FocusHeading } from './focus-heading'

interface Props {
  namespaceLabel: string
  value: string
  sandbox: string | null
  autoFocus: boolean
}

export function NotFound({ namespaceLabel, value, sandbox, autoFocus }: Props): JSX.Element {
  const { t } = useI18n()
  return (
    <View data-testid="not-found" paddingY="size-300">
      <FocusHeading autoFocus={autoFocus} testId="result-heading">
        {t('notFound.title')}
      </FocusHeading>
      <p>{t('notFound.body', { namespace: namespaceLabel, value })}</p>
      {sandbox && <p className="cah-muted">{t('notFound.sandbox', { sandbox })}</p>}
      <p>{t('notFound.hint')}</p>
    </View>
  )
}
