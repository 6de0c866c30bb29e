/** An action error as the agent should read it: what happened, what to do, and a retry when it can help. */
import { Button, Content, Heading, InlineAlert } from '@adobe/react-spectrum'
import type { ReactNode } from 'react'
import type { ApiError } from '../api/api-error'
import { useI18n } from '../i18n/i18n-context'
import { errorText } from '../lib/error-text'

interface Props {
  error: ApiError
  namespaceLabel: string
  onRetry?: () => void
  autoFocus?: boolean
  /** For alerts inside the customer view (refresh, load more): prefix the title. */
  titlePrefix?: (title: string) => string
  testId?: string
  /** Overrides whether the code alone would offer a retry (a wrap-up retry is always safe to send). */
  retryable?: boolean
  retryTestId?: string
  /** A line of the caller's own after the explanation. */
  children?: ReactNode
}

export function ErrorMessage({
  error,
  namespaceLabel,
  onRetry,
  autoFocus = false,
  titlePrefix,
  testId = 'error-message',
  retryable,
  retryTestId = 'error-retry',
  children
}: Props): JSX.Element {
  const i18n = useI18n()
  const text = errorText(error, i18n, namespaceLabel)
  const variant = error.code === 'UPSTREAM_RATE_LIMITED' ? 'notice' : 'negative'
  return (
    <InlineAlert variant={variant} autoFocus={autoFocus} data-testid={testId} data-error-code={error.code}>
      <Heading>{titlePrefix ? titlePrefix(text.title) : text.title}</Heading>
      <Content>
        <p style={{ marginTop: 0 }}>{text.body}</p>
        {children}
        {text.hint && <p data-testid="retry-hint">{text.hint}</p>}
        {text.reference && <p className="cah-muted">{text.reference}</p>}
        {onRetry && (retryable ?? text.retryable) && (
          <Button variant="secondary" onPress={onRetry} data-testid={retryTestId}>
            {i18n.t('error.retry')}
          </Button>
        )}
      </Content>
    </InlineAlert>
  )
}
