/**
 * The body of POST customer-interactions, checked field by field against the deployment's
 * wrap-up shape: the customer, a topic and an outcome from the configured lists, an optional
 * sentiment, note and follow-up date, and the id that makes a retried submit land once. Every
 * field is hostile until it has passed here; a 400 names each one at fault.
 */
import { randomUUID } from 'node:crypto'
import type { Config } from '../config'
import { ValidationError } from '../errors'
import { type FieldErrors, type NormalisedIdentity, normaliseIdentity, parseSandbox } from '../input'
import type { InteractionChoice, InteractionShape } from '../mapping'
import { cleanNote } from './note'

export interface WrapUp {
  identity: NormalisedIdentity
  sandbox: string
  topic: string
  outcome: string
  sentiment: string | null
  note: string | null
  /** Whether something that looked like a card number or password was removed from the note. */
  noteRedacted: boolean
  /** `YYYY-MM-DD`. */
  followUpDate: string | null
  interactionId: string
}

const FIELDS = new Set([
  'namespace',
  'id',
  'sandbox',
  'topic',
  'outcome',
  'sentiment',
  'note',
  'followUpDate',
  'interactionId'
])
const INTERACTION_ID = /^[A-Za-z0-9_-]{8,64}$/
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/
const DAY_MS = 86_400_000
/** How far ahead a follow-up may be booked. */
export const MAX_FOLLOW_UP_DAYS = 366

function choice(v: unknown, name: string, list: readonly InteractionChoice[], errors: FieldErrors): string | undefined {
  if (v === undefined || v === null || v === '') return undefined
  const codes = list.map((c) => c.code)
  if (typeof v === 'string' && codes.includes(v)) return v
  errors[name] = `must be one of: ${codes.join(', ')}`
  return undefined
}

/** A calendar date from yesterday (the agent's day may still be yesterday in UTC) to a year ahead. */
function followUp(v: unknown, now: number, errors: FieldErrors): string | null {
  if (v === undefined || v === null || v === '') return null
  const m = typeof v === 'string' ? DATE.exec(v) : null
  const ms = m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : Number.NaN
  if (!m || !Number.isFinite(ms) || new Date(ms).toISOString().slice(0, 10) !== v) {
    errors.followUpDate = 'must be a date, YYYY-MM-DD'
    return null
  }
  const today = Math.floor(now / DAY_MS) * DAY_MS
  if (ms < today - DAY_MS || ms > today + MAX_FOLLOW_UP_DAYS * DAY_MS) {
    errors.followUpDate = `must be from today to ${MAX_FOLLOW_UP_DAYS} days ahead`
    return null
  }
  return v as string
}

function note(v: unknown, shape: InteractionShape, errors: FieldErrors): { note: string | null; redacted: boolean } {
  if (v === undefined || v === null) return { note: null, redacted: false }
  if (typeof v !== 'string') {
    errors.note = 'must be text'
    return { note: null, redacted: false }
  }
  if (!shape.fields.note && v.trim() !== '') {
    errors.note = 'is not recorded by this deployment (CUSTOMER_VIEW_MAPPING.interactions.fields.note is not set)'
    return { note: null, redacted: false }
  }
  if (v.trim().length > shape.noteMaxLength) {
    errors.note = `must be at most ${shape.noteMaxLength} characters`
    return { note: null, redacted: false }
  }
  const clean = cleanNote(v)
  return { note: clean.text === '' ? null : clean.text, redacted: clean.redacted }
}

/** Parses the request's fields; throws ValidationError (400) naming every field at fault. */
export function parseWrapUp(
  fields: Record<string, unknown>,
  config: Config,
  shape: InteractionShape,
  now: number = Date.now()
): WrapUp {
  const errors: FieldErrors = {}
  for (const k of Object.keys(fields)) if (!FIELDS.has(k)) errors[k] = 'is not a field of this request'
  const identity = normaliseIdentity(fields.namespace, fields.id, config.phoneDefaultCountryCode)
  if (!identity.ok) errors[identity.field] = identity.message
  const sandbox = parseSandbox(fields.sandbox, config, errors)
  const topic = choice(fields.topic, 'topic', shape.topics, errors)
  if (topic === undefined) errors.topic ??= `is required: one of ${shape.topics.map((c) => c.code).join(', ')}`
  const outcome = choice(fields.outcome, 'outcome', shape.outcomes, errors)
  if (outcome === undefined) errors.outcome ??= `is required: one of ${shape.outcomes.map((c) => c.code).join(', ')}`
  const sentiment = choice(fields.sentiment, 'sentiment', shape.sentiments, errors) ?? null
  if (sentiment !== null && !shape.fields.sentiment) errors.sentiment = 'is not recorded by this deployment'
  const followUpDate = followUp(fields.followUpDate, now, errors)
  if (followUpDate !== null && !shape.fields.followUpDate) errors.followUpDate = 'is not recorded by this deployment'
  const { note: text, redacted } = note(fields.note, shape, errors)
  const given = fields.interactionId ?? undefined
  if (given !== undefined && (typeof given !== 'string' || !INTERACTION_ID.test(given)))
    errors.interactionId = 'must be 8 to 64 letters, digits, _ or -'
  if (!identity.ok || Object.keys(errors).length > 0 || !topic || !outcome)
    throw new ValidationError(identity.ok ? 'INVALID_PARAMETER' : 'INVALID_IDENTITY', errors)
  return {
    identity: identity.identity,
    sandbox,
    topic,
    outcome,
    sentiment,
    note: text,
    noteRedacted: redacted,
    followUpDate,
    interactionId: typeof given === 'string' ? given : randomUUID()
  }
}
