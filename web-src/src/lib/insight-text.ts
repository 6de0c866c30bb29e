/**
 * Call reasons and score explanations in the agent's language, rebuilt from their stable `code`
 * and `params`. A code this console does not know, or params it cannot use, shows the action's
 * English `text` as it is, so a hint is never lost.
 */
import type { CallReason, ScoreExplanation, ScoreInsight } from '../../../actions/lib/view/view-types'
import type { MessageKey } from '../i18n/catalogues'
import type { I18n } from '../i18n/i18n-context'

type Params = Record<string, string | number>

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined)
const num = (v: unknown): number | undefined => {
  const n = typeof v === 'string' && v.trim() !== '' ? Number(v) : v
  return typeof n === 'number' && Number.isFinite(n) ? n : undefined
}

/** "today", "yesterday", "3 days ago" (Intl, numeric: auto). */
export function daysAgoText(days: number, i18n: I18n): string {
  const whole = Math.max(0, Math.round(days))
  return new Intl.RelativeTimeFormat(i18n.intlLocale, { numeric: 'auto' }).format(whole === 0 ? 0 : -whole, 'day')
}

/** An amount as the action sent it: a number with `currency` formats in the locale; a string stays as given. */
function amountText(p: Params, i18n: I18n): string | undefined {
  const value = num(p.amount)
  const currency = str(p.currency)
  if (value !== undefined && typeof p.amount === 'number')
    return currency ? i18n.money({ value, currency }) : i18n.number(value)
  return str(p.amount)
}

function reasonLine(code: string, p: Params, i18n: I18n): string | undefined {
  const { t } = i18n
  const days = num(p.daysAgo)
  const when = days !== undefined ? daysAgoText(days, i18n) : undefined
  switch (code) {
    case 'recent-support-contact': {
      const topic = str(p.topic)
      if (!when) return undefined
      return topic
        ? t('reason.recent-support-contact', { topic, when })
        : t('reason.recent-support-contact.any', { when })
    }
    case 'recent-order': {
      const amount = amountText(p, i18n)
      const items = num(p.items)
      if (!when || !amount) return undefined
      return items !== undefined
        ? i18n.plural('reason.recent-order.items', items, { amount, when })
        : t('reason.recent-order', { amount, when })
    }
    case 'abandoned-cart': {
      const products = str(p.products)
      return products ? t('reason.abandoned-cart', { products }) : t('reason.abandoned-cart.any')
    }
    case 'email-opened-today': {
      const campaign = str(p.campaign)
      return campaign ? t('reason.email-opened-today', { campaign }) : undefined
    }
    case 'high-churn-risk': {
      const label = str(p.label) ?? t('insights.churn')
      const percentile = num(p.percentile)
      if (percentile === undefined) return t('reason.high-churn-risk', { label })
      return t('reason.high-churn-risk.percentile', { label, percent: i18n.percent(percentile / 100) })
    }
    case 'audience-exit': {
      const audience = str(p.audience)
      return audience ? t('reason.audience-exit', { audience }) : undefined
    }
    default:
      return undefined
  }
}

/** One call reason in the agent's language, else the action's own line. */
export function reasonText(reason: CallReason, i18n: I18n): string {
  return reasonLine(reason.code, reason.params ?? {}, i18n) ?? reason.text
}

const MEANINGS: ReadonlySet<string> = new Set([
  'high-risk',
  'medium-risk',
  'low-risk',
  'high-opportunity',
  'medium-opportunity',
  'low-opportunity'
])

/** Why, in words: Customer AI's factors, or the recent support calls and purchases behind the band. */
function whyText(x: ScoreExplanation, score: ScoreInsight | undefined, i18n: I18n): string {
  const list = (items: string[]): string => new Intl.ListFormat(i18n.intlLocale, { type: 'conjunction' }).format(items)
  if (x.basis === 'customer-ai') {
    const given = str(x.params.factors)
    const names = given ? [given] : (score?.factors ?? []).map((f) => f.name).filter((n) => n.trim() !== '')
    return names.length ? i18n.t('explanation.why.factors', { factors: list(names.slice(0, 3)) }) : ''
  }
  const facts: string[] = []
  const calls = num(x.params.supportCalls)
  const purchases = num(x.params.purchases)
  if (calls !== undefined) facts.push(i18n.plural('explanation.supportCalls', calls))
  if (purchases !== undefined) facts.push(i18n.plural('explanation.purchases', purchases))
  return facts.length ? i18n.t('explanation.why.recent', { facts: list(facts) }) : ''
}

/** One plain-language line for a score, in the agent's language, else the action's own line. */
export function explanationText(x: ScoreExplanation, score: ScoreInsight | undefined, i18n: I18n): string {
  if (!MEANINGS.has(x.code)) return x.text
  const meaning = i18n.t(`explanation.${x.code}` as MessageKey)
  return i18n.t('explanation.sentence', { meaning, why: whyText(x, score, i18n) })
}
