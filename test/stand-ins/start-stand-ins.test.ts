/**
 * All three stand-ins together: AEP trusts exactly what this IMS issues (revocations included),
 * and the CLI starts, prints its URLs and stops cleanly on SIGTERM.
 */
import { spawn } from 'node:child_process'
import { join } from 'node:path'
import { DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET, DEFAULT_ORG_ID } from '../../stand-ins/ims/tokens'
import { GUARDRAIL_DEMO_EMAIL, type StandIns, startStandIns } from '../../stand-ins/index'
import { fixtureSeed, JANE } from './fixture-seed'
import { getJson, PROFILE } from './helpers'

describe('startStandIns', () => {
  let standIns: StandIns
  beforeAll(async () => {
    standIns = await startStandIns({ seed: fixtureSeed(), aep: { port: 0 }, ims: { port: 0 }, state: { port: 0 } })
  })
  afterAll(async () => {
    await standIns.close()
  })

  const profileUrl = (id: string): string =>
    `${standIns.aep.url}/data/core/ups/access/entities?${new URLSearchParams({ 'schema.name': PROFILE, entityId: id, entityIdNS: 'email' }).toString()}`
  const headers = (token: string): Record<string, string> => ({
    Authorization: `Bearer ${token}`,
    'x-api-key': DEFAULT_CLIENT_ID,
    'x-gw-ims-org-id': DEFAULT_ORG_ID,
    'x-sandbox-name': 'prod'
  })
  const token = async (): Promise<string> => {
    const res = await fetch(`${standIns.ims.url}/ims/token/v3`, {
      method: 'POST',
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: DEFAULT_CLIENT_ID,
        client_secret: DEFAULT_CLIENT_SECRET,
        scope: 'openid'
      })
    })
    return String(((await res.json()) as { access_token: unknown }).access_token)
  }

  it('starts three servers on distinct ports', () => {
    const ports = [standIns.aep.port, standIns.ims.port, standIns.state.port]
    expect(new Set(ports).size).toBe(3)
  })

  it('lets AEP accept an IMS token until IMS revokes it', async () => {
    // Prepare
    const issued = await token()
    const before = await getJson(profileUrl(JANE.email), headers(issued))
    // Act
    standIns.ims.control.revokeTokens()
    const after = await getJson(profileUrl(JANE.email), headers(issued))
    // Assess
    expect(before.status).toBe(200)
    expect(after).toMatchObject({ status: 401, body: { error_code: '401013' } })
  })

  it('adds the guardrail demo customer, answered with 422', async () => {
    const res = await getJson(profileUrl(GUARDRAIL_DEMO_EMAIL), headers(await token()))
    expect(res.status).toBe(422)
  })
})

describe('stand-ins CLI', () => {
  it('prints one line per service and exits 0 on SIGTERM', async () => {
    // Prepare
    const root = join(__dirname, '..', '..')
    const child = spawn(
      join(root, 'node_modules', '.bin', 'tsx'),
      [
        'stand-ins/start.ts',
        '--aep-port',
        '0',
        '--ims-port',
        '0',
        '--state-port',
        '0',
        '--customers',
        '20',
        '--events',
        'refused'
      ],
      { cwd: root }
    )
    let out = ''
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString()
    })
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
    // Act
    const until = Date.now() + 20_000
    while (out.split('\n').filter(Boolean).length < 3 && Date.now() < until)
      await new Promise((r) => setTimeout(r, 100))
    const aepUrl = /^AEP\s+(\S+)/m.exec(out)?.[1] ?? ''
    const settings = (await (await fetch(`${aepUrl}/__control`)).json()) as { settings: { eventsLookup: string } }
    child.kill('SIGTERM')
    // Assess
    expect(out).toMatch(/^AEP\s+http:\/\/127\.0\.0\.1:\d+/m)
    expect(out).toMatch(/^IMS\s+http:\/\/127\.0\.0\.1:\d+/m)
    expect(out).toMatch(/^State\s+http:\/\/127\.0\.0\.1:\d+/m)
    expect(settings.settings.eventsLookup).toBe('refused')
    expect(await exited).toBe(0)
  })
})
