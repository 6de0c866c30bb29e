/**
 * Recent activity, newest first: an icon and a localised line per event, its relative time (the
 * exact time on hover and for screen readers) and channel, and "load more" from AEP's own paging.
 */

import { Button, Content, Flex, InlineAlert, Text } from '@adobe/react-spectrum'
import CallCenter from '@spectrum-icons/workflow/CallCenter'
import EmailOutline from '@spectrum-icons/workflow/EmailOutline'
import Event from '@spectrum-icons/workflow/Event'
import Select from '@spectrum-icons/workflow/Select'
import ShoppingCart from '@spectrum-icons/workflow/ShoppingCart'
import WebPage from '@spectrum-icons/workflow/WebPage'
import { useEffect, useRef } from 'react'
import type { CustomerEvent, EventKind, EventsMeta } from '../../../actions/lib/view/view-types'
import type { MoreState } from '../hooks/use-customer'
import { useI18n } from '../i18n/i18n-context'
import { channelText, eventText } from '../lib/event-text'
import { ErrorMessage } from './error-message'

const ICONS: Record<EventKind, typeof Event> = {
  purchase: ShoppingCart,
  'email-open': EmailOutline,
  'email-click': Select,
  'web-visit': WebPage,
  'support-call': CallCenter,
  other: Event
}

interface Props {
  events: CustomerEvent[]
  meta: EventsMeta
  nextCursor: string | null
  more: MoreState
  onLoadMore(): void
  namespaceLabel: string
}

export function EventsTimeline({ events, meta, nextCursor, more, onLoadMore, namespaceLabel }: Props): JSX.Element {
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
      {meta.status === 'available' && events.length === 0 && <p>{t('events.empty')}</p>}
      <ol className="cah-plain-list">
        {events.map((e, index) => {
          // An event kind newer than this UI shows as "other" rather than breaking the list.
          const kind: EventKind = e.type in ICONS ? e.type : 'other'
          const Icon = ICONS[kind]
          return (
            <li
              key={e.id}
              ref={(el) => {
                items.current[index] = el
              }}
              tabIndex={-1}
              data-testid="event-item"
              data-kind={kind}
            >
              <Flex gap="size-150" alignItems="start">
                <Icon size="S" aria-hidden="true" />
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
