/**
 * The settings attack over HTTP, against the app exactly as `npm start` runs it (`aio app dev` on
 * the stand-ins): every setting the manifest declares, sent to every action as a query field and
 * as a JSON body field, pointing at a rogue server on this machine. Nothing may reach it, and no
 * answer may differ from the honest one but by being a 400.
 */

import { createServer, type Server } from 'node:http'
import { request } from 'node:https'
import type { AddressInfo } from 'node:net'
import { readPackages } from '../../scripts/lib/app-manifest'
import { mintDemoToken } from '../../scripts/lib/demo-token'
import { ROOT } from './app-process'

const BASE = 'https://localhost:9080/api/v1/web/customer-activity-hub'
const ORG = 'DEMO0000000000000000000A@AdobeOrg'
const actions = Object.values(readPackages(ROOT)).flatMap((p) => Object.entries(p.actions))
const settings = [...new Set(actions.flatMap(([, a]) => Object.keys(a.inputs ?? {})))]
const POSTS: Record<string, Record<string, unknown>> = {
  'customer-profiles': { identities: [{ namespace: 'email', id: 'jane.doe@example.com' }] },
  'cache-invalidate': { namespace: 'email', id: 'jane.doe@example.com' },
  'customer-reveal': { namespace: 'email', id: 'jane.doe@example.com' },
  // Not Jane: the wrap-up lands in the customer's timeline, and the other suites read Jane's.
  'customer-interactions': {
    namespace: 'crmid',
    id: 'CRM-000150',
    topic: 'other',
    outcome: 'resolved',
    interactionId: 'e2e-injection-0001'
  }
}
const GET_QUERY: Record<string, Record<string, string>> = {
  'customer-profile': { namespace: 'email', id: 'jane.doe@example.com', fields: 'name' },
  'customer-events': { namespace: 'email', id: 'jane.doe@example.com', limit: '1' }
}

let rogue: Server
let rogueUrl = ''
const hits: string[] = []
let token = ''

/** One HTTPS call to aio app dev (its certificate is self-signed, made by `npm start`). */
function send(
  action: string,
  query: Record<string, string>,
  body?: Record<string, unknown>
): Promise<{ status: number; code: string | null }> {
  const payload = body ? JSON.stringify(body) : undefined
  return new Promise((resolve, reject) => {
    const req = request(
      `${BASE}/${action}?${new URLSearchParams(query).toString()}`,
      {
        method: body ? 'POST' : 'GET',
        rejectUnauthorized: false,
        timeout: 20_000,
        headers: {
          authorization: `Bearer ${token}`,
          'x-gw-ims-org-id': ORG,
          ...(payload ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } : {})
        }
      },
      (res) => {
        let text = ''
        res.on('data', (c: Buffer) => {
          text += c.toString()
        })
        res.on('end', () => {
          let code: string | null = null
          try {
            code = (JSON.parse(text) as { error?: { code?: string } }).error?.code ?? null
          } catch {
            /* not JSON: no code */
          }
          resolve({ status: res.statusCode ?? 0, code })
        })
      }
    )
    req.on('timeout', () => req.destroy(new Error('timed out')))
    req.on('error', reject)
    req.end(payload)
  })
}

beforeAll(async () => {
  rogue = createServer((req, res) => {
    hits.push(`${req.method ?? ''} ${req.url ?? ''}`)
    res.writeHead(200, { 'content-type': 'application/json' }).end('{}')
  })
  await new Promise<void>((resolve) => rogue.listen(0, '127.0.0.1', resolve))
  rogueUrl = `http://127.0.0.1:${(rogue.address() as AddressInfo).port}`
  token = await mintDemoToken('http://127.0.0.1:9102', ORG)
})
afterAll(async () => {
  await new Promise((resolve) => rogue.close(resolve))
})

describe('npm start under attack', () => {
  it.each(actions.map(([name]) => name))(
    '%s: no setting in the query or the body reaches a foreign host or changes the answer',
    async (action) => {
      // Prepare: the honest answer (a POST action with its body, a GET action with its query).
      const honestBody = POSTS[action]
      const honestQuery = GET_QUERY[action] ?? {}
      const honest = await send(action, honestQuery, honestBody)
      hits.length = 0
      const changed: string[] = []

      // Act
      for (const setting of settings) {
        const viaQuery = await send(action, { ...honestQuery, [setting]: rogueUrl }, honestBody)
        // A GET action's body injection goes as a POST: it must be refused (405), never read.
        const viaBody = await send(action, honestQuery, { ...(honestBody ?? {}), [setting]: rogueUrl })
        for (const [where, r] of [
          ['query', viaQuery],
          ['body', viaBody]
        ] as const) {
          const fine =
            r.status === 400 || (honestBody || where === 'query' ? r.status === honest.status : r.status === 405)
          if (!fine) changed.push(`${setting} in ${where}: ${r.status} ${r.code ?? ''}`)
        }
      }

      // Assess
      // 202: customer-interactions hands the wrap-up to AEP's ingestion.
      expect(honest.status).toBe(action === 'customer-interactions' ? 202 : 200)
      expect(changed).toEqual([])
      expect(hits).toEqual([])
    }
  )
})
