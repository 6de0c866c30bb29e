/**
 * An App Builder container on this machine: the local Adobe stand-ins on ephemeral ports, the
 * `__OW_*` variables a deployed action sees, and the action inputs `.env` would give, so tests
 * call an action's real `main` exactly as Runtime does.
 */

import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { main as cacheInvalidate } from '../../actions/cache-invalidate'
import { main as customerEvents } from '../../actions/customer-events'
import { main as customerInteractions } from '../../actions/customer-interactions'
import { main as customerProfile } from '../../actions/customer-profile'
import { main as customerProfiles } from '../../actions/customer-profiles'
import { resetStateClient, writesBehindSettled } from '../../actions/lib/cache/state-store'
import type { ActionResponse } from '../../actions/lib/http/responses'
import { clearCallerCache } from '../../actions/lib/ims/caller-auth'
import { setLogSink } from '../../actions/lib/observability/logger'
import { resetServices } from '../../actions/lib/services/services'
import { main as metadata } from '../../actions/metadata'
import { clearMetadataCache } from '../../actions/metadata/catalogue'
import {
  DEMO_INTERACTIONS_DATASET_ID,
  DEMO_STREAMING_CONNECTION_ID,
  mintAgentToken,
  type StandIns,
  type StandInsOptions,
  startStandIns
} from '../../stand-ins'
import { type WebSemantics, webActionParams } from '../../stand-ins/runtime/web-params'
import { assertValidResponse } from '../contract/openapi'

/** The demo org's CUSTOMER_VIEW_MAPPING, as .env.example gives it (test/doctor checks the two agree). */
export const DEMO_MAPPING_JSON = readFileSync(join(__dirname, '../../stand-ins/seed/demo-mapping.json'), 'utf8')

/** Every action by its entry point, so each response is checked against docs/openapi.yaml. */
const ACTION_NAMES = new Map<unknown, string>([
  [customerProfile, 'customer-profile'],
  [customerEvents, 'customer-events'],
  [customerProfiles, 'customer-profiles'],
  [metadata, 'metadata'],
  [cacheInvalidate, 'cache-invalidate'],
  [customerInteractions, 'customer-interactions']
])

export const ORG = 'DEMO0000000000000000000A@AdobeOrg'
export const OTHER_ORG = 'OTHER000000000000000000B@AdobeOrg'
export const CLIENT_SECRET = 'cah-local-secret'
export const JANE = { email: 'jane.doe@example.com', phone: '+14155550123', crmid: 'CRM-000001' }

export type Main = (params: Record<string, unknown>) => Promise<ActionResponse>

export interface CallOptions {
  method?: string
  headers?: Record<string, string>
  token?: string | null
  body?: unknown
  rawBody?: { text: string; contentType: string }
  semantics?: WebSemantics
  /** This call's deployment inputs over the suite's (a redeploy with other settings, not a request field). */
  inputs?: Record<string, string>
}

export interface TestEnv {
  standIns: StandIns
  params: Record<string, string>
  /** Every log line the actions wrote, captured for leak scans. */
  logs: string[]
  agentToken(org?: string, expiresInSeconds?: number): string
  /**
   * Calls `main` as I/O Runtime calls our deployed raw web action (or, with `semantics`, as a
   * non-raw action or `aio app dev` would: stand-ins/runtime/web-params.ts cites the sources).
   */
  call(main: Main, query: Record<string, unknown>, opts?: CallOptions): Promise<ActionResponse>
  /** A fresh container: forgets every per-container cache (token, audience names, validations). */
  coldContainer(): void
  resetCounters(): void
  /**
   * Between tests: a cold container, an empty State store, zeroed counters, no faults, and no logs
   * unless `keepLogs` (suites that scan every line they captured at the end keep them).
   */
  reset(options?: { keepLogs?: boolean }): void
  close(): Promise<void>
}

export async function startTestEnv(
  options: StandInsOptions = {},
  inputs: Record<string, string> = {}
): Promise<TestEnv> {
  const standIns = await startStandIns({
    customers: 300,
    ...options,
    aep: { port: 0, ...options.aep },
    ims: { port: 0, ...options.ims },
    state: { port: 0, ...options.state }
  })
  // A deployed action always has these; aio-lib-state authenticates with them.
  process.env.__OW_NAMESPACE = 'cah-local'
  process.env.__OW_API_KEY = 'cah-local-key'
  const logs: string[] = []
  const restoreLogs = setLogSink((line) => {
    logs.push(line)
  })
  const params: Record<string, string> = {
    LOG_LEVEL: 'debug',
    IMS_BASE_URL: standIns.ims.url,
    IMS_OAUTH_S2S_CLIENT_ID: 'cah-local-client',
    IMS_OAUTH_S2S_CLIENT_SECRET: CLIENT_SECRET,
    IMS_OAUTH_S2S_ORG_ID: ORG,
    AEP_BASE_URL: standIns.aep.url,
    AEP_SANDBOX: 'prod',
    AEP_ALLOWED_SANDBOXES: 'prod,dev,nodefault',
    AEP_TIMEOUT_MS: '2000',
    AIO_STATE_ENDPOINT: standIns.state.url,
    ALLOWED_UPSTREAM_HOSTS: '127.0.0.1,localhost',
    IDENTITY_HASH_SALT: 'integration-test-salt',
    CUSTOMER_VIEW_MAPPING: DEMO_MAPPING_JSON,
    AEP_STREAMING_BASE_URL: standIns.aep.url,
    AEP_STREAMING_CONNECTION_ID: DEMO_STREAMING_CONNECTION_ID,
    AEP_INTERACTIONS_DATASET_ID: DEMO_INTERACTIONS_DATASET_ID,
    ...inputs
  }
  const env: TestEnv = {
    standIns,
    params,
    logs,
    agentToken: (org = ORG, expiresInSeconds) =>
      mintAgentToken({ org, userId: 'agent.test@AdobeID', expiresInSeconds }),
    async call(main, query, opts = {}) {
      const token = opts.token === undefined ? env.agentToken() : opts.token
      const headers: Record<string, string> = {
        'x-gw-ims-org-id': ORG,
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...opts.headers
      }
      const method = (opts.method ?? 'get').toLowerCase()
      const request = { method, query, headers, body: opts.body, rawBody: opts.rawBody }
      const res = await main(webActionParams({ ...params, ...opts.inputs }, request, opts.semantics))
      // The contract test of every suite: a response the document does not describe fails the test.
      const name = ACTION_NAMES.get(main)
      if (name) assertValidResponse(name, method, res)
      return res
    },
    coldContainer() {
      resetServices()
      resetStateClient()
      clearCallerCache()
    },
    resetCounters() {
      standIns.aep.control.reset()
      standIns.ims.control.reset()
      standIns.state.control.reset()
    },
    reset(options = {}) {
      env.coldContainer()
      clearMetadataCache()
      standIns.state.store.deleteMatching('cah-local', '*')
      env.resetCounters()
      standIns.aep.control.eventsLookup = 'enabled'
      if (!options.keepLogs) logs.length = 0
    },
    async close() {
      // A write-behind still running would log after the suite ended, into nobody's test.
      await writesBehindSettled()
      restoreLogs()
      env.coldContainer()
      await standIns.close()
    }
  }
  return env
}

/** JSON body of an action response (web actions return objects). */
export function bodyOf<T = Record<string, unknown>>(res: ActionResponse): T {
  return res.body as T
}

/** Registers the suite's hooks: one environment for the file, reset before every test. */
export function registerTestEnv(options: StandInsOptions = {}, inputs: Record<string, string> = {}): () => TestEnv {
  let env: TestEnv | undefined
  beforeAll(async () => {
    env = await startTestEnv(options, inputs)
  })
  afterAll(async () => {
    await env?.close()
  })
  beforeEach(() => env?.reset())
  return () => {
    if (!env) throw new Error('the test environment is not started')
    return env
  }
}
