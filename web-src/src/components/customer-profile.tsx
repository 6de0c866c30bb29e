/** The customer view an agent works from, once the lookup answered. */

import { Flex } from '@adobe/react-spectrum'
import { useEffect } from 'react'
import type { MergePolicyInfo } from '../api/types'
import type { CustomerState, MoreState } from '../hooks/use-customer'
import { useI18n } from '../i18n/i18n-context'
import { markProfilePainted } from '../lib/paint-timing'
import { AllAttributes } from './all-attributes'
import { AudienceTags } from './audience-tags'
import { CustomerHeader } from './customer-header'
import { ErrorMessage } from './error-message'
import { EventsTimeline } from './events-timeline'
import { IdentitiesList } from './identities-list'
import { InsightTiles } from './insight-tiles'
import { OpenInPlatform } from './open-in-platform'
import { StaleBanner } from './stale-banner'
import { ViewMetaBar } from './view-meta-bar'

interface Props {
  state: Extract<CustomerState, { kind: 'loaded' }>
  autoFocus: boolean
  mergePolicies: MergePolicyInfo[]
  labelOf(code: string): string
  onRefresh(): void
  onLoadMore(): void
}

export function CustomerProfile({
  state,
  autoFocus,
  mergePolicies,
  labelOf,
  onRefresh,
  onLoadMore
}: Props): JSX.Element {
  const { t } = useI18n()
  const { view, events, nextCursor, refreshing, refreshError } = state
  const { customer, meta } = view
  const more: MoreState = state.more
  const namespaceLabel = labelOf(state.lookup.namespace)

  // biome-ignore lint/correctness/useExhaustiveDependencies: view is the trigger: each new view that paints is marked once
  useEffect(() => {
    markProfilePainted()
  }, [view])

  return (
    <article aria-labelledby="cah-customer-name" data-testid="customer-view" data-profile-id={customer.profileId}>
      <Flex direction="column" gap="size-300">
        {meta.cache?.status === 'STALE' && <StaleBanner cache={meta.cache} />}
        {refreshError && (
          <ErrorMessage
            error={refreshError}
            namespaceLabel={namespaceLabel}
            onRetry={onRefresh}
            testId="refresh-error"
            titlePrefix={(reason) => t('refresh.failed', { reason })}
          />
        )}
        <CustomerHeader customer={customer} autoFocus={autoFocus} />
        <ViewMetaBar meta={meta} mergePolicies={mergePolicies} refreshing={refreshing} onRefresh={onRefresh} />
        <OpenInPlatform profileId={customer.profileId} meta={meta} />
        <InsightTiles insights={customer.insights} />
        <div className="cah-columns">
          <EventsTimeline
            events={events}
            meta={meta.events}
            nextCursor={nextCursor}
            more={more}
            onLoadMore={onLoadMore}
            namespaceLabel={namespaceLabel}
          />
          <Flex direction="column" gap="size-300">
            <AudienceTags audiences={customer.audiences} />
            <IdentitiesList identities={customer.identities} labelOf={labelOf} />
          </Flex>
        </div>
        <AllAttributes fields={customer.allAttributes} trimmed={meta.allAttributesTrimmed === true} />
      </Flex>
    </article>
  )
}
