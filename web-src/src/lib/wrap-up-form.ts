/**
 * The wrap-up form as data: what the agent has entered, what is wrong with it, and the body it
 * becomes. The action validates again; this only saves the agent a round trip.
 */
import type { ApiError } from '../api/api-error'
import type { InteractionBody, InteractionChoice, InteractionSettings, Lookup } from '../api/types'

export interface WrapUpDraft {
  topic: string | null
  outcome: string | null
  sentiment: string | null
  note: string
  /** `YYYY-MM-DD`, or null for none. */
  followUpDate: string | null
}

export const WRAP_UP_FIELDS = ['topic', 'outcome', 'sentiment', 'note', 'followUpDate'] as const
export type WrapUpField = (typeof WRAP_UP_FIELDS)[number]

/** `required` and `too-long` the form finds itself; `rejected` is the action's 400 for that field. */
export type WrapUpProblem = 'required' | 'unknown' | 'too-long' | 'date-range' | 'rejected'
export type WrapUpProblems = Partial<Record<WrapUpField, WrapUpProblem>>

export const EMPTY_DRAFT: WrapUpDraft = { topic: null, outcome: null, sentiment: null, note: '', followUpDate: null }

/** The follow-up dates the action accepts, as `YYYY-MM-DD` in the agent's calendar. */
export interface DateRange {
  min: string
  max: string
}

/** The note's length as the action counts it: after trimming. */
export const noteLength = (note: string): number => note.trim().length

const offers = (choices: InteractionChoice[], code: string): boolean => choices.some((c) => c.code === code)

function isCalendarDate(v: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) return false
  const d = new Date(`${v}T00:00:00Z`)
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(v)
}

/** Everything wrong with the draft; empty when it can be sent. */
export function validateDraft(draft: WrapUpDraft, settings: InteractionSettings, range: DateRange): WrapUpProblems {
  const problems: WrapUpProblems = {}
  if (draft.topic === null) problems.topic = 'required'
  else if (!offers(settings.topics, draft.topic)) problems.topic = 'unknown'
  if (draft.outcome === null) problems.outcome = 'required'
  else if (!offers(settings.outcomes, draft.outcome)) problems.outcome = 'unknown'
  if (draft.sentiment !== null && !offers(settings.sentiments, draft.sentiment)) problems.sentiment = 'unknown'
  if (noteLength(draft.note) > settings.noteMaxLength) problems.note = 'too-long'
  const date = draft.followUpDate
  // ISO calendar dates compare correctly as strings.
  if (date !== null && (!isCalendarDate(date) || date < range.min || date > range.max))
    problems.followUpDate = 'date-range'
  return problems
}

/** The first field with a problem, in the form's order (where focus goes). */
export function firstProblem(problems: WrapUpProblems): WrapUpField | null {
  return WRAP_UP_FIELDS.find((f) => problems[f] !== undefined) ?? null
}

/**
 * The action's 400 `fields`, split into those the form shows on a field and whether any other
 * (the identity, the interaction id) was refused, which only an alert can say.
 */
export function serverProblems(error: ApiError): { problems: WrapUpProblems; elsewhere: boolean } {
  const fields = error.status === 400 ? (error.details.fields ?? {}) : {}
  const problems: WrapUpProblems = {}
  let elsewhere = error.status !== 400 || Object.keys(fields).length === 0
  for (const name of Object.keys(fields)) {
    if ((WRAP_UP_FIELDS as readonly string[]).includes(name)) problems[name as WrapUpField] = 'rejected'
    else elsewhere = true
  }
  return { problems, elsewhere }
}

/** What `customer-interactions` is sent: empty optional fields are left out, the note trimmed. */
export function toInteractionBody(
  draft: WrapUpDraft,
  target: Lookup & { sandbox: string },
  interactionId: string
): InteractionBody {
  const note = draft.note.trim()
  return {
    namespace: target.namespace,
    id: target.id,
    sandbox: target.sandbox,
    topic: draft.topic ?? '',
    outcome: draft.outcome ?? '',
    ...(draft.sentiment !== null ? { sentiment: draft.sentiment } : {}),
    ...(note !== '' ? { note } : {}),
    ...(draft.followUpDate !== null ? { followUpDate: draft.followUpDate } : {}),
    interactionId
  }
}

/** A fresh id per wrap-up (8–64 of `[A-Za-z0-9_-]`, as the action requires): a UUID. */
export function newInteractionId(cryptoImpl: Partial<Crypto> | undefined = globalThis.crypto): string {
  if (cryptoImpl?.randomUUID) return cryptoImpl.randomUUID()
  const bytes = new Uint8Array(16)
  if (cryptoImpl?.getRandomValues) cryptoImpl.getRandomValues(bytes)
  else for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(Math.random() * 256)
  // RFC 4122 version 4 and variant bits, so the fallback reads like randomUUID's answer.
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}
