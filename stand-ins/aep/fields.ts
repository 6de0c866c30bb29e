/**
 * The `fields` filter of the entities API: keep only the listed dot paths (arrays are filtered
 * element by element). Like Adobe, nothing is kept implicitly — not even identityMap.
 */

export function parseFields(value: string | null | undefined): string[] | undefined {
  if (value === null || value === undefined || value.trim() === '') return undefined
  return value
    .split(',')
    .map((f) => f.trim())
    .filter((f) => f !== '')
}

export function pickFields(entity: unknown, fields: string[] | undefined): unknown {
  if (fields === undefined) return entity
  return pick(
    entity,
    fields.map((f) => f.split('.'))
  )
}

function pick(value: unknown, paths: string[][]): unknown {
  if (Array.isArray(value)) {
    return value.map((item) => pick(item, paths)).filter((item) => item !== undefined)
  }
  if (typeof value !== 'object' || value === null) return undefined
  const source = value as Record<string, unknown>
  const out: Record<string, unknown> = {}
  const byHead = new Map<string, string[][]>()
  for (const [head, ...rest] of paths) {
    if (head === undefined) continue
    const list = byHead.get(head) ?? []
    list.push(rest)
    byHead.set(head, list)
  }
  for (const [head, rests] of byHead) {
    if (!(head in source)) continue
    const child = source[head]
    if (rests.some((r) => r.length === 0)) {
      out[head] = child
      continue
    }
    const picked = pick(child, rests)
    if (picked !== undefined && !isEmptyObject(picked)) out[head] = picked
  }
  return out
}

function isEmptyObject(v: unknown): boolean {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && Object.keys(v).length === 0
}
