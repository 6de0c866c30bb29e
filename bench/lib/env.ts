/**
 * The benchmark's world: the AEP, IMS and State stand-ins in this process (AEP answering after a
 * set latency, as Adobe's ~500 ms profile lookup), the inputs `.env` would give the actions, an
 * agent token, the seeded customers' identities, and the stand-ins' call counters.
 */
import { mintAgentToken, type StandIns, startStandIns } from '../../stand-ins'
import { setRuntimeEnv } from './runtime'
import { nowMs, pool, type Summary, summarize } from './stats'

export const ORG = 'DEMO0000000000000000000A@AdobeOrg'
export const CLIENT_ID = 'cah-local-client'

/** The AEP routes a production lookup waits on; each answers after the configured latency. */
export const AEP_ROUTES = [
  'entities.profile',
  'entities.events',
  'entities.multi',
  'audiences',
  'segmentDefinitions',
  'mergePolicies',
  'namespaces'
] as const

export interface LookupIdentity {
  index: number
  namespace: string
  id: string
}

export interface BenchEnv {
  standIns: StandIns
  customers: number
  seedMs: number
  inputs: Record<string, string>
  agentToken: string
  /** Headers a browser (through the shell) sends: the agent's token and the org. */
  headers(): Record<string, string>
  setAepLatency(ms: number): void
  aepLatency(): number
  /** Every call to the State stand-in answers after `ms` (the round trip to Adobe's State service). */
  setStateLatency(ms: number): void
  /** IMS token and validate_token answer after `ms`. */
  setImsLatency(ms: number): void
  /** Every identity of a seeded customer (email, phone, crmid, …). */
  identitiesOf(index: number): LookupIdentity[]
  /** Bytes the actions have written to (PUT) and read from (GET hits) the State stand-in since the last reset. */
  stateBytes(): { written: number; read: number }
  /** A customer no scenario has looked up yet (so its view is not cached). */
  freshCustomer(): LookupIdentity
  identityOf(index: number): LookupIdentity
  resetCounters(): void
  counts(): Counts
  /** Drops the service token entry from State (a namespace that never had one). */
  dropStoredToken(): number
  close(): Promise<void>
}

export interface Counts {
  aep: Record<string, number>
  ims: Record<string, number>
  state: Record<string, number>
}

function permutation(n: number, seed: number): (i: number) => number {
  // A full-period LCG-like walk over 1..n-1 (index 0 is Jane, used by people poking around).
  const m = n - 1
  const step = (() => {
    let s = Math.floor(m * 0.6180339887) | 1
    const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b))
    while (gcd(s, m) !== 1) s += 2
    return s
  })()
  return (i) => 1 + ((seed + i * step) % m)
}

export async function startBenchEnv(opts: {
  customers: number
  aepLatencyMs: number
  stateLatencyMs?: number
  imsLatencyMs?: number
}): Promise<BenchEnv> {
  setRuntimeEnv()
  const t0 = nowMs()
  const standIns = await startStandIns({
    host: '127.0.0.1',
    customers: opts.customers,
    prngSeed: 42,
    guardrailDemo: false,
    aep: { port: 0 },
    ims: { port: 0 },
    state: { port: 0 }
  })
  const seedMs = nowMs() - t0
  const prod = standIns.aep.sandboxes.get('prod')
  if (!prod) throw new Error('the AEP stand-in has no prod sandbox')
  const seed = prod.seed
  let latency = 0
  const setAepLatency = (ms: number): void => {
    latency = ms
    standIns.aep.control.setLatency({ routes: Object.fromEntries(AEP_ROUTES.map((r) => [r, ms])) })
  }
  setAepLatency(opts.aepLatencyMs)
  const setStateLatency = (ms: number): void => standIns.state.control.setLatency({ default: ms })
  const setImsLatency = (ms: number): void => standIns.ims.control.setLatency({ routes: { token: ms, validate: ms } })
  setStateLatency(opts.stateLatencyMs ?? 0)
  setImsLatency(opts.imsLatencyMs ?? 0)
  // What crosses the wire to State, counted at the store (PUT bodies, GET answers).
  const bytes = { written: 0, read: 0 }
  const store = standIns.state.store
  const put = store.put.bind(store)
  const get = store.get.bind(store)
  store.put = (ns, key, value, ttl) => {
    bytes.written += value.length
    return put(ns, key, value, ttl)
  }
  store.get = (ns, key) => {
    const entry = get(ns, key)
    if (entry) bytes.read += entry.value.length
    return entry
  }

  // The inputs app.config.yaml feeds from .env, pointed at the stand-ins; LOG_LEVEL is fixed to info there.
  const inputs: Record<string, string> = {
    LOG_LEVEL: 'info',
    IMS_BASE_URL: standIns.ims.url,
    IMS_OAUTH_S2S_CLIENT_ID: CLIENT_ID,
    IMS_OAUTH_S2S_CLIENT_SECRET: 'cah-local-secret',
    IMS_OAUTH_S2S_ORG_ID: ORG,
    IMS_OAUTH_S2S_SCOPES: 'openid,AdobeID,read_organizations,additional_info.projectedProductContext,session',
    AEP_BASE_URL: standIns.aep.url,
    AEP_SANDBOX: 'prod',
    AEP_ALLOWED_SANDBOXES: 'prod,dev',
    AEP_MERGE_POLICY_ID: '',
    AEP_TIMEOUT_MS: '5000',
    CACHE_TTL_SECONDS: '300',
    CACHE_STALE_GRACE_SECONDS: '3600',
    AUDIENCE_CACHE_TTL_SECONDS: '3600',
    PHONE_DEFAULT_COUNTRY_CODE: '1',
    IDENTITY_HASH_SALT: 'benchmark-salt-0123456789abcdef',
    AIO_STATE_ENDPOINT: standIns.state.url,
    ALLOWED_UPSTREAM_HOSTS: '127.0.0.1,localhost'
  }
  const agentToken = mintAgentToken({ org: ORG, userId: 'agent.bench@AdobeID', expiresInSeconds: 24 * 3600 })
  const identityOf = (index: number): LookupIdentity => {
    const ids = seed.identities(index)
    const pick = ids.find((i) => i.namespace === 'email') ?? ids.find((i) => i.namespace === 'crmid') ?? ids[0]
    if (!pick) throw new Error(`customer ${index} has no identity`)
    return { index, namespace: pick.namespace, id: pick.id }
  }
  const order = permutation(seed.size, 7)
  let handed = 0
  const counterMap = (c: { snapshot(recent?: number): { counters: Record<string, number> } }): Record<string, number> =>
    c.snapshot(0).counters
  return {
    standIns,
    customers: seed.size,
    seedMs,
    inputs,
    agentToken,
    headers: () => ({ authorization: `Bearer ${agentToken}`, 'x-gw-ims-org-id': ORG }),
    setAepLatency,
    aepLatency: () => latency,
    setStateLatency,
    setImsLatency,
    identitiesOf: (index) => seed.identities(index).map((i) => ({ index, namespace: i.namespace, id: i.id })),
    stateBytes: () => ({ ...bytes }),
    freshCustomer() {
      if (handed >= seed.size - 1) throw new Error(`all ${seed.size} customers were used; run with more --customers`)
      return identityOf(order(handed++))
    },
    identityOf,
    resetCounters() {
      bytes.written = 0
      bytes.read = 0
      standIns.aep.control.reset()
      standIns.ims.control.reset()
      standIns.state.control.reset()
    },
    counts: () => ({
      aep: counterMap(standIns.aep.control),
      ims: counterMap(standIns.ims.control),
      state: counterMap(standIns.state.control)
    }),
    dropStoredToken: () => standIns.state.store.deleteMatching('cah-local', 'cah1.token.*'),
    close: () => standIns.close()
  }
}

/**
 * One upstream call as the action's HTTP client sees it: a profile GET straight to the AEP
 * stand-in (service token, the four gateway headers, keep-alive), timed from send to full body.
 */
export async function upstreamCall(env: BenchEnv, identity: LookupIdentity): Promise<number> {
  const q = new URLSearchParams({
    'schema.name': '_xdm.context.profile',
    entityId: identity.id,
    entityIdNS: identity.namespace
  })
  const token = env.standIns.ims.mintServiceToken()
  const t = nowMs()
  const res = await fetch(`${env.standIns.aep.url}/data/core/ups/access/entities?${q}`, {
    headers: {
      Authorization: `Bearer ${token}`,
      'x-api-key': CLIENT_ID,
      'x-gw-ims-org-id': ORG,
      'x-sandbox-name': 'prod',
      Accept: 'application/json'
    }
  })
  await res.text()
  if (res.status !== 200) throw new Error(`AEP stand-in answered ${res.status} for customer ${identity.index}`)
  return nowMs() - t
}

/** `n` upstream calls one after another (the floor of a lookup), and `n` with no latency (the stand-in's own time). */
export async function upstreamBaseline(
  env: BenchEnv,
  n: number,
  pickCustomer: (i: number) => LookupIdentity
): Promise<Summary> {
  const times: number[] = []
  for (let i = 0; i < n; i++) times.push(await upstreamCall(env, pickCustomer(i)))
  return summarize(times)
}

/** The stand-in's own work per profile lookup (latency 0), sequential and with 8 in flight. */
export async function standInLookupTime(
  env: BenchEnv,
  n: number
): Promise<{ sequential: Summary; concurrent8: Summary }> {
  const before = env.aepLatency()
  env.setAepLatency(0)
  try {
    const pick = (i: number): LookupIdentity => env.identityOf(1 + ((i * 7919) % (env.customers - 1)))
    for (let i = 0; i < 20; i++) await upstreamCall(env, pick(i + n * 3))
    const seq: number[] = []
    for (let i = 0; i < n; i++) seq.push(await upstreamCall(env, pick(i)))
    const conc = await pool(
      Array.from({ length: n }, (_, i) => () => upstreamCall(env, pick(i + n))),
      8
    )
    return { sequential: summarize(seq), concurrent8: summarize(conc) }
  } finally {
    env.setAepLatency(before)
  }
}
