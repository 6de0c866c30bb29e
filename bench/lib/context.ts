/** What every scenario receives: the options, the stand-ins, and helpers to call built actions. */
import type { ActionResponse } from '../../actions/lib/http/responses'
import type { BenchEnv, LookupIdentity } from './env'
import { type ActionName, activate, type LogCounts, type Main, webParams } from './runtime'
import { nowMs } from './stats'

export interface BenchOptions {
  aepLatencyMs: number
  /** Modelled round trip to Adobe's State service in the production pass (an assumption). */
  stateLatencyMs: number
  /** Modelled IMS token and validate_token time in the production pass (an assumption). */
  imsLatencyMs: number
  /** Also run the production pass (every upstream at its modelled latency). */
  production: boolean
  customers: number
  scaleCustomers: number
  connections: number
  hitSeconds: number
  /** Agents in the AEP budget model (scenario 11). */
  agents: number
  /** The org's AEP Profile access limit in calls per minute, if known (Adobe publishes none). */
  aepLimitPerMinute: number | null
  quick: boolean
  /** Write CPU profiles of the hit container (and summarise them). */
  cpuProf: boolean
  build: boolean
  /** Rewrite the latest-figures block of docs/performance.md from this run. */
  updateDocs: boolean
  only: string[] | null
}

export interface Ctx {
  opts: BenchOptions
  env: BenchEnv
  logs: { counts(): LogCounts; reset(): void }
  log(line: string): void
}

/** The same context with other deployment inputs (another deployment's settings, never a request field). */
export function withInputs(ctx: Ctx, inputs: Record<string, string>): Ctx {
  return { ...ctx, env: { ...ctx.env, inputs: { ...ctx.env.inputs, ...inputs } } }
}

export interface Timed {
  ms: number
  res: ActionResponse
  /** Epoch ms (performance.timeOrigin based, as the stand-ins' request records) at start and end. */
  startEpoch: number
  endEpoch: number
}

export const epochNow = (): number => performance.timeOrigin + performance.now()

/** GET customer-profile as the browser sends it (through the gateway, as Runtime passes it). */
export async function lookup(
  ctx: Ctx,
  main: Main,
  who: LookupIdentity,
  query: Record<string, string> = {},
  headers: Record<string, string> = {}
): Promise<Timed> {
  const startEpoch = epochNow()
  const t = nowMs()
  const res = await activate(
    'customer-profile',
    main,
    webParams(ctx.env.inputs, {
      method: 'GET',
      query: { namespace: who.namespace, id: who.id, ...query },
      headers: { ...ctx.env.headers(), ...headers }
    })
  )
  const ms = nowMs() - t
  return { ms, res, startEpoch, endEpoch: epochNow() }
}

export async function post(ctx: Ctx, name: ActionName, main: Main, body: Record<string, unknown>): Promise<Timed> {
  const startEpoch = epochNow()
  const t = nowMs()
  const res = await activate(
    name,
    main,
    webParams(ctx.env.inputs, {
      method: 'POST',
      body,
      headers: { ...ctx.env.headers(), 'content-type': 'application/json' }
    })
  )
  const ms = nowMs() - t
  return { ms, res, startEpoch, endEpoch: epochNow() }
}

interface MetaLike {
  meta?: { cache?: { status?: string }; timings?: Record<string, number> }
}

export function cacheStatus(res: ActionResponse): string {
  const body = res.body as MetaLike | undefined
  return res.statusCode === 200 ? (body?.meta?.cache?.status ?? 'none') : `HTTP ${res.statusCode}`
}

export function timingsOf(res: ActionResponse): Record<string, number> {
  return (res.body as MetaLike | undefined)?.meta?.timings ?? {}
}

/**
 * Warms a container as production traffic would: its service token, the agent's validation and
 * the audience names (the catalogue is small, so a few dozen customers name every audience).
 * Runs with AEP latency 0 so warming is quick. Done when 5 lookups in a row needed no audience
 * name from AEP or State (names come from the container's memory); returns what it took.
 */
export async function warmContainer(
  ctx: Ctx,
  main: Main
): Promise<{ customers: number; audienceCalls: number; audienceStateReads: number }> {
  const { env } = ctx
  const before = env.aepLatency()
  env.setAepLatency(0)
  let n = 0
  let clean = 0
  let audienceCalls = 0
  let audienceStateReads = 0
  try {
    while (n < 120 && (clean < 5 || n < 10)) {
      env.resetCounters()
      const r = await lookup(ctx, main, env.freshCustomer())
      n++
      if (r.res.statusCode !== 200)
        throw new Error(`warm-up lookup answered ${r.res.statusCode}: ${JSON.stringify(r.res.body).slice(0, 300)}`)
      const calls = (env.counts().aep.audiences ?? 0) + (env.counts().aep.segmentDefinitions ?? 0)
      const reads = env.standIns.state.control.requests('state.get').filter((q) => q.path.includes('.aud.')).length
      audienceCalls += calls
      audienceStateReads += reads
      clean = calls + reads === 0 ? clean + 1 : 0
    }
  } finally {
    env.setAepLatency(before)
  }
  return { customers: n, audienceCalls, audienceStateReads }
}

export function tally(values: string[]): Record<string, number> {
  const out: Record<string, number> = {}
  for (const v of values) out[v] = (out[v] ?? 0) + 1
  return out
}

/** The stand-ins' call counters since the last reset, as `aep:<route>`, `ims:<route>`, `state:<route>`. */
export function callCounts(env: BenchEnv): Record<string, number> {
  const c = env.counts()
  const out: Record<string, number> = {}
  for (const [side, counters] of Object.entries(c))
    for (const [route, n] of Object.entries(counters as Record<string, number>)) out[`${side}:${route}`] = n
  return out
}

/** Totals of `a` and `b` by key. */
export function addCounts(a: Record<string, number>, b: Record<string, number>): Record<string, number> {
  const out = { ...a }
  for (const [k, v] of Object.entries(b)) out[k] = (out[k] ?? 0) + v
  return out
}
