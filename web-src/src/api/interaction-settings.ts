/**
 * The wrap-up settings of the metadata answer, read defensively: an older deployment has none and
 * a half-configured one may send odd entries. Either way the console gets a usable shape, and the
 * panel only shows when there is something to choose from.
 */
import { isRecord } from './guards'
import type { InteractionChoice, InteractionSettings, Metadata, OptionalInteractionField } from './types'

/** The action's own default and ceiling for a note's length. */
export const DEFAULT_NOTE_MAX_LENGTH = 500
const NOTE_MAX_LENGTH_CEILING = 2000
const OPTIONAL_FIELDS: readonly OptionalInteractionField[] = ['sentiment', 'note', 'followUpDate']

export const INTERACTIONS_DISABLED: InteractionSettings = {
  enabled: false,
  topics: [],
  outcomes: [],
  sentiments: [],
  noteMaxLength: 0,
  fields: []
}

function choicesOf(v: unknown): InteractionChoice[] {
  if (!Array.isArray(v)) return []
  const seen = new Set<string>()
  const out: InteractionChoice[] = []
  for (const item of v) {
    if (!isRecord(item) || typeof item.code !== 'string' || item.code.trim() === '' || seen.has(item.code)) continue
    seen.add(item.code)
    const label = isRecord(item.label) && typeof item.label.en === 'string' && item.label.en.trim() ? item.label : null
    const zh = label && typeof label['zh-Hant'] === 'string' ? { 'zh-Hant': label['zh-Hant'] } : {}
    // A choice without a label still shows: as its code, rather than as an empty option.
    out.push({ code: item.code, label: label ? { en: String(label.en), ...zh } : { en: item.code } })
  }
  return out
}

/** 0 (no note) as given; a missing or impossible bound falls back to the action's default. */
function noteMaxLengthOf(v: unknown): number {
  if (v === 0) return 0
  return typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= NOTE_MAX_LENGTH_CEILING
    ? v
    : DEFAULT_NOTE_MAX_LENGTH
}

/**
 * The optional fields to show: those the answer lists (all three when it lists none, as before the
 * list existed), and only when there is something to record (sentiments to choose, room for a note).
 */
function fieldsOf(v: unknown, sentiments: InteractionChoice[], noteMaxLength: number): OptionalInteractionField[] {
  const listed = Array.isArray(v) ? OPTIONAL_FIELDS.filter((f) => v.includes(f)) : OPTIONAL_FIELDS
  return listed.filter((f) => (f === 'sentiment' ? sentiments.length > 0 : f === 'note' ? noteMaxLength > 0 : true))
}

/** The deployment's wrap-up settings; disabled while metadata is missing, absent or has no topic or outcome. */
export function interactionSettings(metadata: Metadata | null): InteractionSettings {
  const raw: unknown = metadata?.interactions
  if (!isRecord(raw) || raw.enabled !== true) return INTERACTIONS_DISABLED
  const sentiments = choicesOf(raw.sentiments)
  const noteMaxLength = noteMaxLengthOf(raw.noteMaxLength)
  const settings: InteractionSettings = {
    enabled: true,
    topics: choicesOf(raw.topics),
    outcomes: choicesOf(raw.outcomes),
    sentiments,
    noteMaxLength,
    fields: fieldsOf(raw.fields, sentiments, noteMaxLength)
  }
  // Topic and outcome are required by the action: without choices for both, nothing could be saved.
  return settings.topics.length > 0 && settings.outcomes.length > 0 ? settings : INTERACTIONS_DISABLED
}
