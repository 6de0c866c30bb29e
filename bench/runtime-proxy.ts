/**
 * A tiny stand-in for an I/O Runtime action container: a node:http server on 127.0.0.1 that turns
 * each request into one activation — `main(params)` of a loaded, built bundle — as Runtime's web
 * action path does, with intra-container concurrency (every request in flight shares the module).
 *
 *   GET /api/v1/web/customer-activity-hub/customer-profile?namespace=email&id=…   (or /customer-profile?…)
 *
 * In-process: `startRuntimeProxy(...)`. As its own process (a container apart from the load
 * generator and the stand-ins): `spawnContainer(...)` runs this file (compiled) on bare node over IPC.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { createRequire } from 'node:module'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import {
  ACTION_NAMES,
  type ActionName,
  activate,
  captureActivationLogs,
  freshContainer,
  type LogCounts,
  type Main,
  PACKAGE,
  ROOT,
  setRuntimeEnv,
  webParams
} from './lib/runtime'

export interface RuntimeProxy {
  url: string
  port: number
  /** Activations answered so far. */
  activations(): number
  close(): Promise<void>
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    req.on('error', reject)
  })
}

function actionOf(pathname: string): ActionName | undefined {
  const last = pathname.replace(/\/+$/, '').split('/').pop() ?? ''
  return (ACTION_NAMES as readonly string[]).includes(last) ? (last as ActionName) : undefined
}

export async function startRuntimeProxy(
  mains: Partial<Record<ActionName, Main>>,
  inputs: Record<string, string>,
  port = 0
): Promise<RuntimeProxy> {
  let count = 0
  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    const name = actionOf(url.pathname)
    const main = name ? mains[name] : undefined
    if (!name || !main) {
      res
        .writeHead(404, { 'content-type': 'application/json' })
        .end('{"error":"The requested resource does not exist."}')
      return
    }
    const headers: Record<string, string> = {}
    for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers[k] = v
    let body: Record<string, unknown> | undefined
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      const text = await readBody(req)
      if (text !== '') {
        const parsed: unknown = JSON.parse(text)
        if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed))
          body = parsed as Record<string, unknown>
      }
    }
    const query = Object.fromEntries(url.searchParams.entries())
    const answer = await activate(name, main, webParams(inputs, { method: req.method ?? 'GET', query, body, headers }))
    count++
    // A web action's object body is sent as JSON, as Runtime's controller does.
    const payload = typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body ?? {})
    res.writeHead(answer.statusCode, { ...answer.headers, 'content-length': Buffer.byteLength(payload) }).end(payload)
  }
  const server: Server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      res
        .writeHead(502, { 'content-type': 'application/json' })
        .end(JSON.stringify({ error: `The action did not produce a valid response: ${String(e)}` }))
    })
  })
  server.keepAliveTimeout = 60_000
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve))
  const actual = (server.address() as AddressInfo).port
  return {
    url: `http://127.0.0.1:${actual}/api/v1/web/${PACKAGE}`,
    port: actual,
    activations: () => count,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      })
  }
}

// ---- The container as its own process --------------------------------------------------------

/**
 * `floor`: instead of the bundle, every action answers this fixed response at once — the cost of
 * the container's HTTP handling and the load generator alone, to set the action's figures against.
 */
export interface FloorResponse {
  statusCode: number
  headers: Record<string, string>
  body: unknown
}

type ToChild =
  | { type: 'start'; actions: ActionName[]; inputs: Record<string, string>; floor?: FloorResponse }
  | { type: 'logs' }
  | { type: 'stop' }
type FromChild =
  | { type: 'ready'; url: string }
  | { type: 'logs'; logs: LogCounts; activations: number }
  | { type: 'error'; message: string }

export interface ContainerProcess {
  url: string
  pid: number
  logs(): Promise<{ logs: LogCounts; activations: number }>
  stop(): Promise<void>
}

function nextMessage(child: ChildProcess, type: FromChild['type']): Promise<FromChild> {
  return new Promise((resolve, reject) => {
    const onMessage = (m: FromChild): void => {
      if (m.type === type || m.type === 'error') {
        child.off('message', onMessage)
        child.off('exit', onExit)
        if (m.type === 'error') reject(new Error(m.message))
        else resolve(m)
      }
    }
    const onExit = (code: number | null): void => reject(new Error(`container process exited (${code})`))
    child.on('message', onMessage)
    child.once('exit', onExit)
  })
}

let compiled: string | undefined

/**
 * This file and lib/runtime.ts as plain JavaScript in a temporary directory, so the container runs
 * on bare `node` like a Runtime container: under tsx every `require` the bundle makes (Ajv's
 * generated code requires its runtime helpers) would go through tsx's loader hooks.
 */
function containerScript(): string {
  if (compiled) return compiled
  // Loaded here only: the container itself never needs TypeScript.
  const ts = createRequire(__filename)('typescript') as typeof import('typescript')
  const dir = mkdtempSync(path.join(tmpdir(), 'cah-bench-container-'))
  // The project's layout, so relative imports resolve (lib/runtime.ts uses the Runtime parameter semantics).
  const root = path.join(__dirname, '..')
  const files = ['bench/runtime-proxy.ts', 'bench/lib/runtime.ts', 'stand-ins/runtime/web-params.ts']
  for (const rel of files) {
    const source = readFileSync(path.join(root, rel), 'utf8')
    const js = ts.transpileModule(source, {
      compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
      fileName: rel
    }).outputText
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true })
    writeFileSync(path.join(dir, rel.replace(/\.ts$/, '.js')), js)
  }
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }))
  compiled = path.join(dir, 'bench', 'runtime-proxy.js')
  return compiled
}

/**
 * Starts a container in a new Node process (its own event loop and CPU, like a Runtime container)
 * serving `actions` from their built bundles. `nodeArgs` e.g. ['--cpu-prof', '--cpu-prof-dir=…'].
 */
export async function spawnContainer(
  actions: ActionName[],
  inputs: Record<string, string>,
  nodeArgs: string[] = [],
  floor?: FloorResponse
): Promise<ContainerProcess> {
  const child = spawn(process.execPath, [...nodeArgs, containerScript()], {
    cwd: ROOT,
    env: { ...process.env, BENCH_CONTAINER: '1', BENCH_ROOT: ROOT },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc']
  })
  const ready = nextMessage(child, 'ready')
  child.send({ type: 'start', actions, inputs, floor } satisfies ToChild)
  const m = await ready
  if (m.type !== 'ready') throw new Error('container did not start')
  return {
    url: m.url,
    pid: child.pid ?? -1,
    async logs() {
      const answer = nextMessage(child, 'logs')
      child.send({ type: 'logs' } satisfies ToChild)
      const l = await answer
      if (l.type !== 'logs') throw new Error('no log counts')
      return { logs: l.logs, activations: l.activations }
    },
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve()
        child.once('exit', () => resolve())
        child.send({ type: 'stop' } satisfies ToChild)
      })
  }
}

if (process.env.BENCH_CONTAINER === '1' && typeof process.send === 'function') {
  const send = (m: FromChild): void => {
    process.send?.(m)
  }
  const logs = captureActivationLogs()
  let proxy: RuntimeProxy | undefined
  process.on('message', (m: ToChild) => {
    if (m.type === 'start') {
      setRuntimeEnv()
      const mains: Partial<Record<ActionName, Main>> = {}
      const floor = m.floor
      for (const a of m.actions)
        mains[a] = floor
          ? () => Promise.resolve({ statusCode: floor.statusCode, headers: { ...floor.headers }, body: floor.body })
          : freshContainer(a)
      startRuntimeProxy(mains, m.inputs).then(
        (p) => {
          proxy = p
          send({ type: 'ready', url: p.url })
        },
        (e: unknown) => send({ type: 'error', message: String(e) })
      )
    } else if (m.type === 'logs') {
      send({ type: 'logs', logs: logs.counts(), activations: proxy?.activations() ?? 0 })
    } else if (m.type === 'stop') {
      // A normal exit, so --cpu-prof writes its profile.
      void (proxy?.close() ?? Promise.resolve()).then(() => process.exit(0))
    }
  })
}
