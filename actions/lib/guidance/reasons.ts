/**
 * The reasons engine: runs the enabled rules over a built customer, drops every offer on a channel
 * the customer said no to, ranks what is left (priority, then the most recent) and keeps five.
 */
import type { ReasonSettings } from '../mapping'
import type { CallReason, Consents, Customer } from '../view'
import { DEFAULT_RULES, type ReasonRule } from './rules'

export const MAX_REASONS = 5

function denied(consents: Consents, channel: string): boolean {
  const c = consents.marketing[channel]
  return typeof c === 'object' && c !== null && c.status === 'denied'
}

/** An offer may be made only when neither its channel nor marketing as a whole is denied. */
export function offerAllowed(consents: Consents, channel: string | null): boolean {
  if (denied(consents, 'any')) return false
  return channel === null || !denied(consents, channel)
}

/**
 * The likely reasons for the call, most likely first, at most MAX_REASONS. `now` is the moment the
 * windows are measured from (epoch ms). Never suggests an offer on a denied channel.
 */
export function callReasons(
  customer: Customer,
  settings: ReasonSettings,
  now: number,
  rules: readonly ReasonRule[] = DEFAULT_RULES
): CallReason[] {
  const ctx = { customer, settings, now }
  const found: Array<{ reason: CallReason; priority: number; at: number }> = []
  for (const rule of rules) {
    if (settings.disabled.includes(rule.code)) continue
    const finding = rule.find(ctx)
    if (!finding) continue
    const channel = rule.channel ?? finding.channel
    if (rule.purpose === 'offer' && !offerAllowed(customer.consents, channel)) continue
    const { text, params, evidence } = finding
    found.push({
      reason: { code: rule.code, purpose: rule.purpose, channel, text, params, evidence },
      priority: rule.priority,
      at: finding.at
    })
  }
  return found
    .sort((a, b) => a.priority - b.priority || b.at - a.at)
    .slice(0, MAX_REASONS)
    .map((f) => f.reason)
}
