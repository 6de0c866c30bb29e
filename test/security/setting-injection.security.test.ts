/**
 * No request can change a setting. Every input that app.config.yaml declares (so a new setting is
 * covered without editing this file) is sent, as a query field and as a JSON body field, to every
 * action the manifest declares, the way I/O Runtime calls our raw web actions and the way
 * `aio app dev` does. URL-like values point at a local rogue server. Each attempt must reach
 * nothing, answer as if it had not been made (or 400), and write no State entry under a key the
 * honest request does not write.
 */

import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import type { ActionResponse } from '../../actions/lib/http/responses'
import { type ManifestAction, readAppUnits, readPackages } from '../../scripts/lib/app-manifest'
import type { WebSemantics } from '../../stand-ins/runtime/web-params'
import { bodyOf, JANE, type Main, OTHER_ORG, startTestEnv, type TestEnv } from '../integration/harness'

const ROOT = join(__dirname, '..', '..')
// Follows app.config.yaml's `$include` into the extension's ext.config.yaml; `function` is root-relative.
const actions = Object.values(readPackages(ROOT)).flatMap((p) => Object.entries(p.actions))
const settings = [...new Set(actions.flatMap(([, a]) => Object.keys(a.inputs ?? {})))].sort()

const mainOf = (a: ManifestAction): Main => (require(join(ROOT, a.function)) as { main: Main }).main

/** An honest request per action; an action added later without one is still attacked with a bare GET. */
const HONEST: Record<string, { method: string; query: Record<string, string>; body?: Record<string, unknown> }> = {
  'customer-profile': { method: 'GET', query: { namespace: 'email', id: JANE.email } },
  'customer-events': { method: 'GET', query: { namespace: 'email', id: JANE.email, limit: '2' } },
  metadata: { method: 'GET', query: {} },
  'customer-profiles': { method: 'POST', query: {}, body: { identities: [{ namespace: 'email', id: JANE.email }] } },
  'cache-invalidate': { method: 'POST', query: {}, body: { namespace: 'email', id: JANE.email } },
  'customer-reveal': { method: 'POST', query: {}, body: { namespace: 'email', id: JANE.email } },
  // A fixed interactionId: the honest write repeated is the same event (the stand-in lands it once).
  'customer-interactions': {
    method: 'POST',
    query: {},
    body: {
      namespace: 'email',
      id: JANE.email,
      topic: 'delivery',
      outcome: 'resolved',
      interactionId: 'injection-0001'
    }
  }
}

let env: TestEnv
let rogue: Server
let rogueUrl = ''
const rogueHits: string[] = []

/** What an attacker would put in a setting: a foreign host for URLs, another plausible value otherwise. */
function hostileValue(name: string): string {
  const table: Record<string, string> = {
    IMS_OAUTH_S2S_ORG_ID: OTHER_ORG,
    AEP_SANDBOX: 'dev',
    AEP_ALLOWED_SANDBOXES: 'prod,dev,nodefault,attacker',
    AEP_TIMEOUT_MS: '100',
    CACHE_TTL_SECONDS: '0',
    INSIGHT_FIELD_MAP: '{"churnPropensity":"person.name.firstName"}',
    CUSTOMER_VIEW_MAPPING:
      '{"attributes":[{"path":"person.name.firstName","label":"injected","format":"text"}],"events":[{"id":"x","match":{"hasPath":"_id"},"kind":"purchase","summary":"injected {_id}"}]}',
    IDENTITY_HASH_SALT: 'attacker-chosen-salt-0000',
    LOG_LEVEL: 'debug',
    ALLOWED_UPSTREAM_HOSTS: '127.0.0.1,localhost,evil.example',
    MASK_PERSONAL_DATA: 'false',
    AEP_STREAMING_CONNECTION_ID: 'f'.repeat(64),
    AEP_STREAMING_FLOW_ID: '00000000-0000-4000-8000-000000000bad',
    AEP_INTERACTIONS_DATASET_ID: 'attacker0000000000000000'
  }
  return table[name] ?? rogueUrl
}

/** The parts of an answer a repeated honest request shares with the first (ids and timings differ). */
function comparable(res: ActionResponse): unknown {
  return JSON.parse(
    JSON.stringify({ status: res.statusCode, body: res.body }),
    function (this: unknown, k, v: unknown) {
      // An accepted interaction's own timestamp (and its timeline entry's) is the moment it was sent.
      const holder = this as { accepted?: unknown; id?: unknown }
      const when = k === 'timestamp' && (holder.accepted === true || /^cah-/.test(String(holder.id)))
      return when ||
        ['requestId', 'cache', 'ageSeconds', 'durationMs', 'nextCursor', 'fetchedAt', 'upstreamCalls'].includes(k)
        ? undefined
        : v
    }
  )
}

beforeAll(async () => {
  rogue = createServer((req, res) => {
    rogueHits.push(`${req.method ?? ''} ${req.url ?? ''} auth=${req.headers.authorization ? 'yes' : 'no'}`)
    res.writeHead(200, { 'content-type': 'application/json' }).end('{}')
  })
  await new Promise<void>((resolve) => rogue.listen(0, '127.0.0.1', resolve))
  rogueUrl = `http://127.0.0.1:${(rogue.address() as AddressInfo).port}`
  env = await startTestEnv()
})
afterAll(async () => {
  await env.close()
  await new Promise((resolve) => rogue.close(resolve))
})

describe('the manifest', () => {
  it('declares every action a raw web action behind require-adobe-auth, with upper-case setting names only', () => {
    // Prepare
    const shapes = actions.map(([name, a]) => [name, a.web, a.annotations?.['require-adobe-auth']])
    // Act
    const badNames = settings.filter((s) => !/^[A-Z][A-Z0-9]*(_[A-Z0-9]+)+$/.test(s))
    // Assess
    expect(shapes).toEqual(actions.map(([name]) => [name, 'raw', true]))
    expect(badNames).toEqual([])
    expect(settings.length).toBeGreaterThanOrEqual(15)
  })

  it('is the Experience Cloud shell extension, every action found through its $include', () => {
    // Act
    const units = readAppUnits(ROOT).map((u) => ({ name: u.name, file: u.file, view: u.config.operations }))
    // Assess
    expect(units).toEqual([
      {
        name: 'dx/excshell/1',
        file: 'src/dx-excshell-1/ext.config.yaml',
        view: { view: [{ type: 'web', impl: 'index.html' }] }
      }
    ])
    expect(actions.map(([name, a]) => [name, a.function]).sort()).toEqual(
      [
        'cache-invalidate',
        'customer-events',
        'customer-interactions',
        'customer-profile',
        'customer-profiles',
        'customer-reveal',
        'metadata'
      ].map((n) => [n, `actions/${n}/index.ts`])
    )
  })
})

describe.each<WebSemantics>(['raw', 'aio-dev'])('a request naming a setting (%s semantics)', (semantics) => {
  it.each(actions.map(([name, a]) => [name, a] as const))(
    '%s: changes nothing, contacts nothing, writes nothing new',
    async (name, action) => {
      // Prepare: the honest answer and the keys the honest request writes.
      const main = mainOf(action)
      const honest = HONEST[name] ?? { method: 'GET', query: {} }
      env.reset()
      const baseline = await env.call(main, honest.query, { method: honest.method, body: honest.body, semantics })
      const honestKeys = new Set(env.standIns.state.store.keys('cah-local'))
      const again = comparable(
        await env.call(main, honest.query, { method: honest.method, body: honest.body, semantics })
      )
      expect(comparable(baseline)).toEqual(again)
      rogueHits.length = 0
      const outcomes: string[] = []

      // Act: each setting, in the query and in the body.
      for (const setting of settings) {
        for (const where of ['query', 'body'] as const) {
          const value = hostileValue(setting)
          const query = where === 'query' ? { ...honest.query, [setting]: value } : honest.query
          const body = where === 'body' ? { ...honest.body, [setting]: value } : honest.body
          const res = await env.call(main, query, { method: honest.method, body, semantics })
          const refused =
            res.statusCode === 400 &&
            Object.keys(bodyOf<{ error: { fields: object } }>(res).error.fields).includes(setting)
          const unchanged = JSON.stringify(comparable(res)) === JSON.stringify(again)
          if (!refused && !unchanged)
            outcomes.push(`${setting} in ${where}: ${res.statusCode} ${JSON.stringify(res.body).slice(0, 160)}`)
        }
      }

      // Assess
      expect(outcomes).toEqual([])
      expect(rogueHits).toEqual([])
      expect(env.standIns.state.store.keys('cah-local').filter((k) => !honestKeys.has(k))).toEqual([])
    }
  )
})

describe('why the actions are raw', () => {
  it("under non-raw semantics (what `final` fails to prevent) a body field would send the agent's token to a foreign IMS", async () => {
    // Prepare: the same action, as Runtime would call it were it an ordinary web action.
    const [, action] = actions.find(([n]) => n === 'customer-profiles') ?? []
    if (!action) throw new Error('customer-profiles is not in the manifest')
    env.reset()
    rogueHits.length = 0
    // Act
    await env.call(
      mainOf(action),
      {},
      {
        method: 'POST',
        body: { identities: [{ namespace: 'email', id: JANE.email }], IMS_BASE_URL: rogueUrl },
        semantics: 'non-raw'
      }
    )
    // Assess: the harness models the threat, so the raw suites above are not passing by accident.
    expect(rogueHits.filter((h) => h.includes('/ims/validate_token'))).not.toEqual([])
  })
})
