/**
 * Facts the contract must agree with, read from the source text rather than imported, so that a new
 * error code or action is noticed even before anything calls it: every error code with its status
 * (actions/lib/errors/errors.ts, http.ts) and every web action with its methods (actions/<name>/index.ts).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { readPackages } from '../../scripts/lib/app-manifest'

export const ROOT = resolve(__dirname, '../..')

const read = (file: string): string => readFileSync(join(ROOT, file), 'utf8')
const codesIn = (text: string): string[] => [...text.matchAll(/'([A-Z][A-Z_]+)'/g)].map((m) => m[1] ?? '')

/** code → HTTP status, for every code errors.ts declares and the generic 500 of http.ts. */
export function errorStatusesInSource(): Map<string, number> {
  const errors = read('actions/lib/errors/errors.ts')
  const out = new Map<string, number>()
  for (const [, body = ''] of errors.matchAll(/class \w+ extends AppError \{([\s\S]*?)\n\}/g)) {
    const status = /readonly status = (\d+)/.exec(body)?.[1]
    const declaration = /readonly code\s*[:=]\s*([^\n,)]+)/.exec(body)?.[1] ?? ''
    if (status) for (const code of codesIn(declaration)) out.set(code, Number(status))
  }
  const upstreamUnion = /type UpstreamCode =([\s\S]*?)\n\n/.exec(errors)?.[1] ?? ''
  const upstreamStatus = /const UPSTREAM_STATUS[^=]*=\s*\{([\s\S]*?)\}/.exec(errors)?.[1] ?? ''
  const statusOf = new Map([...upstreamStatus.matchAll(/(\w+):\s*(\d+)/g)].map((m) => [m[1] ?? '', Number(m[2])]))
  for (const code of codesIn(upstreamUnion)) out.set(code, statusOf.get(code) ?? NaN)
  for (const m of read('actions/lib/http/responses.ts').matchAll(/statusCode: (\d+),[\s\S]{0,300}?code: '([A-Z_]+)'/g))
    out.set(m[2] ?? '', Number(m[1]))
  return out
}

export interface DeclaredAction {
  name: string
  /** Upper-case methods from `webAction({ name, methods: [...], … })`. */
  methods: string[]
}

/**
 * The web actions of the manifest (app.config.yaml and the extension it includes), each with the
 * methods its index.ts accepts (null when unreadable).
 */
export function declaredActions(): Array<DeclaredAction & { declaredAs: string | null }> {
  const pkg = readPackages(ROOT)['customer-activity-hub']
  return Object.keys(pkg?.actions ?? {}).map((name) => {
    const file = join(ROOT, 'actions', name, 'index.ts')
    const m = existsSync(file)
      ? /webAction\(\s*\{\s*name:\s*'([^']+)'\s*,\s*methods:\s*\[([^\]]*)\]/.exec(readFileSync(file, 'utf8'))
      : null
    return {
      name,
      declaredAs: m?.[1] ?? null,
      methods: m ? [...(m[2] ?? '').matchAll(/'(\w+)'/g)].map((x) => (x[1] ?? '').toUpperCase()) : []
    }
  })
}

/** Folders of actions/ that hold an action entry point (excluding the shared lib). */
export function actionFolders(): string[] {
  return readdirSync(join(ROOT, 'actions'), { withFileTypes: true })
    .filter((d) => d.isDirectory() && d.name !== 'lib' && existsSync(join(ROOT, 'actions', d.name, 'index.ts')))
    .map((d) => d.name)
}
