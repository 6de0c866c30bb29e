/**
 * `aio app deploy` must get past the CLI's own plugin hooks to Adobe's login and network stage.
 * With @adobe/aio-cli 11.1.2 as published it died before that, in the `pre-deploy-event-reg` hook,
 * with `@adobe/aio-cli-plugin-events : orig.startsWith is not a function` (see docs/deploy.md,
 * "Why package.json overrides @oclif/core"). These tests run the real CLI, sealed off: a throwaway
 * aio config, CI=1, and Adobe's deploy service played by a loopback server.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { readPackages } from '../../scripts/lib/app-manifest'
import { type AioSandbox, aioSandbox, ROOT } from './aio-sandbox'
import { type FakeRuntime, startFakeRuntime } from './fake-runtime'

const NAMESPACE = 'cah-local'
const HOOK_CRASH = 'orig.startsWith'
const PAST_THE_HOOK = "Deploying actions for 'dx/excshell/1'"
const DOCTOR_BANNER = 'Customer Activity Hub: configuration check'
const DEPLOY = ['app', 'deploy', '--no-build', '--no-web-assets', '--no-log-forwarding-update']
// aio-lib-runtime records action hashes here *before* it talks to Runtime, so a failed deploy would
// make the next real deploy skip those actions as unchanged: the file is restored after the tests.
const LAST_DEPLOYED = join(ROOT, 'dist', 'last-deployed-actions.json')

function actionNames(): string[] {
  return Object.values(readPackages(ROOT)).flatMap((p) => Object.keys(p.actions))
}

function missingBundles(): string[] {
  const dir = join(ROOT, 'dist', 'dx-excshell-1', 'actions', 'customer-activity-hub')
  return actionNames().filter((name) => !existsSync(join(dir, `${name}.zip`)))
}

describe('aio app deploy', () => {
  let runtime: FakeRuntime
  const sandboxes: AioSandbox[] = []
  const lastDeployed = existsSync(LAST_DEPLOYED) ? readFileSync(LAST_DEPLOYED) : null

  beforeAll(async () => {
    runtime = await startFakeRuntime()
    // Deploy zips what `aio app build` left in dist/; build the actions only when some are missing.
    if (missingBundles().length > 0) {
      const builder = aioSandbox({ serviceUrl: runtime.url, namespace: NAMESPACE })
      sandboxes.push(builder)
      const build = await builder.run(['app', 'build', '--no-web-assets'], 240_000)
      if (build.code !== 0) throw new Error(`aio app build failed:\n${build.output}`)
    }
  }, 300_000)

  afterAll(async () => {
    for (const s of sandboxes) s.dispose()
    if (lastDeployed) writeFileSync(LAST_DEPLOYED, lastDeployed)
    else rmSync(LAST_DEPLOYED, { force: true })
    await runtime.close()
  })

  beforeEach(() => {
    runtime.requests.length = 0
    rmSync(LAST_DEPLOYED, { force: true })
  })

  it('stops at Adobe login, not at the plugin hook, when nobody is logged in', async () => {
    // Prepare
    const aio = aioSandbox({ serviceUrl: runtime.url, namespace: NAMESPACE })
    sandboxes.push(aio)

    // Act: an extension deploy also publishes its extension point, which needs a fresh Console login
    // before anything else; --no-publish lets the run reach the action deploy (and the hooks) first.
    const run = await aio.run([...DEPLOY, '--no-publish'], 90_000)

    // Assess
    expect(run.output).not.toContain(HOOK_CRASH)
    expect(run.timedOut).toBe(false)
    expect(run.output).toContain(PAST_THE_HOOK)
    expect(run.output).toContain('IMSOAUTHCLI_LOGIN_CI_ERROR')
    expect(run.code).not.toBe(0)
    expect(runtime.requests).toEqual([])
  }, 120_000)

  it('runs the doctor first (the pre-app-deploy hook) unless SKIP_DOCTOR=1', async () => {
    // Prepare: IMS on a closed port, so the doctor's configuration passes and its IMS check fails.
    const aio = aioSandbox({ serviceUrl: runtime.url, namespace: NAMESPACE, cliToken: 'fake-deploy-check-token' })
    sandboxes.push(aio)
    delete aio.env.SKIP_DOCTOR
    aio.env.IMS_BASE_URL = 'http://127.0.0.1:1'

    // Act
    const run = await aio.run(DEPLOY, 90_000)

    // Assess
    expect(run.timedOut).toBe(false)
    expect(run.output).toContain(DOCTOR_BANNER)
    expect(run.output).not.toContain(PAST_THE_HOOK)
    expect(run.code).not.toBe(0)
    expect(runtime.requests).toEqual([])
  }, 120_000)

  it('sends its first Runtime API request when logged in, and reports the refusal', async () => {
    // Prepare
    const aio = aioSandbox({ serviceUrl: runtime.url, namespace: NAMESPACE, cliToken: 'fake-deploy-check-token' })
    sandboxes.push(aio)

    // Act
    const run = await aio.run(DEPLOY, 90_000)

    // Assess
    expect(run.output).not.toContain(HOOK_CRASH)
    expect(run.timedOut).toBe(false)
    expect(run.output).toContain(PAST_THE_HOOK)
    expect(run.output).not.toContain(DOCTOR_BANNER)
    expect(run.output).toMatch(/Returned HTTP 401 \(Unauthorized\)/)
    expect(run.output).not.toMatch(/ENOTFOUND|getaddrinfo/)
    expect(run.code).not.toBe(0)
    expect(runtime.requests.length).toBeGreaterThan(0)
    expect(runtime.requests[0]).toEqual({
      method: 'GET',
      path: expect.stringMatching(new RegExp(`^/runtime/api/v1/namespaces/${NAMESPACE}/packages`)),
      authorization: 'Bearer fake-deploy-check-token'
    })
  }, 120_000)
})
