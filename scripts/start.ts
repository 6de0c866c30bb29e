/**
 * `npm start`: the whole app on this machine, offline. Starts the local Adobe stand-ins, then
 * `aio app dev` (actions + UI) with a pre-made dev certificate so no browser prompt blocks it,
 * and prints the action URL, a ready-to-paste curl for Jane Doe, the UI URL and the URL that opens the
 * local UI inside the Experience Cloud shell (the app is the dx/excshell/1 extension).
 * Ctrl-C stops everything it started.
 *
 * `npm start -- --data DIR` also loads the customers of DIR into the prod sandbox (see
 * docs/local-stand-ins.md) and, when DIR has a mapping.json, runs the actions with it as
 * CUSTOMER_VIEW_MAPPING for this run only (.env is not touched). A bad folder exits 2 first.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { MappingError, parseViewMapping } from '../actions/lib/mapping'
import { DataLoadError, describeProblem, type LoadedData, loadDataDir } from '../stand-ins/data'
import { mintDemoToken } from './lib/demo-token'
import { loadEnvFile, portOf, ROOT } from './lib/env-file'

const children: ChildProcess[] = []
const bin = (name: string): string => join(ROOT, 'node_modules', '.bin', name)

function stopAll(code = 0): never {
  for (const c of children)
    if (c.pid && c.exitCode === null) {
      try {
        process.kill(-c.pid, 'SIGTERM')
      } catch {
        c.kill('SIGTERM')
      }
    }
  process.exit(code)
}

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv, label: string): ChildProcess {
  const child = spawn(cmd, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true })
  const prefix = (chunk: Buffer): string =>
    `${chunk
      .toString()
      .split('\n')
      .filter(Boolean)
      .map((l) => `[${label}] ${l}`)
      .join('\n')}\n`
  child.stdout?.on('data', (c: Buffer) => process.stdout.write(prefix(c)))
  child.stderr?.on('data', (c: Buffer) => process.stderr.write(prefix(c)))
  child.on('exit', (code) => {
    process.stderr.write(`[${label}] exited (${code ?? 'signal'})\n`)
    stopAll(code ?? 1)
  })
  children.push(child)
  return child
}

async function waitFor(url: string, what: string, seconds: number, init?: RequestInit): Promise<void> {
  const until = Date.now() + seconds * 1000
  for (;;) {
    try {
      await fetch(url, { ...init, signal: AbortSignal.timeout(2000) })
      return
    } catch {
      if (Date.now() > until) throw new Error(`${what} did not come up at ${url} within ${seconds} s`)
      await new Promise((r) => setTimeout(r, 300))
    }
  }
}

/** aio app dev asks a browser to accept a new certificate; an existing pair in dist/dev-keys skips that. */
function ensureDevCertificate(): void {
  const dir = join(ROOT, 'dist', 'dev-keys')
  if (existsSync(join(dir, 'private.key')) && existsSync(join(dir, 'cert-pub.crt'))) return
  mkdirSync(dir, { recursive: true })
  const r = spawnSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '825',
      '-subj',
      '/CN=localhost',
      '-addext',
      'subjectAltName=DNS:localhost,IP:127.0.0.1',
      '-keyout',
      join(dir, 'private.key'),
      '-out',
      join(dir, 'cert-pub.crt')
    ],
    { stdio: 'ignore' }
  )
  if (r.status !== 0) throw new Error('could not create a development certificate with openssl')
}

/** `--data DIR` or `--data=DIR` among the arguments, made absolute (the stand-ins run from the root). */
function dataArgument(args: string[]): { args: string[]; dir?: string } {
  const out = [...args]
  const k = out.findIndex((a) => a === '--data' || a.startsWith('--data='))
  if (k < 0) return { args: out }
  const flag = out[k] ?? ''
  const value = flag === '--data' ? out[k + 1] : flag.slice('--data='.length)
  if (value === undefined || value === '') failStart('--data needs a folder: npm start -- --data examples/luma')
  const dir = resolve(value)
  out.splice(k, flag === '--data' ? 2 : 1, '--data', dir)
  return { args: out, dir }
}

function failStart(message: string): never {
  process.stderr.write(`start: ${message}\n`)
  process.exit(2)
}

/** The folder, checked before anything starts: its files, and its mapping.json as the actions would read it. */
function checkData(dir: string): LoadedData {
  try {
    const data = loadDataDir(dir)
    if (data.mapping !== undefined) parseViewMapping(data.mapping)
    return data
  } catch (e) {
    if (e instanceof DataLoadError) failStart(`--data ${dir}:\n${e.message}`)
    if (e instanceof MappingError) {
      const lines = Object.entries(e.fields).map(([at, message]) =>
        describeProblem(at === '' ? { file: 'mapping.json', message } : { file: 'mapping.json', field: at, message })
      )
      failStart(`--data ${dir}:\n${lines.join('\n')}`)
    }
    throw e
  }
}

/** Settings for `aio app dev`: the data's mapping replaces both the .env mapping and the former INSIGHT_FIELD_MAP. */
function mappingEnv(data: LoadedData | undefined): NodeJS.ProcessEnv {
  if (data?.mapping === undefined) return {}
  // aio reads .env below the process environment, so these win for this run without editing .env.
  const env: NodeJS.ProcessEnv = { CUSTOMER_VIEW_MAPPING: data.mapping, INSIGHT_FIELD_MAP: '' }
  // A mapping without a wrap-up shape cannot record calls: the connection goes too, or no action would start.
  if (!recordsInteractions(data.mapping))
    Object.assign(env, { AEP_STREAMING_CONNECTION_ID: '', AEP_INTERACTIONS_DATASET_ID: '' })
  return env
}

function recordsInteractions(mapping: string): boolean {
  try {
    const m: unknown = JSON.parse(mapping)
    return typeof m === 'object' && m !== null && 'interactions' in m && Boolean(m.interactions)
  } catch {
    return false
  }
}

function dataBanner(data: LoadedData, curl: (query: string) => string): string[] {
  const first = data.customers[0]?.identities[0]
  const mapping =
    data.mapping === undefined
      ? ''
      : `; its mapping.json is CUSTOMER_VIEW_MAPPING for this run${recordsInteractions(data.mapping) ? '' : ' (no interactions block: Wrap up is off)'}`
  return [
    `  Your data (${data.dir}): ${data.customers.length} customers in the prod sandbox${mapping}.`,
    ...(first
      ? [`  ${curl(`namespace=${encodeURIComponent(first.namespace)}&id=${encodeURIComponent(first.id)}`)}`]
      : [])
  ]
}

async function main(): Promise<void> {
  process.on('SIGINT', () => stopAll(0))
  process.on('SIGTERM', () => stopAll(0))
  // A bad --data folder stops here, before anything starts.
  const { args: extra, dir } = dataArgument(process.argv.slice(2))
  const data = dir === undefined ? undefined : checkData(dir)
  const env = loadEnvFile()
  const aep = env.AEP_BASE_URL ?? 'http://127.0.0.1:9101'
  const ims = env.IMS_BASE_URL ?? 'http://127.0.0.1:9102'
  const state = env.AIO_STATE_ENDPOINT ?? 'http://127.0.0.1:9103'
  const org = env.IMS_OAUTH_S2S_ORG_ID ?? 'DEMO0000000000000000000A@AdobeOrg'

  run(
    bin('tsx'),
    [
      'stand-ins/start.ts',
      '--aep-port',
      String(portOf(aep, 9101)),
      '--ims-port',
      String(portOf(ims, 9102)),
      '--state-port',
      String(portOf(state, 9103)),
      ...extra
    ],
    process.env,
    'stand-ins'
  )
  await Promise.all([
    waitFor(`${aep}/__control`, 'AEP stand-in', 60),
    waitFor(`${ims}/__control`, 'IMS stand-in', 60),
    waitFor(`${state}/__control`, 'State stand-in', 60)
  ])

  ensureDevCertificate()
  const port = Number(process.env.PORT ?? 9080)
  run(
    bin('aio'),
    ['app', 'dev'],
    {
      ...process.env,
      AIO_TELEMETRY_DISABLED: '1',
      DEMO_TOKEN_URL: `${ims}/__dev/agent-token`,
      DEMO_IMS_ORG: org,
      ...mappingEnv(data)
    },
    'aio'
  )
  const actionUrl = `https://localhost:${port}/api/v1/web/customer-activity-hub/customer-profile`
  process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0'
  await waitFor(`https://localhost:${port}/`, 'aio app dev', 180)

  const token = await mintDemoToken(ims, org)
  const curl = (query: string): string =>
    `curl -sk -H "Authorization: Bearer ${token}" -H "x-gw-ims-org-id: ${org}" "${actionUrl}?${query}"`
  process.stdout.write(
    [
      '',
      'Customer Activity Hub is running on the local Adobe stand-ins.',
      `  UI:      https://localhost:${port}/index.html  (self-signed certificate: accept it once)`,
      // aio app dev serves the dx/excshell/1 extension's UI at the root; the shell frames it in dev mode.
      `  Shell:   https://experience.adobe.com/?devMode=true#/custom-apps/?localDevUrl=https://localhost:${port}`,
      `  Action:  ${actionUrl}`,
      '  Jane Doe (token valid 24 h; `npm run --silent token` mints another):',
      `  ${curl('namespace=email&id=jane.doe@example.com')}`,
      ...(data ? dataBanner(data, curl) : []),
      '',
      'Ctrl-C stops everything.',
      ''
    ].join('\n')
  )
}

main().catch((e: unknown) => {
  process.stderr.write(`start: ${e instanceof Error ? e.message : String(e)}\n`)
  stopAll(1)
})
