/**
 * CUSTOMER_VIEW_MAPPING.interactions: where the wrap-up form's values go in the org's call-centre
 * ExperienceEvent schema, and the topics, outcomes and sentiments it offers. Validated field by
 * field like the rest of the mapping; problems are reported at `interactions.…` paths.
 */
import { isSafePath } from '../xdm'
import { type Checker, isObj } from './checker'
import {
  INTERACTION_FIELDS,
  type InteractionChoice,
  type InteractionField,
  type InteractionShape,
  type LocalizedText
} from './types'

const SCHEMA_ID = /^https:\/\/ns\.adobe\.com\/[A-Za-z0-9_]{1,64}\/schemas\/[A-Za-z0-9._-]{1,128}$/
const EVENT_TYPE = /^[A-Za-z_][A-Za-z0-9_.-]{0,119}$/
const CODE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/
/** Fields of the ExperienceEvent class the action writes itself: a mapped value may not overwrite them. */
const CLASS_FIELDS = new Set(['_id', 'timestamp', 'eventType', 'identityMap', '_dcsMeta', 'producedBy'])
const REQUIRED: readonly InteractionField[] = ['interactionId', 'topic', 'outcome']
const LIMITS = { choices: 50, label: 80, noteDefault: 500, noteMax: 2000, versionMax: 1000 }

const choice = (code: string, en: string, zh: string): InteractionChoice => ({
  code,
  label: { en, 'zh-Hant': zh }
})

/** The outcomes a contact centre reports when the admin names none. */
export const DEFAULT_OUTCOMES: readonly InteractionChoice[] = Object.freeze([
  choice('resolved', 'Resolved', '已解決'),
  choice('follow-up', 'Follow-up needed', '需要後續跟進'),
  choice('escalated', 'Escalated', '已轉交上級'),
  choice('transferred', 'Transferred', '已轉接'),
  choice('unresolved', 'Not resolved', '未解決')
])

export const DEFAULT_SENTIMENTS: readonly InteractionChoice[] = Object.freeze([
  choice('positive', 'Positive', '正面'),
  choice('neutral', 'Neutral', '中立'),
  choice('negative', 'Negative', '負面')
])

function choices(
  v: unknown,
  at: string,
  c: Checker,
  fallback: readonly InteractionChoice[] | null
): InteractionChoice[] {
  if (v === undefined && fallback) return [...fallback]
  const list = c.list(v, at, LIMITS.choices)
  if (list.length === 0) c.fail(at, `must be a list of 1 to ${LIMITS.choices} {"code": …, "label": …} entries`)
  const seen = new Set<string>()
  const out: InteractionChoice[] = []
  for (const [i, item] of list.entries()) {
    const here = `${at}[${i}]`
    if (!isObj(item)) {
      c.fail(here, 'must be {"code": …, "label": …}')
      continue
    }
    c.unknownKeys(item, ['code', 'label'], here)
    const code = typeof item.code === 'string' && CODE.test(item.code) ? item.code : undefined
    if (!code || seen.has(code)) {
      c.fail(
        `${here}.code`,
        code ? `repeats the code "${code}"` : 'must be a code of letters, digits, . _ - (at most 64)'
      )
      continue
    }
    seen.add(code)
    const label: LocalizedText | undefined = c.text(item.label ?? code, `${here}.label`, LIMITS.label)
    if (label) out.push({ code, label })
  }
  return out
}

function fieldPaths(v: unknown, c: Checker): InteractionShape['fields'] | undefined {
  if (!isObj(v))
    return c.fail('interactions.fields', 'must be an object of field → dot path (interactionId, topic, outcome, …)')
  c.unknownKeys(v, INTERACTION_FIELDS, 'interactions.fields')
  const out: Partial<Record<InteractionField, string>> = {}
  const byPath = new Map<string, string>()
  for (const field of INTERACTION_FIELDS) {
    const at = `interactions.fields.${field}`
    if (v[field] === undefined) {
      if (REQUIRED.includes(field)) c.fail(at, 'is required')
      continue
    }
    const path = c.path(v[field], at)
    if (!path) continue
    const nested = [...byPath].find(([p]) => p.startsWith(`${path}.`) || path.startsWith(`${p}.`))
    if (CLASS_FIELDS.has(path.split('.')[0] ?? ''))
      c.fail(at, 'must not be a field the event class defines (_id, timestamp, …)')
    else if (!isSafePath(path)) c.fail(at, 'must not use __proto__, constructor or prototype')
    else if (byPath.has(path)) c.fail(at, `is the same path as ${byPath.get(path)}`)
    else if (nested) c.fail(at, `overlaps the path of ${nested[1]} (one would hold the other)`)
    else {
      byPath.set(path, field)
      out[field] = path
    }
  }
  const { interactionId, topic, outcome } = out
  return interactionId && topic && outcome ? { ...out, interactionId, topic, outcome } : undefined
}

/** The `interactions` key (absent or null: no wrap-up); problems at `interactions.…` paths. */
export function interactionShape(v: unknown, c: Checker): InteractionShape | null {
  if (v === undefined || v === null) return null
  if (!isObj(v)) return c.fail('interactions', 'must be {"schemaId": …, "fields": {…}, "topics": […]}') ?? null
  c.unknownKeys(
    v,
    ['schemaId', 'schemaVersion', 'eventType', 'agent', 'fields', 'topics', 'outcomes', 'sentiments', 'noteMaxLength'],
    'interactions'
  )
  const schemaId = typeof v.schemaId === 'string' && SCHEMA_ID.test(v.schemaId) ? v.schemaId : undefined
  if (!schemaId) c.fail('interactions.schemaId', 'must be the schema $id, https://ns.adobe.com/<tenant>/schemas/<id>')
  const schemaVersion = v.schemaVersion ?? 1
  const versionOk =
    Number.isInteger(schemaVersion) && (schemaVersion as number) >= 1 && (schemaVersion as number) <= LIMITS.versionMax
  if (!versionOk) c.fail('interactions.schemaVersion', `must be a whole number from 1 to ${LIMITS.versionMax}`)
  let eventType: string | null = null
  if (v.eventType !== undefined && v.eventType !== null) {
    if (typeof v.eventType === 'string' && EVENT_TYPE.test(v.eventType)) eventType = v.eventType
    else c.fail('interactions.eventType', 'must be an XDM eventType such as _acme.callCenter.wrapUp')
  }
  const agent = v.agent ?? 'hashed'
  if (agent !== 'hashed' && agent !== 'id' && agent !== 'none')
    c.fail('interactions.agent', 'must be hashed, id or none')
  const noteMaxLength = v.noteMaxLength ?? LIMITS.noteDefault
  const noteOk =
    Number.isInteger(noteMaxLength) && (noteMaxLength as number) >= 1 && (noteMaxLength as number) <= LIMITS.noteMax
  if (!noteOk) c.fail('interactions.noteMaxLength', `must be a whole number from 1 to ${LIMITS.noteMax}`)
  const fields = fieldPaths(v.fields, c)
  const topics = choices(v.topics, 'interactions.topics', c, null)
  const outcomes = choices(v.outcomes, 'interactions.outcomes', c, DEFAULT_OUTCOMES)
  const sentiments = choices(v.sentiments, 'interactions.sentiments', c, DEFAULT_SENTIMENTS)
  if (!schemaId || !versionOk || !fields || !noteOk || (agent !== 'hashed' && agent !== 'id' && agent !== 'none'))
    return null
  return {
    schemaId,
    schemaVersion: schemaVersion as number,
    eventType,
    agent,
    fields,
    topics,
    outcomes,
    sentiments,
    noteMaxLength: noteMaxLength as number
  }
}
