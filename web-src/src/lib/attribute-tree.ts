/**
 * The merged profile's leaves (`customer.allAttributes`) as a tree grouped by path segment, and the
 * same tree cut down to what a search matches. Both are linear in the number of leaves, so a profile
 * of a thousand fields filters on every keystroke.
 */
import type { ProfileField } from '../../../actions/lib/view/view-types'

export interface AttributeLeaf {
  kind: 'leaf'
  /** The full dot path, unique in the tree. */
  key: string
  name: string
  value: string
  /** Path and value in lower case, for matching. */
  haystack: string
}

export interface AttributeGroup {
  kind: 'group'
  /** The path up to and including this segment, unique in the tree. */
  key: string
  name: string
  children: AttributeNode[]
  leafCount: number
}

export type AttributeNode = AttributeGroup | AttributeLeaf

/** `productListItems[0].name` → `productListItems`, `[0]`, `name`. */
export function pathSegments(path: string): string[] {
  return path.split(/\.|(?=\[)/).filter((s) => s !== '')
}

const group = (key: string, name: string): AttributeGroup => ({ kind: 'group', key, name, children: [], leafCount: 0 })

/** Groups the leaves by path segment, keeping their order (the view sorts them by path). */
export function buildAttributeTree(fields: ProfileField[]): AttributeGroup {
  const root = group('', '')
  const groups = new Map<string, AttributeGroup>([['', root]])
  for (const field of fields) {
    const segments = pathSegments(field.path)
    const leafName = segments.pop() ?? field.path
    const trail: AttributeGroup[] = [root]
    let parent = root
    let key = ''
    for (const segment of segments) {
      key = key === '' ? segment : segment.startsWith('[') ? `${key}${segment}` : `${key}.${segment}`
      let next = groups.get(key)
      if (!next) {
        next = group(key, segment)
        groups.set(key, next)
        parent.children.push(next)
      }
      trail.push(next)
      parent = next
    }
    parent.children.push({
      kind: 'leaf',
      key: field.path,
      name: leafName,
      value: field.value,
      haystack: `${field.path}\n${field.value}`.toLowerCase()
    })
    for (const g of trail) g.leafCount += 1
  }
  return root
}

/** The branches holding leaves whose path or value contains `query` (any case); null when none do. */
export function filterAttributeTree(node: AttributeGroup, query: string): AttributeGroup | null {
  const needle = query.trim().toLowerCase()
  if (needle === '') return node
  const children: AttributeNode[] = []
  let leafCount = 0
  for (const child of node.children) {
    if (child.kind === 'leaf') {
      if (child.haystack.includes(needle)) {
        children.push(child)
        leafCount += 1
      }
    } else {
      const kept = filterAttributeTree(child, needle)
      if (kept) {
        children.push(kept)
        leafCount += kept.leafCount
      }
    }
  }
  return leafCount > 0 ? { ...node, children, leafCount } : null
}
