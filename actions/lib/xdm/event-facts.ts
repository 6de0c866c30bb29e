/**
 * A line for an event no rule knows (a tenant event such as Adobe's call-centre sample
 * `_acsultimatesupport.interactionDetails.core.callCenterAgent.{callTopic,callFeeling}`): its most
 * telling short fields under the tenant object, never ids, hashes, links, times or identities.
 */
import { finite, isXdmObject, plainText, type XdmObject } from './event-values'

export interface EventFact {
  /** The field's name in words ("Call topic"). */
  field: string
  value: string
}

export interface GenericReading {
  /** Where the facts sit, in words ("Call Center Agent"), when the event has a tenant object. */
  heading: string | undefined
  facts: EventFact[]
}

const MAX_FACTS = 3
const MAX_DEPTH = 8
const MAX_NODES = 400
/** Field names an agent reads first, most telling first. */
const TELLING = ['topic', 'reason', 'outcome', 'status', 'name', 'title', 'type', 'category', 'feeling', 'sentiment']
/** Objects that hold who the customer is, not what happened. */
const IDENTITY_GROUP = /^(identification|identities|identity|identitymap|systemidentifier|ids|consents?)$/i
/** Ids, hashes, links, times and identities, by field name (whole, after `_`, or as a camelCase suffix). */
const SKIP_NAME =
  /(^|_)(id|ids|uuid|guid|key|hash|token|url|uri|href|email|phone|phonenumber|mobile|ecid|crmid|ip|ipv4|ipv6|password|timestamp|date|time|(user|first|last|full|middle|given|family|nick)name)$/i
const SKIP_CAMEL = /[a-z0-9](Id|ID|Ids|IDs|Key|Hash|Token|Url|URL|Uri|URI|Email|Phone|Number|Date|Time|At|Timestamp)$/
/** Values that are ids, links, contact details or times whatever the field is called. */
const SKIP_VALUE = [
  /^[a-z][a-z0-9+.-]*:\/\//i,
  /^www\./i,
  /^[^\s@]+@[^\s@]+\.[^\s@]+$/,
  /^\+?[\d\s().-]{7,}$/,
  /^\d{4}-\d{2}-\d{2}/,
  /^[0-9a-f]{8}-[0-9a-f]{4}-/i,
  /^[0-9a-f]{20,}$/i,
  /^(none|null|undefined|unknown|n\/a|na|-)$/i
]
/** Container names that say nothing on their own ("core", "details"): the heading looks past them. */
const BLAND = /^(core|details?|data|info|information|interactiondetails|attributes|fields|properties|values?)$/i

/** `callCenterAgent` → "Call Center Agent"; `pointsRedeemed` → "Points Redeemed". */
export function titleWords(name: string): string {
  return name
    .replace(/^_+/, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .trim()
    .split(/\s+/)
    .map((w) => (w === '' ? w : w[0]?.toUpperCase() + w.slice(1)))
    .join(' ')
}

/** `callTopic` → "Call topic". */
export function fieldWords(name: string): string {
  const words = titleWords(name)
  return words.charAt(0) + words.slice(1).toLowerCase()
}

/** An eventType no catalogue knows, in words: `loyalty.pointsRedeemed` → "Loyalty · Points Redeemed". */
export function humaniseEventType(eventType: string): string | undefined {
  const words = eventType
    .split('.')
    .map((s) => titleWords(s))
    .filter((s) => s !== '')
  const text = plainText(words.join(' · '), 80)
  return text && !/^(unknown|other|none|null|undefined)$/i.test(text) ? text : undefined
}

interface Leaf {
  name: string
  value: string
  parents: string[]
  rank: number
  order: number
}

function leafValue(v: unknown): string | undefined {
  const n = finite(v)
  if (n !== undefined) return Number.isInteger(n) && Math.abs(n) >= 1e9 ? undefined : String(n)
  const s = plainText(v, 61)
  if (!s || s.length > 60 || SKIP_VALUE.some((re) => re.test(s))) return undefined
  return s
}

function rankOf(name: string, value: string): number {
  const lower = name.toLowerCase()
  const i = TELLING.findIndex((w) => lower.includes(w))
  return i >= 0 ? i : TELLING.length + (/^-?\d/.test(value) ? 1 : 0)
}

/** An XDM measure (`screenView: { value: 1 }`) counts the event itself and says nothing about it. */
const isMeasure = (v: XdmObject): boolean => Object.keys(v).every((k) => k === 'value' || k === 'id')

function collect(node: XdmObject, parents: string[], out: Leaf[], budget: { nodes: number }): void {
  for (const [key, value] of Object.entries(node)) {
    if (--budget.nodes < 0) return
    if (Array.isArray(value)) {
      for (const item of value.slice(0, 3))
        if (isXdmObject(item) && parents.length < MAX_DEPTH) collect(item, [...parents, key], out, budget)
    } else if (isXdmObject(value)) {
      if (!IDENTITY_GROUP.test(key) && !isMeasure(value) && parents.length < MAX_DEPTH)
        collect(value, [...parents, key], out, budget)
    } else if (!SKIP_NAME.test(key) && !SKIP_CAMEL.test(key)) {
      const text = leafValue(value)
      if (text) out.push({ name: key, value: text, parents, rank: rankOf(key, text), order: out.length })
    }
  }
}

/** The tenant objects of an event: top-level `_<tenant>` fields other than Adobe's `_experience`. */
function tenants(e: XdmObject): Array<[string, XdmObject]> {
  return Object.entries(e).filter(
    (entry): entry is [string, XdmObject] =>
      entry[0].startsWith('_') && !['_experience', '_id', '_repo'].includes(entry[0]) && isXdmObject(entry[1])
  )
}

/** Up to three telling facts of the event's tenant fields, and the object they describe. */
export function genericReading(e: XdmObject): GenericReading {
  const leaves: Leaf[] = []
  const budget = { nodes: MAX_NODES }
  for (const [key, value] of tenants(e)) collect(value, [key], leaves, budget)
  const chosen = [...leaves]
    .sort((a, b) => a.rank - b.rank || a.order - b.order)
    .slice(0, MAX_FACTS)
    .sort((a, b) => a.order - b.order)
  const first = chosen[0] ?? leaves[0]
  const tenant = tenants(e)[0]
  const containers = first?.parents ?? (tenant ? [tenant[0]] : [])
  const named = [...containers].reverse().find((p) => !BLAND.test(p) && !p.startsWith('_'))
  return {
    heading: named ? plainText(titleWords(named), 60) : undefined,
    facts: chosen.map((l) => ({ field: plainText(fieldWords(l.name), 60) ?? l.name, value: l.value }))
  }
}
