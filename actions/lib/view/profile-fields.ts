/**
 * The merged profile as path/value leaves for the "All attributes" panel, so that an agent can
 * find a field the mapping does not show. Bounded: AEP profiles can be large, and the view is
 * cached under State's value limit.
 */
import { printable } from './text'
import type { ProfileField } from './view-types'

export const MAX_PROFILE_FIELDS = 1000
const MAX_VALUE = 200
const MAX_DEPTH = 16
const MAX_ARRAY_ITEMS = 50

export interface ProfileFields {
  fields: ProfileField[]
  trimmed: boolean
}

function leafText(v: unknown): string | null {
  if (typeof v === 'string') return printable(v, MAX_VALUE) ?? ''
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : null
  if (typeof v === 'boolean') return String(v)
  return null
}

/** Every leaf of `entity`, sorted by path. `identityMap` and `segmentMembership` are shown elsewhere. */
export function profileFieldsOf(entity: Record<string, unknown>): ProfileFields {
  const out: ProfileField[] = []
  let trimmed = false
  const walk = (v: unknown, path: string, depth: number): void => {
    if (out.length >= MAX_PROFILE_FIELDS) {
      trimmed = true
      return
    }
    if (typeof v === 'object' && v !== null && depth >= MAX_DEPTH) {
      trimmed = true
      return
    }
    if (Array.isArray(v)) {
      if (v.length > MAX_ARRAY_ITEMS) trimmed = true
      v.slice(0, MAX_ARRAY_ITEMS).forEach((item, i) => {
        walk(item, `${path}[${i}]`, depth + 1)
      })
      return
    }
    if (typeof v === 'object' && v !== null) {
      for (const key of Object.keys(v).sort()) {
        if (depth === 0 && (key === 'identityMap' || key === 'segmentMembership')) continue
        const name = printable(key, 100)
        if (!name) continue
        walk((v as Record<string, unknown>)[key], path ? `${path}.${name}` : name, depth + 1)
      }
      return
    }
    const text = leafText(v)
    if (text !== null) out.push({ path, value: text })
  }
  walk(entity, '', 0)
  return { fields: out, trimmed }
}
