/** Warns that the profile shown is the cached copy because AEP failed (cache status STALE). */
import { Content, Heading, InlineAlert } from '@adobe/react-spectrum'
import type { CacheMeta } from '../../../actions/lib/view/view-types'
import { useI18n } from '../i18n/i18n-context'
import { errorTitle } from '../lib/error-text'

export function StaleBanner({ cache }: { cache: CacheMeta }): JSX.Element {
  const i18n = useI18n()
  const reason = cache.staleReason ? errorTitle(cache.staleReason, i18n) : errorTitle('UPSTREAM_UNAVAILABLE', i18n)
  return (
    <InlineAlert variant="notice" data-testid="stale-banner">
      <Heading>{i18n.t('stale.title')}</Heading>
      <Content>{i18n.t('stale.body', { reason, age: i18n.ago(cache.ageSeconds) })}</Content>
    </InlineAlert>
  )
}
