/**
 * The one-line description of a timeline event, rebuilt from its `details` in the agent's language
 * (the action's `summary` is English only and is not shown). AEP values such as campaign names
 * are inserted as plain text.
 */
import type { CustomerEvent } from '../../../actions/lib/view/view-types'
import type { MessageKey } from '../i18n/catalogues'
import type { I18n } from '../i18n/i18n-context'

export function eventText(e: CustomerEvent, i18n: I18n): string {
  const d = e.details
  const { t } = i18n
  switch (e.type) {
    case 'purchase': {
      const count = d.itemCount ?? 0
      return d.amount
        ? i18n.plural('event.purchaseAmount', count, { amount: i18n.money(d.amount) })
        : i18n.plural('event.purchase', count)
    }
    case 'email-open':
      return d.campaign ? t('event.emailOpen.campaign', { campaign: d.campaign }) : t('event.emailOpen')
    case 'email-click':
      return d.campaign ? t('event.emailClick.campaign', { campaign: d.campaign }) : t('event.emailClick')
    case 'web-visit':
      return d.page ? t('event.webVisit.page', { page: d.page }) : t('event.webVisit')
    case 'support-call': {
      const minutes =
        d.durationSeconds !== undefined ? i18n.number(Math.max(1, Math.round(d.durationSeconds / 60))) : undefined
      if (d.reason && minutes) return t('event.supportCall.reasonDuration', { reason: d.reason, minutes })
      if (d.reason) return t('event.supportCall.reason', { reason: d.reason })
      return minutes ? t('event.supportCall.duration', { minutes }) : t('event.supportCall')
    }
    default:
      return t('event.other', { type: e.xdmEventType })
  }
}

const CHANNEL_KEYS: Record<string, MessageKey> = {
  web: 'channel.web',
  email: 'channel.email',
  mobile: 'channel.mobile',
  phone: 'channel.phone',
  store: 'channel.store',
  direct: 'channel.direct'
}

/** The channel in the agent's language when we know it, else as AEP named it. */
export function channelText(channel: string, i18n: I18n): string {
  const key = CHANNEL_KEYS[channel]
  return key ? i18n.t(key) : channel
}
