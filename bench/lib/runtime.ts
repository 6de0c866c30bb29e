/**
 * How I/O Runtime runs a built action, reproduced in this process: the bundles aio builds in
 * dist/, a "container" as one fresh module instance of a bundle, the `__OW_*` variables of an
 * activation, and the activation logs (stdout/stderr) kept out of the benchmark's own output.
 */
import { randomBytes } from 'node:crypto'
import { existsSync, openSync, readdirSync, statSync, writeSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import type { ActionResponse } from '../../actions/lib/http/responses'
import { webActionParams } from '../../stand-ins/runtime/web-params'

/** The project root; a container process compiled to a temporary directory is told it by BENCH_ROOT. */
export const ROOT = process.env.BENCH_ROOT ?? path.resolve(__dirname, '..', '..')
export const PACKAGE = 'customer-activity-hub'
export const ACTIONS_DIR = path.join(ROOT, 'dist', 'dx-excshell-1', 'actions', PACKAGE)
export const ACTION_NAMES = [
  'customer-profile',
  'customer-profiles',
  'customer-events',
  'metadata',
  'cache-invalidate'
] as const
export type ActionName = (typeof ACTION_NAMES)[number]

/** Runtime's namespace and key: the State stand-in authenticates aio-lib-state with them. */
export const OW_NAMESPACE = 'cah-local'
export const OW_API_KEY = 'cah-local-key'

export type Main = (params: Record<string, unknown>) => Promise<ActionResponse>

export function bundlePath(name: ActionName): string {
  return path.join(ACTIONS_DIR, `${name}-temp`, 'index.js')
}

export function missingBundles(): ActionName[] {
  return ACTION_NAMES.filter((n) => !existsSync(bundlePath(n)))
}

/** Source files changed after the oldest bundle was built (the bundles may not be what the code says). */
export function staleSources(): string[] {
  const built = Math.min(...ACTION_NAMES.map((n) => (existsSync(bundlePath(n)) ? statSync(bundlePath(n)).mtimeMs : 0)))
  const out: string[] = []
  const walk = (dir: string): void => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name)
      if (e.isDirectory()) walk(p)
      else if (p.endsWith('.ts') && statSync(p).mtimeMs > built) out.push(path.relative(ROOT, p))
    }
  }
  walk(path.join(ROOT, 'actions'))
  return out
}

const load = createRequire(__filename)

/**
 * A new container: the bundle evaluated again in a new module instance, so every per-container
 * singleton (services, token, caches, in-flight map, aio-lib-state client) starts empty.
 */
export function freshContainer(name: ActionName): Main {
  const file = bundlePath(name)
  delete load.cache[file]
  const mod: unknown = load(file)
  delete load.cache[file]
  const main = typeof mod === 'object' && mod !== null ? (mod as { main?: unknown }).main : undefined
  if (typeof main !== 'function') throw new Error(`${path.relative(ROOT, file)} does not export main`)
  return main as Main
}

/** The environment Runtime sets for the process (once) and for each activation. */
export function setRuntimeEnv(): void {
  process.env.__OW_NAMESPACE = OW_NAMESPACE
  process.env.__OW_API_KEY = OW_API_KEY
  process.env.__OW_API_HOST = 'http://127.0.0.1'
}

/**
 * One activation: Runtime sets `__OW_ACTIVATION_ID` (and the action name and deadline) before it
 * calls `main`; the action reads them synchronously at its start, so concurrent activations in
 * one container each see their own.
 */
export function activate(
  name: ActionName,
  main: Main,
  params: Record<string, unknown>,
  timeoutMs = 30_000
): Promise<ActionResponse> {
  process.env.__OW_ACTIVATION_ID = randomBytes(16).toString('hex')
  process.env.__OW_ACTION_NAME = `/${OW_NAMESPACE}/${PACKAGE}/${name}`
  process.env.__OW_DEADLINE = String(Date.now() + timeoutMs)
  return main(params)
}

export interface WebRequest {
  method: string
  /** Query (GET) parameters. */
  query?: Record<string, string>
  /** The JSON body. */
  body?: Record<string, unknown>
  /** Request headers; names are lower-cased as Runtime does. */
  headers: Record<string, string>
}

/** The params I/O Runtime gives our raw web actions (stand-ins/runtime/web-params.ts cites how). */
export function webParams(inputs: Record<string, string>, req: WebRequest): Record<string, unknown> {
  const headers: Record<string, string> = {}
  for (const [k, v] of Object.entries(req.headers)) headers[k.toLowerCase()] = v
  return webActionParams(inputs, { method: req.method, query: req.query, body: req.body, headers }, 'raw')
}

export interface LogCounts {
  lines: number
  warnOrError: number
  /** The first few warn/error lines, to explain a surprise. */
  samples: string[]
}

/**
 * Activation logs go where Runtime's go in spirit: written (to /dev/null, a real write), counted,
 * never mixed into the benchmark's table. Warn/error lines are sampled for the report.
 */
export function captureActivationLogs(): { counts(): LogCounts; reset(): void } {
  const fd = openSync('/dev/null', 'w')
  let lines = 0
  let warnOrError = 0
  let samples: string[] = []
  const write =
    (severe: boolean) =>
    (...args: unknown[]): void => {
      const line = args.map((a) => (typeof a === 'string' ? a : String(a))).join(' ')
      lines++
      if (severe) {
        warnOrError++
        if (samples.length < 5) samples.push(line.slice(0, 400))
      }
      writeSync(fd, `${line}\n`)
    }
  console.log = write(false)
  console.info = write(false)
  console.debug = write(false)
  console.warn = write(true)
  console.error = write(true)
  return {
    counts: () => ({ lines, warnOrError, samples: [...samples] }),
    reset: () => {
      lines = 0
      warnOrError = 0
      samples = []
    }
  }
}
