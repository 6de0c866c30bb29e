/** The field paths a mapping reads: for the doctor's check against the org's union schemas. */
import { placeholders } from '../xdm'
import type { ViewMapping } from './types'

export interface MappedPath {
  /** Where the path sits in the setting, e.g. `attributes[2].path`. */
  where: string
  path: string
  /** Which union schema should hold it. */
  schema: 'profile' | 'event'
}

/** Every field path the mapping reads, for checking against the org's union schemas. */
export function mappedPaths(m: ViewMapping): MappedPath[] {
  const out: MappedPath[] = []
  m.attributes.forEach((a, i) => {
    out.push({ where: `attributes[${i}].path`, path: a.path, schema: 'profile' })
    if (a.currencyPath) out.push({ where: `attributes[${i}].currencyPath`, path: a.currencyPath, schema: 'profile' })
  })
  m.insights.forEach((s, i) => {
    out.push({ where: `insights[${i}].path`, path: s.path, schema: 'profile' })
  })
  if (m.lifetimeValue) {
    out.push({ where: 'lifetimeValue.path', path: m.lifetimeValue.path, schema: 'profile' })
    out.push({ where: 'lifetimeValue.currencyPath', path: m.lifetimeValue.currencyPath, schema: 'profile' })
  }
  m.events.forEach((e, i) => {
    if ('hasPath' in e.match) out.push({ where: `events[${i}].match.hasPath`, path: e.match.hasPath, schema: 'event' })
    for (const [k, p] of Object.entries(e.details))
      if (p) out.push({ where: `events[${i}].details.${k}`, path: p, schema: 'event' })
    for (const [lang, t] of Object.entries(e.summary ?? {}))
      for (const path of placeholders(t ?? ''))
        if (path) out.push({ where: `events[${i}].summary.${lang}`, path, schema: 'event' })
  })
  // The wrap-up writes these: a path the schema lacks makes AEP refuse (or silently drop) every wrap-up.
  for (const [field, path] of Object.entries(m.interactions?.fields ?? {}))
    if (path) out.push({ where: `interactions.fields.${field}`, path, schema: 'event' })
  return out
}
