/**
 * Turns one XDM ExperienceEvent into a timeline entry an agent reads at a glance: a kind, a
 * channel, one English line and the details the UI rebuilds that line from in the agent's
 * language. Tried in order: the admin's event rules, Adobe's standard eventTypes, the event's
 * standard field groups, and last a generic line from its most telling tenant fields, so that no
 * event reads "unknown". AEP data is untrusted: every field is type-checked and bounded.
 */

import { type AepEvent, isObject, type Json } from '../aep'
import type { EventRule, LocalizedText } from '../mapping'
import {
  finite,
  genericReading,
  humaniseEventType,
  isEventKind,
  labelText,
  money,
  readStandardEvent,
  renderTemplate,
  resolveChannel,
  type StandardReading,
  type ValueLabeller,
  valueAt
} from '../xdm'
import { eventLine, genericLine } from './event-lines'
import { printable } from './text'
import type { CustomerEvent, EventDetails, EventKind } from './view-types'

export { formatMoney } from './event-lines'

const MAX_SUMMARY = 200
/** Epoch ms beyond this are not dates (`new Date` would throw on toISOString). */
const MAX_TIME = 8.64e15

function idOf(raw: AepEvent, e: Json): string | undefined {
  const id = printable(raw.entityId, 80) ?? printable(e._id, 80)
  if (id) return id
  // Adobe's call-centre sample data numbers its events (`"_id": 3461`).
  return typeof e._id === 'number' && Number.isSafeInteger(e._id) ? String(e._id) : undefined
}

function timeOf(raw: AepEvent, e: Json): string | undefined {
  const ms = finite(raw.timestamp) ?? (typeof e.timestamp === 'string' ? Date.parse(e.timestamp) : Number.NaN)
  return Number.isFinite(ms) && Math.abs(ms) <= MAX_TIME ? new Date(ms).toISOString() : undefined
}

function matches(rule: EventRule, e: Json, eventType: string): boolean {
  const m: unknown = isObject(rule) ? rule.match : undefined
  if (!isObject(m)) return false
  if (typeof m.eventType === 'string') return eventType !== '' && m.eventType.toLowerCase() === eventType.toLowerCase()
  if (typeof m.hasPath !== 'string') return false
  const v = valueAt(e, m.hasPath)
  return v !== undefined && v !== null && v !== ''
}

/** The rule's words for stored codes in one language (English when the label has none in it). */
function labeller(rule: EventRule, lang: keyof LocalizedText): ValueLabeller | undefined {
  const labels: unknown = rule.valueLabels
  if (!isObject(labels)) return undefined
  return (path, raw) => {
    const codes = Object.hasOwn(labels, path) ? labels[path] : undefined
    const label = isObject(codes) && Object.hasOwn(codes, raw) ? codes[raw] : undefined
    if (!isObject(label)) return undefined
    const text = label[lang] ?? label.en
    return typeof text === 'string' ? text : undefined
  }
}

/** The standard details a rule reads from the event's own fields. */
function ruleDetails(rule: EventRule, e: Json): EventDetails {
  const words = labeller(rule, 'en')
  const out: EventDetails = {}
  for (const [detail, path] of Object.entries(isObject(rule.details) ? rule.details : {})) {
    if (typeof path !== 'string') continue
    const v = valueAt(e, path)
    if (detail === 'reason' || detail === 'outcome' || detail === 'campaign' || detail === 'page') {
      const text = labelText(v)
      if (text) out[detail] = (words?.(path, text) ?? text).slice(0, 80)
    } else if (detail === 'durationSeconds') {
      const n = finite(typeof v === 'string' && /^\d+(\.\d+)?$/.test(v) ? Number(v) : v)
      if (n !== undefined && n >= 0) out.durationSeconds = n
    } else if (detail === 'amount') {
      const parent = path.split('.').slice(0, -1).join('.')
      const currency = valueAt(e, `${parent}.currencyCode`) ?? valueAt(e, `${parent}.currency`)
      const amount = money(finite(v), currency)
      if (amount) out.amount = amount
    }
  }
  return out
}

/** The rule's summary template per language; undefined when the English line renders empty. */
function ruleText(rule: EventRule, e: Json): LocalizedText | undefined {
  const summary: unknown = rule.summary
  if (!isObject(summary) || typeof summary.en !== 'string') return undefined
  const en = renderTemplate(summary.en, e, labeller(rule, 'en'))
  if (en === '') return undefined
  const zh =
    typeof summary['zh-Hant'] === 'string' ? renderTemplate(summary['zh-Hant'], e, labeller(rule, 'zh-Hant')) : ''
  return zh === '' ? { en } : { en, 'zh-Hant': zh }
}

/** A generic entry: the humanised eventType or the tenant object, then its telling fields. */
function generic(e: Json, eventType: string, details: EventDetails): string {
  const reading = genericReading(e)
  if (reading.facts.length > 0) details.facts = reading.facts
  const heading = humaniseEventType(eventType) ?? reading.heading ?? 'Activity'
  return genericLine(heading, details.facts)
}

interface Built {
  type: EventKind
  source: CustomerEvent['source']
  channel: string | null
  summary: string
  details: EventDetails
}

function fromRule(rule: EventRule, e: Json, eventType: string, standard: StandardReading | undefined): Built {
  const type: EventKind = isEventKind(rule.kind) ? rule.kind : 'activity'
  const details: EventDetails = { ...(standard?.details ?? {}), ...ruleDetails(rule, e) }
  const given = typeof rule.channel === 'string' ? rule.channel : (standard?.channel ?? null)
  const text = ruleText(rule, e)
  if (text) details.text = text
  const label = standard?.kind === type ? standard.label : undefined
  const summary =
    text?.en ?? (type === 'activity' && !label ? generic(e, eventType, details) : eventLine(type, details, label))
  return { type, source: 'mapping', channel: resolveChannel(type, given, e), summary, details }
}

function build(e: Json, eventType: string, rules: readonly EventRule[]): Built {
  const standard = readStandardEvent(e, eventType)
  const rule = rules.find((r) => matches(r, e, eventType))
  if (rule) return fromRule(rule, e, eventType, standard)
  if (standard) {
    const { kind, source, label } = standard
    const details: EventDetails = { ...standard.details }
    const summary = eventLine(kind, details, label)
    return { type: kind, source, channel: resolveChannel(kind, standard.channel, e), summary, details }
  }
  const details: EventDetails = {}
  const summary = generic(e, eventType, details)
  return { type: 'activity', source: 'generic', channel: resolveChannel('activity', null, e), summary, details }
}

/**
 * The timeline entry of one event, or null for events too broken to show (no id or no time).
 * `rules` are the mapping's tenant event rules (config.mapping.events), tried in order first.
 */
export function toCustomerEvent(raw: AepEvent, rules: readonly EventRule[] = []): CustomerEvent | null {
  if (!isObject(raw)) return null
  const e: Json = isObject(raw.entity) ? raw.entity : {}
  const id = idOf(raw, e)
  const timestamp = timeOf(raw, e)
  if (!id || !timestamp) return null
  const eventType = printable(e.eventType, 80) ?? ''
  // Callers that pass this function to Array#map hand it an index here, not rules.
  const usable = Array.isArray(rules) ? rules.filter((r: unknown): r is EventRule => isObject(r)) : []
  const built = build(e, eventType, usable)
  const summary = printable(built.summary, MAX_SUMMARY) ?? humaniseEventType(eventType) ?? 'Activity'
  return {
    id,
    type: built.type,
    xdmEventType: eventType,
    source: built.source,
    timestamp,
    channel: built.channel,
    summary,
    details: built.details
  }
}
