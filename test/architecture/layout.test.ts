/**
 * The layout is the architecture: actions/lib/<concern>/ folders, each reached only through its
 * index.ts, with imports flowing one way (ALLOWED below); endpoint folders reach lib only through
 * those indexes and never each other. A new import that breaks the rule fails here.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, normalize, relative } from 'node:path'

const ACTIONS = join(__dirname, '..', '..', 'actions')

/** Which concern folders each may import. Read it bottom-up: the lower rooms know nothing of the higher. */
const ALLOWED: Record<string, string[]> = {
  async: [],
  errors: [],
  observability: [],
  xdm: [],
  mapping: ['xdm'],
  config: ['errors', 'mapping', 'observability'],
  aep: ['errors', 'observability'],
  view: ['aep', 'config', 'mapping', 'xdm'],
  guidance: ['mapping', 'view'],
  input: ['aep', 'config', 'errors', 'view'],
  interactions: ['config', 'errors', 'input', 'mapping', 'observability', 'xdm'],
  ims: ['async', 'config', 'errors', 'observability'],
  cache: ['aep', 'async', 'config', 'ims', 'observability', 'view'],
  lookup: ['aep', 'cache', 'config', 'errors', 'guidance', 'input', 'mapping', 'observability', 'view'],
  services: ['aep', 'cache', 'config', 'ims', 'observability'],
  http: ['config', 'errors', 'ims', 'input', 'observability', 'services']
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? filesUnder(path) : path.endsWith('.ts') ? [path] : []
  })
}

interface Edge {
  from: string
  file: string
  spec: string
  target: string
}

/** Every relative import of actions/, as (folder of the importer, resolved target). */
function edges(): Edge[] {
  return filesUnder(ACTIONS).flatMap((file) =>
    [...readFileSync(file, 'utf8').matchAll(/from '(\.[^']+)'/g)].map((m) => {
      const spec = m[1] ?? ''
      return {
        from: relative(ACTIONS, dirname(file)),
        file: relative(ACTIONS, file),
        spec,
        target: relative(ACTIONS, normalize(join(dirname(file), spec)))
      }
    })
  )
}

/** `lib/aep/x` → `lib/aep`; `customer-profile/handler` → `customer-profile`. */
const roomOf = (path: string): string =>
  path.startsWith('lib/') ? path.split('/').slice(0, 2).join('/') : (path.split('/')[0] ?? path)

describe('actions/ layout', () => {
  it('has exactly the concern folders the rule names, each with an index.ts', () => {
    // Prepare
    const folders = readdirSync(join(ACTIONS, 'lib'))
      .filter((n) => statSync(join(ACTIONS, 'lib', n)).isDirectory())
      .sort()
    // Act
    const withoutIndex = folders.filter((f) => !readdirSync(join(ACTIONS, 'lib', f)).includes('index.ts'))
    const loose = readdirSync(join(ACTIONS, 'lib')).filter((n) => n.endsWith('.ts'))
    // Assess
    expect(folders).toEqual(Object.keys(ALLOWED).sort())
    expect(withoutIndex).toEqual([])
    expect(loose).toEqual([])
  })

  it('reaches another folder only through its index.ts', () => {
    // Act
    const internals = edges()
      .filter((e) => roomOf(e.target) !== roomOf(e.from) && e.target !== roomOf(e.target))
      .map((e) => `${e.file} → ${e.spec}`)
    // Assess
    expect(internals).toEqual([])
  })

  it('imports one way only: each concern folder uses only the folders below it', () => {
    // Act
    const wrong = edges()
      .filter((e) => e.from.startsWith('lib/') && roomOf(e.target) !== roomOf(e.from))
      .filter((e) => !(ALLOWED[roomOf(e.from).slice(4)] ?? []).includes(roomOf(e.target).slice(4)))
      .map((e) => `${e.file} → ${e.spec}`)
    // Assess
    expect(wrong).toEqual([])
  })

  it('keeps endpoint folders apart: each uses lib, never another endpoint', () => {
    // Act
    const crossing = edges()
      .filter((e) => !e.from.startsWith('lib') && roomOf(e.target) !== roomOf(e.from) && !e.target.startsWith('lib/'))
      .map((e) => `${e.file} → ${e.spec}`)
    // Assess
    expect(crossing).toEqual([])
  })

  it('states the two rules the design names: view never reaches input, ims never takes from aep', () => {
    // Assess: the table itself, so nobody loosens it by accident.
    expect(ALLOWED.view).not.toContain('input')
    expect(ALLOWED.ims).not.toContain('aep')
  })

  it('has no folder-level cycle', () => {
    // Prepare
    const graph = new Map<string, Set<string>>()
    for (const e of edges())
      if (roomOf(e.from) !== roomOf(e.target))
        graph.set(roomOf(e.from), new Set([...(graph.get(roomOf(e.from)) ?? []), roomOf(e.target)]))
    // Act: depth-first search for a back edge.
    const cycles: string[] = []
    const visit = (n: string, path: string[]): void => {
      if (path.includes(n)) {
        cycles.push([...path.slice(path.indexOf(n)), n].join(' → '))
        return
      }
      for (const m of graph.get(n) ?? []) visit(m, [...path, n])
    }
    for (const n of graph.keys()) visit(n, [])
    // Assess
    expect(cycles).toEqual([])
  })
})
