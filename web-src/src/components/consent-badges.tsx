/**
 * How the agent may contact the customer, at a glance: channels they must not use first, then the
 * preferred channel, undecided ones and allowed ones. Each status is a word and an icon as well as
 * a colour, so it survives colour blindness, greyscale and screen readers.
 */
import { Badge, Text } from '@adobe/react-spectrum'
import CheckmarkCircle from '@spectrum-icons/workflow/CheckmarkCircle'
import Clock from '@spectrum-icons/workflow/Clock'
import CloseCircle from '@spectrum-icons/workflow/CloseCircle'
import HelpOutline from '@spectrum-icons/workflow/HelpOutline'
import Star from '@spectrum-icons/workflow/Star'
import type { ConsentStatus, Consents } from '../../../actions/lib/view/view-types'
import { isConsent } from '../api/view-defaults'
import { type I18n, useI18n } from '../i18n/i18n-context'
import { channelText } from '../lib/event-text'

type Shown = ConsentStatus | 'preferred'
type Channel =
  | 'email'
  | 'commercialEmail'
  | 'sms'
  | 'push'
  | 'inApp'
  | 'call'
  | 'postalMail'
  | 'whatsApp'
  | 'fax'
  | 'socialMedia'
  | 'any'
interface Row {
  key: string
  status: Shown
  text: string
}

/** XDM's channel codes, matched without case or punctuation. */
const CHANNELS: Record<string, Channel> = {
  email: 'email',
  commercialemail: 'commercialEmail',
  sms: 'sms',
  push: 'push',
  inapp: 'inApp',
  call: 'call',
  phone: 'call',
  postalmail: 'postalMail',
  whatsapp: 'whatsApp',
  fax: 'fax',
  socialmedia: 'socialMedia',
  any: 'any'
}

const ORDER: Shown[] = ['denied', 'preferred', 'pending', 'unknown', 'granted']
const VARIANT = {
  denied: 'negative',
  preferred: 'info',
  pending: 'neutral',
  unknown: 'neutral',
  granted: 'positive'
} as const
const ICON = { denied: CloseCircle, preferred: Star, pending: Clock, unknown: HelpOutline, granted: CheckmarkCircle }

const statusOf = (s: string): ConsentStatus => (s === 'granted' || s === 'denied' || s === 'pending' ? s : 'unknown')

function channelRow(code: string, status: ConsentStatus, i18n: I18n): Row {
  const known = CHANNELS[code.toLowerCase().replace(/[^a-z0-9]/g, '')]
  const key = `marketing.${code}`
  if (status === 'denied')
    return {
      key,
      status,
      text: known ? i18n.t(`consent.denied.${known}`) : i18n.t('consent.denied.other', { channel: code })
    }
  return {
    key,
    status,
    text: i18n.t(`consent.${status}`, { channel: known ? i18n.t(`consent.channel.${known}`) : code })
  }
}

function rowsOf(consents: Consents, i18n: I18n): Row[] {
  const rows: Row[] = []
  for (const use of ['collect', 'share', 'personalize'] as const) {
    if (consents[use]?.status === 'denied')
      rows.push({ key: use, status: 'denied', text: i18n.t(`consent.${use}.denied`) })
  }
  const { preferred, ...channels } = consents.marketing
  for (const [code, consent] of Object.entries(channels)) {
    if (isConsent(consent)) rows.push(channelRow(code, statusOf(consent.status), i18n))
  }
  if (preferred)
    rows.push({
      key: 'preferred',
      status: 'preferred',
      text: i18n.t('consent.preferred', { channel: channelText(preferred, i18n) })
    })
  return rows.sort((a, b) => ORDER.indexOf(a.status) - ORDER.indexOf(b.status))
}

export function ConsentBadges({ consents }: { consents: Consents }): JSX.Element {
  const i18n = useI18n()
  const rows = rowsOf(consents, i18n)
  if (rows.length === 0)
    return (
      <span className="cah-muted" data-testid="consents">
        {i18n.t('consent.none')}
      </span>
    )
  return (
    <ul className="cah-chip-list cah-chip-list--tight" data-testid="consents">
      {rows.map((r) => {
        const Icon = ICON[r.status]
        return (
          <li key={r.key} data-testid="consent" data-consent={r.key} data-status={r.status}>
            <Badge variant={VARIANT[r.status]}>
              <Icon />
              <Text>{r.text}</Text>
            </Badge>
          </li>
        )
      })}
    </ul>
  )
}
