/**
 * Does every field the customer-view mapping reads exist in the org's data model? The profile
 * and experience-event union schemas are read from the Schema Registry of each sandbox a caller
 * may pick (`GET /data/foundation/schemaregistry/tenant/schemas/{url-encoded $id}` with
 * `Accept: application/vnd.adobe.xed-full+json; version=1`, help/xdm/api/unions.md), and each
 * mapped path (attributes, insights, lifetimeValue, event rules' hasPath, details and summary
 * placeholders) is looked up in them. A path that is not there gets its own FAIL line.
 */
import type { FetchLike } from '../../actions/lib/aep/upstream-http'
import type { Config } from '../../actions/lib/config/config'
import { type MappedPath, mappedPaths, type ViewMapping } from '../../actions/lib/mapping'
import { aepProbe, type ProbeOutcome } from './aep-probe'
import { type CheckResult, check } from './types'

const GROUP = 'Customer view mapping'
const BASE = '/data/foundation/schemaregistry/tenant/schemas/'
export const UNION_IDS = {
  profile: 'https://ns.adobe.com/xdm/context/profile__union',
  event: 'https://ns.adobe.com/xdm/context/experienceevent__union'
} as const
const KIND_NAME = { profile: 'profile', event: 'experience-event' } as const

type Kind = MappedPath['schema']

/** A resolved (xed-full) schema node: only what a lookup needs. */
interface Node {
  type?: unknown
  properties?: Record<string, Node>
  items?: Node
  additionalProperties?: Node | boolean
}

/** Reads one union schema of one sandbox. */
export interface UnionReader {
  union(kind: Kind, sandbox: string): Promise<ProbeOutcome>
}

/** The Schema Registry of `config.baseUrl`, with the headers every Platform API wants. */
export function schemaRegistry(config: Config['aep'], token: string, fetchImpl?: FetchLike): UnionReader {
  const probe = aepProbe(config, token, fetchImpl)
  return {
    union: (kind, sandbox) =>
      probe.get(BASE + encodeURIComponent(UNION_IDS[kind]), sandbox, 'application/vnd.adobe.xed-full+json; version=1')
  }
}

function isNode(v: unknown): v is Node {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

type Lookup = { found: true; array?: string } | { found: false }

/** Walks a dot path through properties, map values (additionalProperties) and array items. */
function lookup(root: Node, path: string): Lookup {
  let at: Node | undefined = root
  let array: string | undefined
  const steps = path.split('.')
  for (const [i, step] of steps.entries()) {
    if (at?.type === 'array' && isNode(at.items)) {
      array ??= steps.slice(0, i).join('.')
      at = at.items
    }
    const own: Node | undefined = at?.properties?.[step]
    const map: Node | boolean | undefined = at?.additionalProperties
    at = isNode(own) ? own : isNode(map) ? map : undefined
    if (at === undefined) return { found: false }
  }
  return array === undefined ? { found: true } : { found: true, array }
}

/** Leaf paths of a tree (arrays and maps not entered), for "did you mean" hints. */
function leaves(node: Node, prefix: string, out: string[]): string[] {
  for (const [k, child] of Object.entries(node.properties ?? {})) {
    const path = prefix ? `${prefix}.${k}` : k
    if (isNode(child) && child.properties) leaves(child, path, out)
    else out.push(path)
  }
  return out
}

function suggestion(trees: Node[], path: string): string | undefined {
  const last = path.split('.').pop() ?? path
  const candidates = trees.flatMap((t) => leaves(t, '', [])).filter((p) => p.split('.').pop() === last)
  return candidates.sort((a, b) => a.length - b.length)[0]
}

const plural = (sandboxes: string[]): string =>
  sandboxes.length === 1 ? `sandbox ${sandboxes[0]}` : `sandboxes ${sandboxes.join(', ')}`

/**
 * One FAIL per mapped path missing from its union schema (naming where it sits in `setting`), a
 * WARN per path that runs through an array, PASS when every path exists; SKIP when the Schema
 * Registry cannot be reached.
 */
export async function checkSchemas(
  mapping: ViewMapping,
  setting: string,
  sandboxes: string[],
  reader: UnionReader
): Promise<CheckResult[]> {
  const paths = mappedPaths(mapping)
  if (paths.length === 0)
    return [check.skip(GROUP, `${setting} maps no fields`, 'Nothing to check against the union schemas yet.')]
  const kinds = [...new Set(paths.map((p) => p.schema))]
  const results: CheckResult[] = []
  const trees = new Map<string, Node>()
  for (const sandbox of sandboxes) {
    for (const kind of kinds) {
      const answer = await reader.union(kind, sandbox)
      const key = `${sandbox}/${kind}`
      if (answer.kind === 'ok') {
        const body = isNode(answer.body) ? answer.body : {}
        trees.set(key, { type: 'object', properties: body.properties ?? {} })
      } else if (!('status' in answer)) {
        return [
          check.skip(
            GROUP,
            `Mapped paths not checked: the Schema Registry could not be reached (${answer.message})`,
            'Fix the AEP access above first; then retry.'
          )
        ]
      } else if (answer.status === 404) {
        // No schema of the class is enabled for Profile: every path of that kind is missing.
        trees.set(key, { type: 'object', properties: {} })
      } else {
        results.push(
          check.warn(
            GROUP,
            `The ${KIND_NAME[kind]} union schema of sandbox ${sandbox} could not be read (HTTP ${answer.status}: ${answer.message})`,
            "Give the credential's product profile read access to schemas (Schema Registry); its paths are not checked there."
          )
        )
      }
    }
  }
  let problems = 0
  for (const p of paths) {
    const missing: string[] = []
    const arrays = new Set<string>()
    for (const sandbox of sandboxes) {
      const tree = trees.get(`${sandbox}/${p.schema}`)
      if (!tree) continue
      const found = lookup(tree, p.path)
      if (!found.found) missing.push(sandbox)
      else if (found.array) arrays.add(found.array)
    }
    const label = `${setting}.${p.where} ${p.path}`
    if (missing.length > 0) {
      problems++
      const own = missing.flatMap((s) => trees.get(`${s}/${p.schema}`) ?? [])
      const near = suggestion(own, p.path)
      results.push(
        check.fail(
          GROUP,
          `${label} is not in the ${KIND_NAME[p.schema]} union schema of ${plural(missing)}`,
          near
            ? `Did you mean ${near}? Fix the path in ${setting}.`
            : `Check the field in Experience Platform → Schemas (tenant fields start with _<tenant>.) and that its schema is enabled for Profile; or fix ${setting}.`
        )
      )
    } else if (arrays.size > 0) {
      problems++
      results.push(
        check.warn(
          GROUP,
          `${label} runs through the array ${[...arrays].join(', ')}: the view reads fields outside arrays only`,
          `Point ${setting}.${p.where} at a field that is not inside an array.`
        )
      )
    }
  }
  const checked = sandboxes.filter((s) => kinds.every((k) => trees.has(`${s}/${k}`)))
  if (problems === 0 && checked.length > 0)
    results.push(
      check.pass(
        GROUP,
        `All ${paths.length} mapped paths of ${setting} exist in the union schemas of ${plural(checked)}`
      )
    )
  return results
}
