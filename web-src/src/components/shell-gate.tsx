/** Shows the console once the agent is signed in; until then, why not (starting, unavailable, failed). */

import { Button, Content, Flex, Heading, IllustratedMessage, ProgressCircle } from '@adobe/react-spectrum'
import type { ReactNode } from 'react'
import { useI18n } from '../i18n/i18n-context'
import { useShell } from '../shell/shell-state'

export function ShellGate({ children }: { children: ReactNode }): JSX.Element {
  const shell = useShell()
  const { t } = useI18n()
  switch (shell.status) {
    case 'ready':
      return <>{children}</>
    case 'starting':
      return (
        <Flex direction="column" alignItems="center" gap="size-150" marginTop="size-600" data-testid="shell-starting">
          <ProgressCircle isIndeterminate aria-label={t('shell.starting')} />
          <span role="status">{t('shell.starting')}</span>
        </Flex>
      )
    case 'unavailable':
      return (
        <div data-testid="standalone-unavailable">
          <IllustratedMessage>
            <Heading>{t('shell.unavailable.title')}</Heading>
            <Content>{t('shell.unavailable.body')}</Content>
          </IllustratedMessage>
        </div>
      )
    case 'failed':
      return (
        <div role="alert" data-testid="sign-in-failed">
          <IllustratedMessage>
            <Heading>{t('shell.failed.title')}</Heading>
            <Content>{t('shell.failed.body')}</Content>
          </IllustratedMessage>
          <Flex justifyContent="center">
            <Button variant="accent" onPress={shell.retry}>
              {t('shell.retry')}
            </Button>
          </Flex>
        </div>
      )
  }
}
