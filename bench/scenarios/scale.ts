/**
 * 7. Scale of the data — the same miss and hit measurements with 100 000 seeded customers as with
 * the small set, run side by side: both sets of stand-ins are up at once and every measurement
 * alternates small / large, so the load other work puts on the machine hits both alike.
 * Shows the stand-in is not the bottleneck: its own lookup time (latency 0) at both sizes.
 * Target: hit and miss unchanged from the small data set.
 */
import { type Ctx, lookup, warmContainer } from '../lib/context'
import { type BenchEnv, type LookupIdentity, startBenchEnv, upstreamBaseline, upstreamCall } from '../lib/env'
import { freshContainer, type Main } from '../lib/runtime'
import { type Summary, summarize } from '../lib/stats'
import { type ContainerProcess, spawnContainer } from '../runtime-proxy'
import { type LoadRun, loadRun } from './hit'

export interface ScaleSide {
  customers: number
  seedMs: number
  upstreamMs: Summary
  /** The stand-in's own time per profile lookup, latency 0 (sequential). */
  standInLookupMs: Summary
  missMs: Summary
  missOverUpstream: number
  /** Loaded hit runs (connections as in scenario 2), p95 of each run. */
  hitP95Ms: number[]
  hitRequestsPerSecond: number[]
  /** One connection: the service time of a hit. */
  hitSingleMedianMs: number
  warnOrError: number
}

export interface ScaleResult {
  small: ScaleSide
  large: ScaleSide
  rounds: number
  hitSecondsPerRun: number
}

async function cachedCustomer(ctx: Ctx, main: Main): Promise<LookupIdentity> {
  const who = ctx.env.freshCustomer()
  const r = await lookup(ctx, main, who)
  if (r.res.statusCode !== 200) throw new Error(`could not cache a customer: ${r.res.statusCode}`)
  return who
}

export async function runScale(
  small: Ctx,
  smallMain: Main,
  largeCustomers: number,
  misses: number,
  rounds: number,
  hitSeconds: number
): Promise<ScaleResult> {
  const opts = small.opts
  const largeEnv: BenchEnv = await startBenchEnv({ customers: largeCustomers, aepLatencyMs: opts.aepLatencyMs })
  const large: Ctx = { ...small, env: largeEnv }
  const containers: ContainerProcess[] = []
  try {
    const sides = [small, large] as const
    const pick =
      (env: BenchEnv) =>
      (i: number): LookupIdentity =>
        env.identityOf(1 + ((i * 104729) % (env.customers - 1)))
    const upstream = await Promise.all(sides.map((c) => upstreamBaseline(c.env, 3, pick(c.env))))

    // The stand-ins' own time, alternating, latency 0.
    for (const c of sides) c.env.setAepLatency(0)
    const own: number[][] = [[], []]
    for (let i = 0; i < 20; i++) for (const c of sides) await upstreamCall(c.env, pick(c.env)(i + 5000))
    for (let i = 0; i < 150; i++) {
      for (const [k, c] of sides.entries()) own[k]?.push(await upstreamCall(c.env, pick(c.env)(i * 13 + 17)))
    }
    for (const c of sides) c.env.setAepLatency(opts.aepLatencyMs)

    // Misses, alternating, each side on its own warm container.
    const largeMain = freshContainer('customer-profile')
    await warmContainer(large, largeMain)
    const mains = [smallMain, largeMain]
    const missMs: number[][] = [[], []]
    for (let i = 0; i < misses; i++) {
      for (const [k, c] of sides.entries()) {
        const r = await lookup(c, mains[k] as Main, c.env.freshCustomer())
        if (r.res.statusCode !== 200) throw new Error(`scale miss answered ${r.res.statusCode}`)
        missMs[k]?.push(r.ms)
      }
    }

    // Hits: one container process per side, loaded runs alternating.
    const hitUrl: string[] = []
    for (const [k, c] of sides.entries()) {
      const who = await cachedCustomer(c, mains[k] as Main)
      const container = await spawnContainer(['customer-profile'], c.env.inputs)
      containers.push(container)
      const url = `${container.url}/customer-profile?${new URLSearchParams({ namespace: who.namespace, id: who.id })}`
      await fetch(url, { headers: c.env.headers() }).then((r) => r.text())
      await loadRun(url, c.env.headers(), opts.connections, 1)
      hitUrl.push(url)
    }
    const loaded: LoadRun[][] = [[], []]
    const single: LoadRun[][] = [[], []]
    for (let r = 0; r < rounds; r++) {
      for (const [k, c] of sides.entries())
        loaded[k]?.push(await loadRun(hitUrl[k] as string, c.env.headers(), opts.connections, hitSeconds))
    }
    for (const [k, c] of sides.entries()) single[k]?.push(await loadRun(hitUrl[k] as string, c.env.headers(), 1, 2))
    const logs = await Promise.all(containers.map((c) => c.logs()))

    const side = (k: 0 | 1): ScaleSide => {
      const c = sides[k]
      const miss = summarize(missMs[k] ?? [])
      return {
        customers: c.env.customers,
        seedMs: Math.round(c.env.seedMs),
        upstreamMs: upstream[k] as Summary,
        standInLookupMs: summarize(own[k] ?? []),
        missMs: miss,
        missOverUpstream: Math.round((miss.median / (upstream[k] as Summary).median) * 1000) / 1000,
        hitP95Ms: (loaded[k] ?? []).map((l) => l.latencyMs.p95),
        hitRequestsPerSecond: (loaded[k] ?? []).map((l) => l.requestsPerSecond),
        hitSingleMedianMs: single[k]?.[0]?.latencyMs.median ?? Number.NaN,
        warnOrError: logs[k]?.logs.warnOrError ?? 0
      }
    }
    return { small: side(0), large: side(1), rounds, hitSecondsPerRun: hitSeconds }
  } finally {
    for (const c of containers) await c.stop()
    await largeEnv.close()
  }
}
