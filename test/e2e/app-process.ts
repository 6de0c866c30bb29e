/** Starts `npm start` (stand-ins + aio app dev) for the browser tests and stops it afterwards. */
import { spawn } from 'node:child_process'
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

export const ROOT = join(__dirname, '..', '..')
const PID_FILE = join(ROOT, 'dist', 'e2e-app.pid')
/** The Luma example's customers, loaded beside the generated ones as an admin would with --data. */
const E2E_DATA = join(ROOT, 'dist', 'e2e-data')

type Mapping = Record<string, unknown[] | unknown>

/**
 * examples/luma with one mapping for both orgs' data: the demo mapping (Jane's cards and her call
 * rule) followed by the Luma example's cards, scores and call-centre rule.
 */
function prepareData(): string {
  const luma = join(ROOT, 'examples', 'luma')
  mkdirSync(E2E_DATA, { recursive: true })
  for (const f of ['profiles.json', 'events.json', 'identities.json', 'audiences.json'])
    copyFileSync(join(luma, f), join(E2E_DATA, f))
  const read = (path: string): Mapping => JSON.parse(readFileSync(path, 'utf8')) as Mapping
  const demo = read(join(ROOT, 'stand-ins', 'seed', 'demo-mapping.json'))
  const example = read(join(luma, 'mapping.json'))
  const list = (m: Mapping, k: string): unknown[] => (Array.isArray(m[k]) ? m[k] : [])
  const both: Mapping = { ...demo }
  for (const k of ['attributes', 'insights', 'events']) both[k] = [...list(demo, k), ...list(example, k)]
  writeFileSync(join(E2E_DATA, 'mapping.json'), JSON.stringify(both, null, 2))
  return E2E_DATA
}
export const UI_URL = 'https://localhost:9080/index.html'
export const AEP_CONTROL = 'http://127.0.0.1:9101/__control'

export async function startApp(): Promise<void> {
  const child = spawn(join(ROOT, 'node_modules', '.bin', 'tsx'), ['scripts/start.ts', '--data', prepareData()], {
    cwd: ROOT,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, AIO_TELEMETRY_DISABLED: '1' }
  })
  writeFileSync(PID_FILE, String(child.pid))
  let output = ''
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`npm start did not become ready in 240 s:\n${output.slice(-3000)}`)),
      240_000
    )
    const onData = (chunk: Buffer): void => {
      output += chunk.toString()
      if (output.includes('Ctrl-C stops everything.')) {
        clearTimeout(timer)
        resolve()
      }
    }
    child.stdout?.on('data', onData)
    child.stderr?.on('data', onData)
    child.on('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`npm start exited (${code}):\n${output.slice(-3000)}`))
    })
  })
  child.stdout?.removeAllListeners('data')
  child.stderr?.removeAllListeners('data')
  child.stdout?.resume()
  child.stderr?.resume()
  child.removeAllListeners('exit')
  child.unref()
}

export function stopApp(): void {
  if (!existsSync(PID_FILE)) return
  const pid = Number(readFileSync(PID_FILE, 'utf8'))
  try {
    process.kill(-pid, 'SIGINT')
  } catch {
    /* already gone */
  }
}
