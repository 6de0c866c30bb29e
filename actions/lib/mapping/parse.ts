/**
 * Validates CUSTOMER_VIEW_MAPPING. Every problem is reported at once, each under the path of the
 * field at fault (`attributes[2].format`), so an admin fixes the setting in one pass. The former
 * INSIGHT_FIELD_MAP keys are accepted unchanged, so that value can be pasted in as it is.
 */
import { DOT_PATH, EVENT_KINDS, placeholders } from '../xdm'
import { Checker, isObj, type Obj } from './checker'
import { interactionShape } from './interaction-shape'
import { DEFAULT_REASONS, reasonSettings } from './reason-settings'
import {
  type AttributeFormat,
  type AttributeRule,
  type Bands,
  EVENT_DETAIL_PATHS,
  type EventDetailPath,
  type EventMatch,
  type EventRule,
  type InsightRule,
  type InteractionShape,
  type LocalizedText,
  type ViewMapping
} from './types'

/** The setting could not be used; `fields` maps a path in the JSON to what is wrong there. */
export class MappingError extends Error {
  constructor(readonly fields: Record<string, string>) {
    super(
      `invalid: ${Object.entries(fields)
        .map(([k, v]) => `${k} ${v}`)
        .join('; ')}`
    )
  }
}

export const DEFAULT_BANDS: Readonly<Bands> = Object.freeze({ medium: 0.34, high: 0.67 })

/** With no setting the view shows the standard field groups only: no tenant path is guessed. */
export const EMPTY_MAPPING: Readonly<ViewMapping> = Object.freeze({
  attributes: [],
  insights: [],
  lifetimeValue: null,
  events: [],
  bands: DEFAULT_BANDS,
  defaultCurrency: 'USD',
  reasons: DEFAULT_REASONS,
  interactions: null
})

const FORMATS: readonly AttributeFormat[] = ['text', 'number', 'money', 'date', 'boolean', 'enum']
const TOP_KEYS = new Set([
  'attributes',
  'insights',
  'lifetimeValue',
  'events',
  'defaultCurrency',
  'bands',
  'reasons',
  'interactions',
  // INSIGHT_FIELD_MAP's keys
  'lifetimeValueCurrency',
  'churnPropensity',
  'engagementPropensity'
])
const LIMITS = { attributes: 50, insights: 20, events: 50, label: 80, template: 300, id: 64, labelledPaths: 20 }
const CURRENCY = /^[A-Z]{3}$/

function attributeRule(v: unknown, at: string, c: Checker, seen: Set<string>): AttributeRule | undefined {
  if (!isObj(v)) return c.fail(at, 'must be an object with path, label and format')
  c.unknownKeys(v, ['id', 'path', 'label', 'format', 'currencyPath', 'currency', 'enumLabels'], at)
  const path = c.path(v.path, `${at}.path`)
  const label = c.text(v.label, `${at}.label`, LIMITS.label)
  const format = v.format ?? 'text'
  if (!FORMATS.includes(format as AttributeFormat)) c.fail(`${at}.format`, `must be one of ${FORMATS.join(', ')}`)
  const id = c.id(v.id, typeof v.path === 'string' ? v.path : '', `${at}.id`, seen)
  if (!path || !label || !id || !FORMATS.includes(format as AttributeFormat)) return undefined
  const rule: AttributeRule = { id, path, label, format: format as AttributeFormat }
  if (v.currencyPath !== undefined) rule.currencyPath = c.path(v.currencyPath, `${at}.currencyPath`)
  if (v.currency !== undefined) {
    if (typeof v.currency === 'string' && CURRENCY.test(v.currency)) rule.currency = v.currency
    else c.fail(`${at}.currency`, 'must be an ISO 4217 code such as USD')
  }
  if ((rule.currencyPath || rule.currency) && format !== 'money')
    c.fail(`${at}.format`, 'must be money when a currency is given')
  if (v.enumLabels !== undefined) {
    if (format !== 'enum') c.fail(`${at}.enumLabels`, 'is only for format enum')
    else if (!isObj(v.enumLabels) || Object.keys(v.enumLabels).length > 100)
      c.fail(`${at}.enumLabels`, 'must be an object of at most 100 value → label entries')
    else {
      const labels: Record<string, LocalizedText> = Object.create(null)
      for (const [raw, l] of Object.entries(v.enumLabels)) {
        const text = c.text(l, `${at}.enumLabels.${raw}`, LIMITS.label)
        if (text) labels[raw] = text
      }
      rule.enumLabels = labels
    }
  }
  return rule
}

function insightRule(v: unknown, at: string, c: Checker, seen: Set<string>, bands: Bands): InsightRule | undefined {
  if (!isObj(v)) return c.fail(at, 'must be an object with id, path and label')
  c.unknownKeys(v, ['id', 'path', 'label', 'scale', 'bands', 'highIs'], at)
  const id = c.id(v.id, '', `${at}.id`, seen)
  const path = c.path(v.path, `${at}.path`)
  const label = c.text(v.label ?? v.id, `${at}.label`, LIMITS.label)
  const scale = v.scale ?? 1
  if (scale !== 1 && scale !== 100) c.fail(`${at}.scale`, 'must be 1 (scores in 0..1) or 100 (0..100)')
  const highIs = v.highIs ?? 'risk'
  if (highIs !== 'risk' && highIs !== 'opportunity') c.fail(`${at}.highIs`, 'must be risk or opportunity')
  const own = c.bands(v.bands, `${at}.bands`, bands)
  if (!id || !path || !label || (scale !== 1 && scale !== 100) || (highIs !== 'risk' && highIs !== 'opportunity'))
    return undefined
  return { id, path, label, scale, bands: own, highIs }
}

function eventMatch(v: unknown, at: string, c: Checker): EventMatch | undefined {
  if (isObj(v) && typeof v.eventType === 'string' && Object.keys(v).length === 1) {
    if (/^[A-Za-z_][A-Za-z0-9_.-]{0,119}$/.test(v.eventType)) return { eventType: v.eventType }
    return c.fail(`${at}.eventType`, 'must be an XDM eventType such as _acme.callCenter.interaction')
  }
  if (isObj(v) && v.hasPath !== undefined && Object.keys(v).length === 1) {
    const hasPath = c.path(v.hasPath, `${at}.hasPath`)
    return hasPath ? { hasPath } : undefined
  }
  return c.fail(at, 'must be {"eventType": "…"} or {"hasPath": "…"}')
}

function template(v: unknown, at: string, c: Checker): LocalizedText | undefined {
  const text = c.text(v, at, LIMITS.template)
  if (!text) return undefined
  for (const [lang, t] of Object.entries(text))
    for (const path of placeholders(t ?? ''))
      if (!DOT_PATH.test(path))
        c.fail(
          `${at}${lang === 'en' && typeof v === 'string' ? '' : `.${lang}`}`,
          `has a placeholder {${path}} that is not a dot path`
        )
  return text
}

function eventRule(
  v: unknown,
  at: string,
  c: Checker,
  seen: Set<string>,
  kinds: readonly string[]
): EventRule | undefined {
  if (!isObj(v)) return c.fail(at, 'must be an object with id, match and kind')
  c.unknownKeys(v, ['id', 'match', 'kind', 'channel', 'details', 'summary', 'valueLabels'], at)
  const id = c.id(v.id, '', `${at}.id`, seen)
  const match = eventMatch(v.match, `${at}.match`, c)
  const kind = typeof v.kind === 'string' && kinds.includes(v.kind) ? v.kind : undefined
  if (!kind)
    c.fail(`${at}.kind`, `must be one of the event kinds (${kinds.slice(0, 6).join(', ')}, …; see docs/deploy.md)`)
  let channel: string | null = null
  if (v.channel !== undefined && v.channel !== null) {
    if (typeof v.channel === 'string' && /^[a-zA-Z][a-zA-Z0-9-]{0,39}$/.test(v.channel)) channel = v.channel
    else c.fail(`${at}.channel`, 'must be a channel name such as phone or store')
  }
  const details: Partial<Record<EventDetailPath, string>> = {}
  if (v.details !== undefined) {
    if (!isObj(v.details)) c.fail(`${at}.details`, 'must be an object of detail → dot path')
    else
      for (const [k, p] of Object.entries(v.details)) {
        if (!(EVENT_DETAIL_PATHS as readonly string[]).includes(k))
          c.fail(`${at}.details.${k}`, `is not a detail (${EVENT_DETAIL_PATHS.join(', ')})`)
        else {
          const path = c.path(p, `${at}.details.${k}`)
          if (path) details[k as EventDetailPath] = path
        }
      }
  }
  const summary = v.summary === undefined ? undefined : template(v.summary, `${at}.summary`, c)
  if (!id || !match || !kind) return undefined
  const rule: EventRule = { id, match, kind, channel, details }
  if (summary) rule.summary = summary
  const labels = v.valueLabels === undefined ? undefined : valueLabels(v.valueLabels, `${at}.valueLabels`, c)
  if (labels) rule.valueLabels = labels
  return rule
}

/** `{ "<dot path>": { "<stored code>": label } }`, bounded like enumLabels. */
function valueLabels(v: unknown, at: string, c: Checker): EventRule['valueLabels'] {
  if (!isObj(v) || Object.keys(v).length > LIMITS.labelledPaths)
    return c.fail(at, `must be an object of at most ${LIMITS.labelledPaths} dot path → {code: label} entries`)
  const out: NonNullable<EventRule['valueLabels']> = Object.create(null)
  for (const [path, codes] of Object.entries(v)) {
    if (!c.path(path, `${at}.${path}`)) continue
    if (!isObj(codes) || Object.keys(codes).length > 100) {
      c.fail(`${at}.${path}`, 'must be an object of at most 100 code → label entries')
      continue
    }
    const labels: Record<string, LocalizedText> = Object.create(null)
    for (const [code, l] of Object.entries(codes)) {
      const text = c.text(l, `${at}.${path}.${code}`, LIMITS.label)
      if (text) labels[code] = text
    }
    out[path] = labels
  }
  return out
}

/** The wrap-up's choices label the codes it writes, in every event rule that has no words of its own for them. */
function withInteractionLabels(rules: EventRule[], shape: InteractionShape | null): EventRule[] {
  if (!shape) return rules
  const lists = [
    [shape.fields.topic, shape.topics],
    [shape.fields.outcome, shape.outcomes],
    [shape.fields.sentiment, shape.sentiments]
  ] as const
  return rules.map((rule) => {
    const labels: NonNullable<EventRule['valueLabels']> = Object.assign(Object.create(null), rule.valueLabels)
    for (const [path, choices] of lists)
      if (path && !labels[path]) labels[path] = Object.fromEntries(choices.map((ch) => [ch.code, ch.label]))
    return { ...rule, valueLabels: labels }
  })
}

function lifetimeValue(o: Obj, c: Checker): ViewMapping['lifetimeValue'] {
  const v = o.lifetimeValue
  if (v === undefined || v === null) {
    if (o.lifetimeValueCurrency !== undefined) c.fail('lifetimeValueCurrency', 'needs lifetimeValue')
    return null
  }
  if (typeof v === 'string') {
    const path = c.path(v, 'lifetimeValue')
    const cur =
      o.lifetimeValueCurrency === undefined ? undefined : c.path(o.lifetimeValueCurrency, 'lifetimeValueCurrency')
    return path ? { path, currencyPath: cur ?? `${path.split('.').slice(0, -1).join('.') || path}.currency` } : null
  }
  if (o.lifetimeValueCurrency !== undefined)
    c.fail('lifetimeValueCurrency', 'is only for a lifetimeValue given as a path; use lifetimeValue.currencyPath')
  if (!isObj(v)) return c.fail('lifetimeValue', 'must be {"path": …, "currencyPath": …}') ?? null
  c.unknownKeys(v, ['path', 'currencyPath'], 'lifetimeValue')
  const path = c.path(v.path, 'lifetimeValue.path')
  const currencyPath = v.currencyPath === undefined ? undefined : c.path(v.currencyPath, 'lifetimeValue.currencyPath')
  return path
    ? { path, currencyPath: currencyPath ?? `${path.split('.').slice(0, -1).join('.') || path}.currency` }
    : null
}

/** INSIGHT_FIELD_MAP's churnPropensity / engagementPropensity as insight rules. */
function legacyInsights(o: Obj, c: Checker, bands: Bands): Obj[] {
  const out: Obj[] = []
  const legacy = [
    ['churnPropensity', 'Churn propensity', 'risk'],
    ['engagementPropensity', 'Engagement propensity', 'opportunity']
  ] as const
  for (const [id, label, highIs] of legacy) {
    if (o[id] === undefined) continue
    const path = c.path(o[id], id)
    if (path) out.push({ id, path, label, highIs, bands })
  }
  return out
}

/**
 * Parses the setting (undefined or empty: the empty mapping). `kinds` lists the event kinds a rule
 * may name. Throws MappingError naming every field at fault.
 */
export function parseViewMapping(json: string | undefined, kinds: readonly string[] = EVENT_KINDS): ViewMapping {
  if (json === undefined || json.trim() === '') return EMPTY_MAPPING
  let input: unknown
  try {
    input = JSON.parse(json)
  } catch {
    throw new MappingError({ '': 'must be a JSON object' })
  }
  if (!isObj(input)) throw new MappingError({ '': 'must be a JSON object' })
  const c = new Checker()
  for (const k of Object.keys(input)) if (!TOP_KEYS.has(k)) c.fail(k, 'is not a known key')
  const bands = c.bands(input.bands, 'bands', DEFAULT_BANDS)
  let defaultCurrency = 'USD'
  if (input.defaultCurrency !== undefined) {
    if (typeof input.defaultCurrency === 'string' && CURRENCY.test(input.defaultCurrency))
      defaultCurrency = input.defaultCurrency
    else c.fail('defaultCurrency', 'must be an ISO 4217 code such as USD')
  }
  const attrIds = new Set<string>()
  const attributes = c
    .list(input.attributes, 'attributes', LIMITS.attributes)
    .map((v, i) => attributeRule(v, `attributes[${i}]`, c, attrIds))
  const insightIds = new Set<string>()
  const insightInputs = [...c.list(input.insights, 'insights', LIMITS.insights), ...legacyInsights(input, c, bands)]
  const insights = insightInputs.map((v, i) => insightRule(v, `insights[${i}]`, c, insightIds, bands))
  const eventIds = new Set<string>()
  const events = c
    .list(input.events, 'events', LIMITS.events)
    .map((v, i) => eventRule(v, `events[${i}]`, c, eventIds, kinds))
  const interactions = interactionShape(input.interactions, c)
  const mapping: ViewMapping = {
    attributes: attributes.filter((a): a is AttributeRule => a !== undefined),
    insights: insights.filter((a): a is InsightRule => a !== undefined),
    lifetimeValue: lifetimeValue(input, c),
    events: withInteractionLabels(
      events.filter((a): a is EventRule => a !== undefined),
      interactions
    ),
    bands,
    defaultCurrency,
    reasons: reasonSettings(input.reasons, c),
    interactions
  }
  if (Object.keys(c.fields).length > 0) throw new MappingError(c.fields)
  return mapping
}
