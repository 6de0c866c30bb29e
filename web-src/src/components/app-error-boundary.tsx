/** Catches a rendering failure anywhere in the console and offers "Try again" instead of a blank page. */

import { Button, Content, Heading, IllustratedMessage } from '@adobe/react-spectrum'
import { Component, type ErrorInfo, type ReactNode } from 'react'
import { useI18n } from '../i18n/i18n-context'

function Fallback({ onRetry }: { onRetry: () => void }): JSX.Element {
  const { t } = useI18n()
  return (
    <div role="alert" data-testid="app-error-boundary">
      <IllustratedMessage>
        <Heading>{t('boundary.title')}</Heading>
        <Content>{t('boundary.body')}</Content>
      </IllustratedMessage>
      <div style={{ display: 'flex', justifyContent: 'center' }}>
        <Button variant="accent" onPress={onRetry} autoFocus>
          {t('boundary.retry')}
        </Button>
      </div>
    </div>
  )
}

interface State {
  failed: boolean
}

export class AppErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { failed: false }

  static getDerivedStateFromError(): State {
    return { failed: true }
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    // The console's only log line: the stack tells a developer where; no customer data is in it.
    console.error('Customer Activity Hub view failed', error, info.componentStack)
  }

  override render(): ReactNode {
    if (this.state.failed) return <Fallback onRetry={() => this.setState({ failed: false })} />
    return this.props.children
  }
}
