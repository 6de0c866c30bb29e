/**
 * Likely reasons for the call, most likely first: one localised line each, and its evidence ("yesterday
 * · 2 events") as a button that scrolls to and focuses the newest of those events in the timeline.
 */
import type { CallReason, CustomerEvent } from '../../../actions/lib/view/view-types'
import { useI18n } from '../i18n/i18n-context'
import { focusEvent } from '../lib/event-anchor'
import { reasonText } from '../lib/insight-text'

interface Props {
  reasons: CallReason[]
  /** The events the timeline shows: evidence outside it is named but not linked. */
  events: CustomerEvent[]
}

function newestFirst(reason: CallReason): CallReason['evidence'] {
  return [...reason.evidence].sort((a, b) => Date.parse(b.timestamp) - Date.parse(a.timestamp))
}

function Evidence({ reason, shown }: { reason: CallReason; shown: ReadonlySet<string> }): JSX.Element | null {
  const i18n = useI18n()
  const evidence = newestFirst(reason)
  const [newest] = evidence
  if (!newest) return null
  const label = i18n.plural('reasons.evidence', evidence.length, { when: i18n.relative(newest.timestamp) })
  const target = evidence.find((e) => shown.has(e.eventId))
  if (!target) return <span className="cah-muted">{label}</span>
  return (
    <button type="button" className="cah-link-button" onClick={() => focusEvent(target.eventId)}>
      <span className="cah-visually-hidden">{i18n.t('reasons.evidence.show')}</span>
      {label}
    </button>
  )
}

export function CallReasons({ reasons, events }: Props): JSX.Element | null {
  const i18n = useI18n()
  if (reasons.length === 0) return null
  const shown = new Set(events.map((e) => e.id))
  return (
    <section aria-labelledby="cah-reasons-title" data-testid="call-reasons" className="cah-reasons">
      <h3 id="cah-reasons-title" className="cah-section-title">
        {i18n.t('reasons.title')}
      </h3>
      <ul className="cah-plain-list cah-reason-list">
        {reasons.map((r) => (
          <li key={`${r.code}:${r.text}`} data-testid="call-reason" data-code={r.code}>
            <span>{reasonText(r, i18n)}</span>
            {r.evidence.length > 0 && <span className="cah-muted">{i18n.t('common.separator')}</span>}
            <Evidence reason={r} shown={shown} />
          </li>
        ))}
      </ul>
    </section>
  )
}
