/** Starts `npm start` (stand-ins + aio app dev) for the browser tests and stops it afterwards. */
import { spawn } from 'node:child_process'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

export const ROOT = join(__dirname, '..', '..')
const PID_FILE = join(ROOT, 'dist', 'e2e-app.pid')
export const UI_URL = 'https://localhost:9080/index.html'
export const AEP_CONTROL = 'http://127.0.0.1:9101/__control'

export async function startApp(): Promise<void> {
  const child = spawn(join(ROOT, 'node_modules', '.bin', 'tsx'), ['scripts/start.ts'], {
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
