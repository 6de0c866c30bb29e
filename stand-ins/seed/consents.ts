/**
 * XDM Consents & Preferences of customer i (help/xdm/data-types/consents.md): collect, share,
 * personalize.content and marketing.{email,sms,push} choices with the time they were made, plus
 * the preferred channel. Its own PRNG stream, so adding consents moved no other trait or event.
 * The events honour these choices: no marketing e-mail reaches a customer who said no.
 */
import type { Core } from './identity'
import { Rng, type Weighted } from './prng'
import { DAY_MS } from './traits'
import type { ConsentValue, XdmConsents } from './types'

const STREAM_CONSENTS = 0xc0457

export interface ChannelChoice {
  val: ConsentValue
  timeMs: number
}

/** What a customer chose; `undefined` channels do not apply (no e-mail, no phone, no app). */
export interface ConsentChoices {
  share: ConsentValue
  personalize: ConsentValue
  email?: ChannelChoice
  sms?: ChannelChoice
  push?: ChannelChoice
  preferred: string
  /** Latest change (consents.metadata.time). */
  timeMs: number
}

const EMAIL: Weighted<ConsentValue> = [
  ['y', 78],
  ['n', 12],
  ['p', 4],
  ['u', 6]
]
const SMS: Weighted<ConsentValue> = [
  ['y', 35],
  ['n', 55],
  ['u', 10]
]
const PUSH: Weighted<ConsentValue> = [
  ['y', 62],
  ['n', 38]
]

/** Whether marketing e-mail may be sent: an explicit no or a pending double opt-in stops it. */
export function emailAllowed(c: ConsentChoices | undefined): boolean {
  return c?.email === undefined || c.email.val === 'y' || c.email.val === 'u'
}

/**
 * Choices of a generic customer, or `undefined` for the ~12% whose consent was never recorded.
 * Times fall between `customerSinceMs` and `nowMs` (opt-ins within two days of sign-up).
 */
export function consentChoicesFor(
  seed: number,
  core: Core,
  customerSinceMs: number,
  nowMs: number
): ConsentChoices | undefined {
  const rng = new Rng(seed, core.index, STREAM_CONSENTS)
  if (rng.chance(0.12)) return undefined
  const span = Math.max(DAY_MS, nowMs - DAY_MS - customerSinceMs)
  const when = (): number => customerSinceMs + Math.floor(rng.float() * span)
  // An opt-in is given at sign-up (marketing e-mails follow it); an opt-out can come any time.
  const choice = (table: Weighted<ConsentValue>): ChannelChoice => {
    const val = rng.weighted(table)
    return { val, timeMs: val === 'n' ? when() : customerSinceMs + rng.int(10, 2880) * 60_000 }
  }
  const choices: ConsentChoices = {
    share: rng.chance(0.55) ? 'y' : 'n',
    personalize: rng.chance(0.82) ? 'y' : 'n',
    preferred: 'none',
    timeMs: customerSinceMs
  }
  if (core.emails.length > 0) choices.email = choice(EMAIL)
  if (core.phone !== undefined) choices.sms = choice(SMS)
  if (core.ecids.length > 1) choices.push = choice(PUSH)
  const open: string[] = []
  if (choices.email?.val === 'y') open.push('email', 'email', 'email')
  if (choices.sms?.val === 'y') open.push('sms')
  if (choices.push?.val === 'y') open.push('push')
  if (core.phone !== undefined && rng.chance(0.15)) open.push('phone')
  choices.preferred = open.length > 0 ? rng.pick(open) : 'none'
  choices.timeMs = Math.max(
    customerSinceMs,
    choices.email?.timeMs ?? 0,
    choices.sms?.timeMs ?? 0,
    choices.push?.timeMs ?? 0
  )
  return choices
}

const iso = (ms: number): string => new Date(ms).toISOString()

function channel(c: ChannelChoice, reason: string): { val: ConsentValue; time: string; reason?: string } {
  return c.val === 'n' ? { val: c.val, time: iso(c.timeMs), reason } : { val: c.val, time: iso(c.timeMs) }
}

/** The profile's `consents` object. */
export function consentsXdm(c: ConsentChoices): XdmConsents {
  const marketing: NonNullable<XdmConsents['marketing']> = { preferred: c.preferred }
  if (c.email) marketing.email = channel(c.email, 'Too Frequent')
  if (c.sms) marketing.sms = channel(c.sms, 'Not Relevant')
  if (c.push) marketing.push = channel(c.push, 'Not Relevant')
  return {
    collect: { val: 'y' },
    share: { val: c.share },
    personalize: { content: { val: c.personalize } },
    marketing,
    metadata: { time: iso(c.timeMs) }
  }
}
