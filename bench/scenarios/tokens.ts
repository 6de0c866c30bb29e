/**
 * 4. Tokens — the app's service token is fetched from IMS once per container at most, and not at
 * all when another container left one in State. Each container is its own Node process (the
 * runtime proxy over the built bundle), so "cold" means a new process.
 *  a) A cold container, no token anywhere: lookup #1 alone (it fetches the token), then 999 more
 *     with 50 in flight over 200 customers. Every lookup is a MISS (sections without audiences are
 *     never cached), so every one needs the token (a few identical ones in flight share one fetch).
 *     Target: 0 IMS calls after the first lookup.
 *  b) Another cold container, the token now in State: one lookup. Target: 0 IMS token calls.
 *     (IMS `validate_token` for the agent's token is the caller check, not the service token: a
 *     new container makes it once per agent token and caches it 60 s; it is counted apart.)
 * Run with AEP latency 0: the token logic does not depend on it, and 1 000 lookups stay quick.
 */
import { type Ctx, tally } from '../lib/context'
import type { LookupIdentity } from '../lib/env'
import { nowMs, pool } from '../lib/stats'
import { type ContainerProcess, spawnContainer } from '../runtime-proxy'

const UNCACHED_SECTIONS = 'identities,name,contact,attributes,insights'

export interface TokensResult {
  lookups: number
  concurrency: number
  firstLookup: { imsTokenCalls: number; imsValidateCalls: number; ms: number }
  /** IMS calls (every route) made by lookups 2..N. */
  warmImsCalls: Record<string, number>
  warmAepProfileCalls: number
  warmStatuses: Record<string, number>
  warmSeconds: number
  coldWithStoredToken: {
    imsTokenCalls: number
    imsValidateCalls: number
    stateGets: number
    status: string
    firstLookupMs: number
    secondLookupMs: number
  }
  /** Warn/error lines of both containers' activation logs. */
  containerWarnOrError: number
  containerSamples: string[]
}

async function get(
  container: ContainerProcess,
  ctx: Ctx,
  who: LookupIdentity
): Promise<{ status: string; ms: number }> {
  const t = nowMs()
  const res = await fetch(
    `${container.url}/customer-profile?${new URLSearchParams({ namespace: who.namespace, id: who.id, fields: UNCACHED_SECTIONS })}`,
    { headers: ctx.env.headers() }
  )
  const body = (await res.json()) as { meta?: { cache?: { status?: string } } }
  return { status: res.status === 200 ? (body.meta?.cache?.status ?? 'none') : `HTTP ${res.status}`, ms: nowMs() - t }
}

export async function runTokens(ctx: Ctx, lookups: number, concurrency: number): Promise<TokensResult> {
  const { env } = ctx
  const before = env.aepLatency()
  env.setAepLatency(0)
  const customers: LookupIdentity[] = Array.from({ length: 200 }, () => env.freshCustomer())
  const pick = (i: number): LookupIdentity => customers[i % customers.length] as LookupIdentity
  const r1 = (v: number): number => Math.round(v * 10) / 10
  let warm: ContainerProcess | undefined
  let cold: ContainerProcess | undefined
  try {
    env.dropStoredToken()
    warm = await spawnContainer(['customer-profile'], env.inputs)
    env.resetCounters()
    const first = await get(warm, ctx, pick(0))
    if (first.status !== 'MISS') throw new Error(`first token lookup: ${first.status}`)
    const c1 = env.counts()
    env.resetCounters()
    const t = nowMs()
    const container = warm
    const rest = await pool(
      Array.from({ length: lookups - 1 }, (_, i) => () => get(container, ctx, pick(i + 1))),
      concurrency
    )
    const warmSeconds = (nowMs() - t) / 1000
    const c2 = env.counts()
    const warmLogs = (await warm.logs()).logs
    await warm.stop()

    cold = await spawnContainer(['customer-profile'], env.inputs)
    env.resetCounters()
    const a = await get(cold, ctx, pick(1))
    const c3 = env.counts()
    const b = await get(cold, ctx, pick(2))
    const coldLogs = (await cold.logs()).logs
    return {
      lookups,
      concurrency,
      firstLookup: { imsTokenCalls: c1.ims.token ?? 0, imsValidateCalls: c1.ims.validate ?? 0, ms: r1(first.ms) },
      warmImsCalls: { total: Object.values(c2.ims).reduce((x, y) => x + y, 0), ...c2.ims },
      warmAepProfileCalls: c2.aep['entities.profile'] ?? 0,
      warmStatuses: tally(rest.map((r) => r.status)),
      warmSeconds: Math.round(warmSeconds * 100) / 100,
      coldWithStoredToken: {
        imsTokenCalls: c3.ims.token ?? 0,
        imsValidateCalls: c3.ims.validate ?? 0,
        stateGets: c3.state['state.get'] ?? 0,
        status: a.status,
        firstLookupMs: r1(a.ms),
        secondLookupMs: r1(b.ms)
      },
      containerWarnOrError: warmLogs.warnOrError + coldLogs.warnOrError,
      containerSamples: [...warmLogs.samples, ...coldLogs.samples].slice(0, 5)
    }
  } finally {
    await warm?.stop()
    await cold?.stop()
    env.setAepLatency(before)
  }
}
