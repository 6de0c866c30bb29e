/**
 * A picture of the last 12 months: spend per month as bars and contacts per channel as a second row
 * of bars, in one small SVG of our own. It is a focusable image whose title and description state
 * every figure, so a screen reader hears what the picture shows.
 */
import { useId } from 'react'
import type { CustomerEvent } from '../../../actions/lib/view/view-types'
import { type I18n, useI18n } from '../i18n/i18n-context'
import { type ActivitySummary, summariseActivity } from '../lib/activity-summary'
import { channelText } from '../lib/event-text'

export type ChartHistory = 'complete' | 'loading' | 'failed' | 'partial'

interface Props {
  events: CustomerEvent[]
  /** Whether the events reach back 12 months: loading or failed to load the older page, or still short. */
  history: ChartHistory
  now?: number
}

const WIDTH = 360
const BAR_AREA = 72
const MONTH_ROW = 16
const CONTACT_ROW = 18
const LABEL_WIDTH = 96

function monthLabel(month: string, i18n: I18n, withYear: boolean): string {
  const options: Intl.DateTimeFormatOptions = withYear
    ? { month: 'short', year: 'numeric', timeZone: 'UTC' }
    : { month: 'short', timeZone: 'UTC' }
  return new Intl.DateTimeFormat(i18n.intlLocale, options).format(Date.parse(`${month}-01T00:00:00Z`))
}

const channelName = (channel: string, i18n: I18n): string =>
  channel === 'other' ? i18n.t('chart.channel.other') : channelText(channel, i18n)

/** The figures in words: every month with spend, the total, and the contacts per channel. */
export function chartDescription(s: ActivitySummary, i18n: I18n): string {
  // A plain list ("a, b, c" / "a、b、c"): every item is a figure, so no "and" before the last.
  const list = (items: string[]): string => items.join(i18n.t('common.listSeparator'))
  const { currency } = s
  const spent = currency ? s.months.filter((m) => m.value > 0) : []
  const months = spent.map((m) =>
    i18n.t('chart.desc.month', {
      month: monthLabel(m.month, i18n, true),
      amount: i18n.money({ value: m.value, currency: currency ?? '' })
    })
  )
  const contacts = s.contacts.map((c) =>
    i18n.t('chart.desc.contact', { channel: channelName(c.channel, i18n), count: i18n.number(c.count) })
  )
  const first = s.months[0]?.month ?? ''
  const last = s.months[s.months.length - 1]?.month ?? ''
  return i18n.t('chart.desc', {
    from: monthLabel(first, i18n, true),
    to: monthLabel(last, i18n, true),
    months: months.length ? list(months) : i18n.t('chart.desc.noSpend'),
    total: s.total ? i18n.money(s.total) : i18n.number(0),
    contacts: contacts.length ? list(contacts) : i18n.t('chart.desc.noContacts')
  })
}

function HistoryNote({ history, events, i18n }: { history: ChartHistory; events: CustomerEvent[]; i18n: I18n }) {
  if (history === 'loading')
    return (
      <p role="status" className="cah-muted">
        {i18n.t('chart.loadingOlder')}
      </p>
    )
  if (history === 'failed') return <p className="cah-muted">{i18n.t('chart.partial')}</p>
  const oldest = events.reduce<string | null>((o, e) => (o === null || e.timestamp < o ? e.timestamp : o), null)
  if (history === 'partial' && oldest)
    return <p className="cah-muted">{i18n.t('chart.since', { date: i18n.date(oldest) })}</p>
  return null
}

export function ActivityChart({ events, history, now = Date.now() }: Props): JSX.Element {
  const i18n = useI18n()
  const { t } = i18n
  const id = useId()
  const summary = summariseActivity(events, now)
  const max = Math.max(0, ...summary.months.map((m) => m.value))
  const maxContacts = Math.max(0, ...summary.contacts.map((c) => c.count))
  const empty = max === 0 && summary.contacts.length === 0
  const slot = WIDTH / summary.months.length
  const contactsTop = BAR_AREA + MONTH_ROW + 24
  const height = contactsTop + Math.max(1, summary.contacts.length) * CONTACT_ROW
  return (
    <section aria-labelledby={`${id}-heading`} className="cah-activity">
      <h3 id={`${id}-heading`} className="cah-section-title">
        {t('chart.title')}
      </h3>
      {empty ? (
        <p data-testid="activity-chart-empty">{t('chart.empty')}</p>
      ) : (
        <svg
          role="img"
          // biome-ignore lint/a11y/noNoninteractiveTabindex: the chart is an image a keyboard user must reach to hear its description
          tabIndex={0}
          aria-labelledby={`${id}-title`}
          aria-describedby={`${id}-desc`}
          viewBox={`0 0 ${WIDTH} ${height}`}
          className="cah-chart"
          data-testid="activity-chart"
        >
          <title id={`${id}-title`}>{t('chart.title')}</title>
          <desc id={`${id}-desc`}>{chartDescription(summary, i18n)}</desc>
          <text x={0} y={10} className="cah-chart-label">
            {t('chart.spend')}
          </text>
          {summary.months.map((m, i) => {
            const h = max > 0 ? Math.max(m.value > 0 ? 2 : 0, (m.value / max) * (BAR_AREA - 16)) : 0
            const x = i * slot
            return (
              <g key={m.month} data-month={m.month} data-value={m.value}>
                <rect x={x + 3} y={BAR_AREA - h} width={slot - 6} height={h} className="cah-chart-bar" />
                <text x={x + slot / 2} y={BAR_AREA + MONTH_ROW - 4} textAnchor="middle" className="cah-chart-tick">
                  {monthLabel(m.month, i18n, false)}
                </text>
              </g>
            )
          })}
          <line x1={0} x2={WIDTH} y1={BAR_AREA} y2={BAR_AREA} className="cah-chart-axis" />
          <text x={0} y={contactsTop - 8} className="cah-chart-label">
            {t('chart.contacts')}
          </text>
          {summary.contacts.length === 0 && (
            <text x={0} y={contactsTop + 11} className="cah-chart-tick">
              {t('chart.desc.noContacts')}
            </text>
          )}
          {summary.contacts.map((c, i) => {
            const y = contactsTop + i * CONTACT_ROW
            const w = maxContacts > 0 ? ((WIDTH - LABEL_WIDTH - 32) * c.count) / maxContacts : 0
            return (
              <g key={c.channel} data-channel={c.channel} data-count={c.count}>
                <text x={0} y={y + 11} className="cah-chart-tick">
                  {channelName(c.channel, i18n)}
                </text>
                <rect
                  x={LABEL_WIDTH}
                  y={y + 2}
                  width={w}
                  height={CONTACT_ROW - 6}
                  className="cah-chart-bar--contacts"
                />
                <text x={LABEL_WIDTH + w + 4} y={y + 11} className="cah-chart-tick">
                  {i18n.number(c.count)}
                </text>
              </g>
            )
          })}
        </svg>
      )}
      <HistoryNote history={history} events={events} i18n={i18n} />
    </section>
  )
}
