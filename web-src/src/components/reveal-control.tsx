/**
 * The one "Reveal personal data" button for the customer on screen, with what it is for while the
 * data is masked, and the reason (and the data still masked) when the audited reveal fails.
 */
import { Button, Flex, Text } from '@adobe/react-spectrum'
import { useEffect, useRef } from 'react'
import type { PersonalData } from '../hooks/use-reveal'
import { useI18n } from '../i18n/i18n-context'
import { ErrorMessage } from './error-message'

interface Props {
  personal: PersonalData
  namespaceLabel: string
  /** True when this deployment masks by default; false means there is nothing to reveal. */
  maskByDefault: boolean
}

export function RevealControl({ personal, namespaceLabel, maskByDefault }: Props): JSX.Element | null {
  const { t } = useI18n()
  const { state } = personal
  const revealedNote = useRef<HTMLParagraphElement>(null)
  const before = useRef(state.status)
  // The button goes away once the data shows: keep keyboard focus here rather than lose it to the page.
  useEffect(() => {
    if (before.current === 'revealing' && state.status === 'revealed') revealedNote.current?.focus()
    before.current = state.status
  }, [state.status])
  if (!maskByDefault) return null
  return (
    <div className="cah-reveal">
      {state.status === 'revealed' ? (
        <p role="status" ref={revealedNote} tabIndex={-1} className="cah-muted" style={{ margin: 0 }}>
          {t('privacy.revealed')}
        </p>
      ) : (
        <Flex gap="size-150" alignItems="center" wrap>
          <Button
            variant="secondary"
            onPress={personal.reveal}
            isPending={state.status === 'revealing'}
            data-testid="reveal-personal-data"
          >
            {t('privacy.reveal')}
          </Button>
          <Text UNSAFE_className="cah-muted">{t('privacy.masked')}</Text>
        </Flex>
      )}
      {state.status === 'error' && (
        <ErrorMessage
          error={state.error}
          namespaceLabel={namespaceLabel}
          onRetry={personal.reveal}
          testId="reveal-error"
          titlePrefix={(reason) => t('privacy.revealFailed', { reason })}
        />
      )}
    </div>
  )
}
