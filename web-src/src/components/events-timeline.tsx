/**
 * Recent activity, newest first: an icon and a localised line per event, its relative time (the
 * exact time on hover and for screen readers) and channel, and "load more" from AEP's own paging.
 */

import { Badge, Button, Content, Flex, InlineAlert, Text } from '@adobe/react-spectrum'
import { useEffect, useRef } from 'react'
import type { CustomerEvent, EventsMeta } from '../../../actions/lib/view/view-types'
import type { MoreState } from '../hooks/use-customer'
import { useI18n } from '../i18n/i18n-context'
import { eventAnchorId } from '../lib/event-anchor'
import { channelText, eventText, knownKind } from '../lib/event-text'
import type { PendingInteraction } from '../lib/pending-interactions'
import { ErrorMessage } from './error-message'
import { EventIcon } from './event-icon'

interface Props {
  events: CustomerEvent[]
  meta: EventsMeta
  nextCursor: string | null
  more: MoreState
  onLoadMore(): void
  namespaceLabel: string
  /** Wrap-ups the action accepted that the events do not hold yet, newest first; shown above them. */
  pending?: PendingInteraction[]
}

/**
 * An accepted wrap-up, until AEP shows it: the line the timeline will show once it is stored (from
 * the action's answer), or else its topic and outcome, by phone; and that it is on its way.
 */
function PendingItem({ entry, now }: { entry: PendingInteraction; now: number }): JSX.Element {
  const i18n = useI18n()
  const { t } = i18n
  const kind = entry.event ? knownKind(entry.event.type) : 'support-call'
  const line = entry.event
    ? eventText(entry.event, i18n)
    : t('event.support-call.subject', { subject: i18n.localized(entry.topic.label) }) +
      t('event.suffix.outcome', { outcome: i18n.localized(entry.outcome.label) })
  const channel = entry.event ? entry.event.channel : 'phone'
  return (
    <li data-testid="timeline-pending" data-event-id={entry.eventId} data-kind={kind}>
      <Flex gap="size-150" alignItems="start">
        <EventIcon kind={kind} />
        <div>
          <span className="cah-visually-hidden">{t('events.kindPrefix', { kind: t(`events.kind.${kind}`) })}</span>
          <Text>{line}</Text>
          <div className="cah-muted">
            <time dateTime={entry.timestamp} title={i18n.dateTime(entry.timestamp)}>
              {i18n.relative(entry.timestamp, now)}
            </time>
            {channel && (
              <span>
                {t('common.separator')}
                {t('events.channel', { channel: channelText(channel, i18n) })}
              </span>
            )}
          </div>
          <Flex gap="size-100" alignItems="center" wrap marginTop="size-50">
            <Badge variant="info">{t('events.pending')}</Badge>
            <Text UNSAFE_className="cah-muted">{t('events.pending.note')}</Text>
          </Flex>
        </div>
      </Flex>
    </li>
  )
}

export function EventsTimeline({
  events,
  meta,
  nextCursor,
  more,
  onLoadMore,
  namespaceLabel,
  pending = []
}: Props): JSX.Element {
  const i18n = useI18n()
  const { t } = i18n
  const items = useRef<Array<HTMLLIElement | null>>([])
  const firstNew = useRef<number | null>(null)
  const now = Date.now()

  // After "load more", focus the first new event so a keyboard user continues where the list grew.
  useEffect(() => {
    if (firstNew.current !== null && events.length > firstNew.current) {
      items.current[firstNew.current]?.focus()
      firstNew.current = null
    }
  }, [events.length])

  const loadMore = (): void => {
    firstNew.current = events.length
    onLoadMore()
  }

  return (
    <section aria-labelledby="cah-events-title" data-testid="events-timeline">
      <h3 id="cah-events-title" className="cah-section-title">
        {t('events.label')}
      </h3>
      {meta.status === 'unavailable' && (
        <InlineAlert variant="info" data-testid="events-unavailable">
          <Content>{t('events.unavailable')}</Content>
        </InlineAlert>
      )}
      {meta.status === 'available' && events.length === 0 && pending.length === 0 && <p>{t('events.empty')}</p>}
      <ol className="cah-plain-list">
        {pending.map((entry) => (
          <PendingItem key={`pending-${entry.eventId}`} entry={entry} now={now} />
        ))}
        {events.map((e, index) => {
          // An event kind newer than this UI shows as "activity" rather than breaking the list.
          const kind = knownKind(e.type)
          return (
            <li
              key={e.id}
              id={eventAnchorId(e.id)}
              ref={(el) => {
                items.current[index] = el
              }}
              tabIndex={-1}
              data-testid="event-item"
              data-event-id={e.id}
              data-kind={kind}
              data-source={e.source}
            >
              <Flex gap="size-150" alignItems="start">
                <EventIcon kind={kind} />
                <div>
                  <span className="cah-visually-hidden">
                    {t('events.kindPrefix', { kind: t(`events.kind.${kind}`) })}
                  </span>
                  <Text>{eventText(e, i18n)}</Text>
                  <div className="cah-muted">
                    <time dateTime={e.timestamp} title={i18n.dateTime(e.timestamp)}>
                      {i18n.relative(e.timestamp, now)}
                    </time>
                    {e.channel && (
                      <span>
                        {t('common.separator')}
                        {t('events.channel', { channel: channelText(e.channel, i18n) })}
                      </span>
                    )}
                  </div>
                </div>
              </Flex>
            </li>
          )
        })}
      </ol>
      {more.status === 'error' && (
        <ErrorMessage
          error={more.error}
          namespaceLabel={namespaceLabel}
          onRetry={loadMore}
          testId="load-more-error"
          titlePrefix={(reason) => t('events.loadMoreFailed', { reason })}
        />
      )}
      {nextCursor && (
        <Button
          variant="secondary"
          onPress={loadMore}
          isPending={more.status === 'loading'}
          data-testid="load-more"
          marginTop="size-200"
        >
          {t('events.loadMore')}
        </Button>
      )}
      {!nextCursor && events.length > 0 && meta.status === 'available' && (
        <p className="cah-muted">{t('events.end')}</p>
      )}
    </section>
  )
}
