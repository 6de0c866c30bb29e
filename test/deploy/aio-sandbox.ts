/**
 * Runs the project's own `aio` CLI sealed off from the machine it runs on: a throwaway HOME and
 * aio config (so a developer's real `aio login` is never used and never touched), no telemetry,
 * no update check, no stdin, `CI=1` (so login fails at once instead of opening a browser), every
 * Runtime and deploy-service URL pointed at a loopback address, and a hard time limit.
 */
import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export const ROOT = join(__dirname, '..', '..')
const AIO_BIN = join(ROOT, 'node_modules', '@adobe', 'aio-cli', 'bin', 'run')

export interface AioRun {
  code: number | null
  output: string
  timedOut: boolean
}

export interface AioSandbox {
  env: NodeJS.ProcessEnv
  run(args: string[], timeoutMs: number): Promise<AioRun>
  dispose(): void
}

export interface SandboxOptions {
  /** Loopback origin that plays Adobe's deploy service and Runtime API. */
  serviceUrl: string
  namespace: string
  /** A fake cached `aio login` token; without it the CLI has to log in (and cannot, under CI=1). */
  cliToken?: string
}

export function aioSandbox(opts: SandboxOptions): AioSandbox {
  if (!existsSync(AIO_BIN)) throw new Error(`aio CLI not installed at ${AIO_BIN}: run npm ci`)
  if (!/^http:\/\/(127\.0\.0\.1|localhost)(:\d+)?$/.test(opts.serviceUrl))
    throw new Error('serviceUrl must be loopback')
  const home = mkdtempSync(join(tmpdir(), 'cah-aio-'))
  const configFile = join(home, 'aio-config.json')
  const cli = opts.cliToken ? { access_token: { token: opts.cliToken, expiry: Date.now() + 86_400_000 } } : undefined
  writeFileSync(configFile, JSON.stringify(cli ? { ims: { contexts: { cli } } } : {}))
  // Only what the CLI needs: nothing of the caller's AIO_*, DEBUG or proxy settings leaks in.
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    LANG: 'C.UTF-8',
    TERM: 'dumb',
    NO_COLOR: '1',
    OCLIF_COLUMNS: '400',
    HOME: home,
    XDG_CONFIG_HOME: join(home, 'config'),
    XDG_CACHE_HOME: join(home, 'cache'),
    XDG_DATA_HOME: join(home, 'data'),
    AIO_CONFIG_FILE: configFile,
    AIO_TELEMETRY_DISABLED: '1',
    AIO_SKIP_NEW_VERSION_CHECK: 'true',
    CI: '1',
    // The pre-app-deploy doctor would check .env against services that are not there.
    SKIP_DOCTOR: '1',
    AIO_DEPLOY_SERVICE_URL: opts.serviceUrl,
    AIO_RUNTIME_APIHOST: opts.serviceUrl,
    AIO_RUNTIME_NAMESPACE: opts.namespace,
    AIO_runtime_namespace: opts.namespace,
    AIO_RUNTIME_AUTH: 'deploy-check-not-a-real-key',
    AIO_runtime_auth: 'deploy-check-not-a-real-key'
  }
  return {
    env,
    run: (args, timeoutMs) => runAio(args, env, timeoutMs),
    dispose: () => rmSync(home, { recursive: true, force: true })
  }
}

/** Runs `aio <args>` in the project root; kills its whole process group after `timeoutMs`. */
export function runAio(args: string[], env: NodeJS.ProcessEnv, timeoutMs: number): Promise<AioRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [AIO_BIN, ...args], {
      cwd: ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true
    })
    let output = ''
    let timedOut = false
    child.stdout.on('data', (c: Buffer) => {
      output += c.toString('utf8')
    })
    child.stderr.on('data', (c: Buffer) => {
      output += c.toString('utf8')
    })
    const killGroup = (): void => {
      try {
        if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL')
      } catch {
        // the group is already gone
      }
    }
    const timer = setTimeout(() => {
      timedOut = true
      killGroup()
    }, timeoutMs)
    child.on('error', (e) => {
      clearTimeout(timer)
      reject(e)
    })
    child.on('close', (code) => {
      clearTimeout(timer)
      killGroup() // helpers it spawned (webpack workers, a login callback server) must not outlive it
      resolve({ code, output, timedOut })
    })
  })
}
