/**
 * examples/luma served over HTTP: the stand-ins started with `data`, a customer looked up through
 * the Profile Access API by the loyaltyId the data holds as a number, and the CLI's `--data` flag.
 */
import { spawn } from 'node:child_process'
import { join } from 'node:path'
import { type StandIns, startStandIns } from '../../../stand-ins/index'
import { fixtureSeed } from '../fixture-seed'
import { aepHeaders, EVENTS, getJson, obj, PROFILE } from '../helpers'
import { dataFolder, removeDataFolders } from './folder'

const ROOT = join(__dirname, '..', '..', '..')
const LUMA = join(ROOT, 'examples', 'luma')
const LEAH = {
  loyaltyId: '5550123',
  crmId: '7d1c0e5b93a84f26b0e4c9a2d5f81e3b',
  email: 'leah.moreno@luma-demo.example',
  appEcid: '27440917386519024468103357729460184421',
  webEcid: '61093348270155832946017725384019266730',
  phone: '+15035550147'
}
const GOLD_AUDIENCE = '6b1f3e2a-9c4d-4f8e-a2b7-5d0c8e1f4a61'

describe('the stand-ins with examples/luma', () => {
  let standIns: StandIns
  beforeAll(async () => {
    standIns = await startStandIns({
      seed: fixtureSeed(),
      data: LUMA,
      aep: { port: 0 },
      ims: { port: 0 },
      state: { port: 0 }
    })
  })
  afterAll(async () => {
    await standIns.close()
    removeDataFolders()
  })

  const entities = (params: Record<string, string>): string =>
    `${standIns.aep.url}/data/core/ups/access/entities?${new URLSearchParams(params).toString()}`

  it('finds Leah by her numeric loyaltyId and answers her merged profile', async () => {
    // Act
    const res = await getJson(
      entities({ 'schema.name': PROFILE, entityId: LEAH.loyaltyId, entityIdNS: 'lumaLoyaltyId' }),
      aepHeaders()
    )
    // Assess
    expect(res.status).toBe(200)
    const [xid, item] = Object.entries(obj(res.body))[0] ?? []
    const entity = obj(obj(item).entity)
    expect(obj(item).entityId).toBe(xid)
    expect(obj(item).identityGraph).toHaveLength(6)
    expect(entity.identityMap).toEqual({
      lumaLoyaltyId: [{ id: LEAH.loyaltyId }],
      lumaCrmId: [{ id: LEAH.crmId }],
      Email: [{ id: LEAH.email }],
      ECID: [{ id: LEAH.appEcid }, { id: LEAH.webEcid }],
      Phone: [{ id: LEAH.phone }]
    })
    expect(entity).toMatchObject({
      person: { name: { firstName: 'Leah', lastName: 'Moreno' } },
      loyalty: { tier: 'gold', points: 48210 },
      // The CRM record comes after the loyalty one in profiles.json: its city wins.
      homeAddress: { city: 'Beaverton' },
      consents: { marketing: { email: { val: 'n' } } }
    })
  })

  it('answers the same profile for every identity of her cluster', async () => {
    // Act
    const keys = await Promise.all(
      [
        ['lumaLoyaltyId', LEAH.loyaltyId],
        ['Email', LEAH.email],
        ['ecid', LEAH.webEcid],
        ['LUMACRMID', LEAH.crmId]
      ].map(async ([ns = '', id = '']) => {
        const res = await getJson(entities({ 'schema.name': PROFILE, entityId: id, entityIdNS: ns }), aepHeaders())
        return Object.keys(obj(res.body))
      })
    )
    // Assess
    expect(new Set(keys.flat()).size).toBe(1)
  })

  it("answers her events from every file, stitched through the app login's identityMap", async () => {
    // Act
    const res = await getJson(
      entities({
        'schema.name': EVENTS,
        'relatedSchema.name': PROFILE,
        relatedEntityId: LEAH.loyaltyId,
        relatedEntityIdNS: 'lumaLoyaltyId',
        orderby: '-timestamp'
      }),
      aepHeaders()
    )
    // Assess
    expect(res.status).toBe(200)
    const children = obj(res.body).children as Array<{ entityId: string; entity: Record<string, unknown> }>
    expect(children.map((c) => [c.entityId, c.entity.eventType ?? null])).toEqual([
      ['cc-20261002-000417', null],
      ['4a8e2c60-7d1f-4b93-a5e8-0c3f9b2d6e14', 'message.tracking'],
      ['b58d0e26-1c7f-4a39-9d4e-2a6b8f0c1e73', 'commerce.productListAdds'],
      ['7e3c9a15-4f2b-4d68-8b1a-6c0e2d4f8a37', 'commerce.productViews'],
      ['0d6a2f84-9b1e-4e57-a3c2-8f5d7e9b1c06', 'application.login'],
      ['f1b7c3e9-5a2d-4c86-9e0f-3d7a1b5c9e42', 'application.launch'],
      ['3c9f0a52-6e1d-4b8a-9f27-0d4e5b6a7c81', null]
    ])
    expect(children.at(-1)?.entity.commerce).toEqual({
      order: { purchaseID: '805-555-123-0001', priceTotal: 252.19 }
    })
  })

  it('serves the audience names and lists the custom namespaces', async () => {
    // Act
    const audience = await getJson(`${standIns.aep.url}/data/core/ups/audiences/${GOLD_AUDIENCE}`, aepHeaders())
    const namespaces = await getJson(`${standIns.aep.url}/data/core/idnamespace/identities`, aepHeaders())
    // Assess
    expect(obj(audience.body).name).toBe('Luma gold and platinum members')
    const custom = (namespaces.body as Array<{ code: string; custom: boolean }>).filter((n) =>
      ['lumaLoyaltyId', 'lumaCrmId'].includes(n.code)
    )
    expect(custom.map((n) => [n.code, n.custom])).toEqual([
      ['lumaLoyaltyId', true],
      ['lumaCrmId', true]
    ])
  })

  it('keeps the data out of the dev sandbox', async () => {
    // Act
    const res = await getJson(
      entities({ 'schema.name': PROFILE, entityId: LEAH.email, entityIdNS: 'Email' }),
      aepHeaders(undefined, 'dev')
    )
    // Assess
    expect(res).toMatchObject({ status: 404, body: { statusCode: '404' } })
  })
})

describe('stand-ins CLI --data', () => {
  function run(args: string[]): Promise<{ code: number | null; out: string; err: string }> {
    const child = spawn(join(ROOT, 'node_modules', '.bin', 'tsx'), ['stand-ins/start.ts', ...args], { cwd: ROOT })
    let out = ''
    let err = ''
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString()
    })
    child.stderr.on('data', (c: Buffer) => {
      err += c.toString()
    })
    return new Promise((resolve) => child.on('exit', (code) => resolve({ code, out, err })))
  }

  it('exits 2 naming the file, record and field, and starts nothing', async () => {
    // Prepare
    const dir = dataFolder({
      'events.json': '{"_id":"e-1","timestamp":"2026-13-01T00:00:00Z","identityMap":{"ECID":[{"id":"1"}]}}\n'
    })
    // Act
    const result = await run([
      '--aep-port',
      '0',
      '--ims-port',
      '0',
      '--state-port',
      '0',
      '--customers',
      '5',
      '--data',
      dir
    ])
    // Assess
    expect(result.code).toBe(2)
    expect(result.err).toBe(`stand-ins: --data ${dir}:\nevents.json line 1: timestamp: must be an ISO date-time\n`)
    expect(result.out).toBe('')
  })

  it('prints what it loaded and where to look', async () => {
    // Prepare
    const args = [
      '--aep-port',
      '0',
      '--ims-port',
      '0',
      '--state-port',
      '0',
      '--customers',
      '5',
      '--data',
      'examples/luma'
    ]
    const child = spawn(join(ROOT, 'node_modules', '.bin', 'tsx'), ['stand-ins/start.ts', ...args], { cwd: ROOT })
    let out = ''
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString()
    })
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
    // Act
    const until = Date.now() + 20_000
    while (!/^Data /m.test(out) && Date.now() < until) await new Promise((r) => setTimeout(r, 100))
    child.kill('SIGTERM')
    // Assess
    expect(out).toMatch(
      /^Data {2}examples\/luma: 4 customers in prod \(4 profile records, 11 events\); look up lumaLoyaltyId 5550123$/m
    )
    expect(await exited).toBe(0)
  })
})
