/**
 * `npm run smoke` against the local stack as `npm start` runs it: it must pass with a valid token
 * (401 without one, 200 and a sane view with one) and fail with a token of another org.
 */
import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { mintDemoToken } from '../../scripts/lib/demo-token'
import { ROOT } from './app-process'

const BASE = 'https://localhost:9080/api/v1/web/customer-activity-hub'

function smoke(env: Record<string, string>, ...args: string[]): { status: number | null; out: string } {
  const r = spawnSync(join(ROOT, 'node_modules', '.bin', 'tsx'), ['scripts/smoke.ts', BASE, ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    encoding: 'utf8',
    timeout: 120_000
  })
  return { status: r.status, out: `${r.stdout}${r.stderr}` }
}

describe('npm run smoke', () => {
  it('passes against the local stack with a token from SMOKE_TOKEN, and prints the timings', async () => {
    // Prepare
    const token = await mintDemoToken('http://127.0.0.1:9102', 'DEMO0000000000000000000A@AdobeOrg')
    // Act
    const r = smoke({ SMOKE_TOKEN: token })
    // Assess
    expect(r.out).toMatch(/✔ without a token: 401 +401 in \d+ ms/)
    expect(r.out).toMatch(/✔ second lookup \(cache\): 200 and a sane view +200 HIT in \d+ ms/)
    expect(r.status).toBe(0)
  })

  it('fails, naming the check, with a token of another org', async () => {
    // Prepare
    const token = await mintDemoToken('http://127.0.0.1:9102', 'OTHER000000000000000000B@AdobeOrg')
    // Act
    const r = smoke({}, '--token', token)
    // Assess
    expect(r.out).toContain('✘ first lookup: 200 and a sane view')
    expect(r.out).toContain('ORG_MISMATCH')
    expect(r.status).toBe(1)
  })
})
