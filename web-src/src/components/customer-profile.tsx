/** The customer view an agent works from, once the lookup answered. */

import { Flex } from '@adobe/react-spectrum'
import { useCallback, useEffect } from 'react'
import type { CustomerEvent } from '../../../actions/lib/view/view-types'
import type { ActionClient } from '../api/action-client'
import type { InteractionAnswer, InteractionSettings, MergePolicyInfo } from '../api/types'
import type { CustomerState, HistoryState, MoreState } from '../hooks/use-customer'
import { usePendingInteractions } from '../hooks/use-pending-interactions'
import { useReveal } from '../hooks/use-reveal'
import { useI18n } from '../i18n/i18n-context'
import { needsOlderEvents } from '../lib/activity-summary'
import { markProfilePainted } from '../lib/paint-timing'
import { pendingScope } from '../lib/pending-interactions'
import type { WrapUpDraft } from '../lib/wrap-up-form'
import { ActivityChart, type ChartHistory } from './activity-chart'
import { AllAttributes } from './all-attributes'
import { AudienceTags } from './audience-tags'
import { CallReasons } from './call-reasons'
import { CustomerHeader } from './customer-header'
import { ErrorMessage } from './error-message'
import { EventsTimeline } from './events-timeline'
import { IdentitiesList } from './identities-list'
import { InsightTiles } from './insight-tiles'
import { OpenInPlatform } from './open-in-platform'
import { RevealControl } from './reveal-control'
import { StaleBanner } from './stale-banner'
import { ViewMetaBar } from './view-meta-bar'
import { WrapUpPanel } from './wrap-up-panel'

interface Props {
  state: Extract<CustomerState, { kind: 'loaded' }>
  autoFocus: boolean
  mergePolicies: MergePolicyInfo[]
  labelOf(code: string): string
  onRefresh(): void
  onLoadMore(): void
  /** Reads the one older events page the 12-month chart may need. */
  onLoadHistory(): void
  /** This deployment masks personal data until the agent reveals it (metadata `ui.maskPersonalData`). */
  maskPersonalData: boolean
  client: Pick<ActionClient, 'reveal' | 'recordInteraction'>
  /** The deployment's wrap-up settings; the panel shows when they are enabled. */
  interactions: InteractionSettings
}

/** The events the chart draws from (the timeline's plus the chart's own older page) and how complete they are. */
function chartInput(
  events: CustomerEvent[],
  nextCursor: string | null,
  history: HistoryState,
  now: number
): { events: CustomerEvent[]; history: ChartHistory } {
  if (history.status === 'loading') return { events, history: 'loading' }
  if (history.status === 'error') return { events, history: 'failed' }
  if (history.status === 'idle')
    return { events, history: needsOlderEvents(events, nextCursor, now) ? 'loading' : 'complete' }
  const seen = new Set(events.map((e) => e.id))
  const all = [...events, ...history.page.events.filter((e) => !seen.has(e.id))]
  return { events: all, history: needsOlderEvents(all, history.page.nextCursor, now) ? 'partial' : 'complete' }
}

export function CustomerProfile({
  state,
  autoFocus,
  mergePolicies,
  labelOf,
  onRefresh,
  onLoadMore,
  onLoadHistory,
  maskPersonalData,
  client,
  interactions
}: Props): JSX.Element {
  const { t } = useI18n()
  const { view, events, nextCursor, refreshing, refreshError } = state
  const { customer, meta } = view
  const more: MoreState = state.more
  const namespaceLabel = labelOf(state.lookup.namespace)
  const personal = useReveal(client, { ...state.lookup, sandbox: meta.sandbox }, maskPersonalData)
  const pending = usePendingInteractions(pendingScope(meta.sandbox, customer.profileId), events)
  const { add: addPending } = pending
  const onWrapUpSaved = useCallback(
    (answer: InteractionAnswer, draft: WrapUpDraft) => {
      const choice = (list: InteractionSettings['topics'], code: string | null) =>
        list.find((c) => c.code === code) ?? { code: code ?? '', label: { en: code ?? '' } }
      addPending({
        eventId: answer.eventId,
        interactionId: answer.interactionId,
        timestamp: answer.timestamp,
        savedAt: Date.now(),
        topic: choice(interactions.topics, draft.topic),
        outcome: choice(interactions.outcomes, draft.outcome),
        ...(answer.event && answer.event.id === answer.eventId ? { event: answer.event } : {})
      })
    },
    [addPending, interactions]
  )
  const now = Date.now()
  const chart = chartInput(events, nextCursor, state.history, now)
  const wantsHistory = state.history.status === 'idle' && needsOlderEvents(events, nextCursor, now)

  useEffect(() => {
    if (wantsHistory) onLoadHistory()
  }, [wantsHistory, onLoadHistory])

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
        <CustomerHeader
          customer={customer}
          autoFocus={autoFocus}
          masked={personal.masked}
          lead={<CallReasons reasons={customer.insights.reasons ?? []} events={events} />}
        >
          <RevealControl personal={personal} namespaceLabel={namespaceLabel} maskByDefault={maskPersonalData} />
        </CustomerHeader>
        <ViewMetaBar meta={meta} mergePolicies={mergePolicies} refreshing={refreshing} onRefresh={onRefresh} />
        <OpenInPlatform profileId={customer.profileId} meta={meta} />
        <InsightTiles insights={customer.insights} />
        <ActivityChart events={chart.events} history={chart.history} now={now} />
        <div className="cah-columns">
          <EventsTimeline
            events={events}
            meta={meta.events}
            nextCursor={nextCursor}
            more={more}
            onLoadMore={onLoadMore}
            namespaceLabel={namespaceLabel}
            pending={pending.items}
          />
          <Flex direction="column" gap="size-300">
            {interactions.enabled && (
              <WrapUpPanel
                client={client}
                target={{ ...state.lookup, sandbox: meta.sandbox }}
                settings={interactions}
                namespaceLabel={namespaceLabel}
                onSaved={onWrapUpSaved}
              />
            )}
            <AudienceTags audiences={customer.audiences} />
            <IdentitiesList identities={customer.identities} labelOf={labelOf} masked={personal.masked} />
          </Flex>
        </div>
        <AllAttributes
          fields={customer.allAttributes}
          trimmed={meta.allAttributesTrimmed === true}
          locked={personal.masked}
        />
      </Flex>
    </article>
  )
}
