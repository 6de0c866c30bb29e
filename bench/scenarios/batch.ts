/**
 * 5. Batch — 100 identities nobody looked up yet, through customer-profiles (one multi-entity POST
 * per 100 misses), against 100 single customer-profile lookups of other uncached customers asking
 * for the same sections (no events: the batch default), sent 10 at a time as a CRM sync might.
 * Both on warm containers (token, caller validation and audience names warm).
 */
import { type Ctx, cacheStatus, lookup, post, tally } from '../lib/context'
import type { LookupIdentity } from '../lib/env'
import { freshContainer, type Main } from '../lib/runtime'
import { nowMs, pool, type Summary, summarize } from '../lib/stats'

const BATCH_SECTIONS = 'identities,name,contact,attributes,insights,audiences'

export interface BatchResult {
  identities: number
  batch: {
    ms: number
    status: number
    upstreamCalls: Record<string, number>
    reportedUpstreamCalls: number | null
    found: number
    phasesMs: { beforeAep: number; aep: number; afterAep: number }
  }
  singles: {
    lookups: number
    concurrency: number
    ms: number
    latencyMs: Summary
    upstreamCalls: Record<string, number>
    statuses: Record<string, number>
  }
}

function callsOf(c: {
  aep: Record<string, number>
  ims: Record<string, number>
  state: Record<string, number>
}): Record<string, number> {
  const out: Record<string, number> = {}
  for (const [k, v] of Object.entries(c.aep)) out[`aep:${k}`] = v
  for (const [k, v] of Object.entries(c.ims)) out[`ims:${k}`] = v
  for (const [k, v] of Object.entries(c.state)) out[`state:${k}`] = v
  return out
}

export async function runBatch(ctx: Ctx, singleMain: Main, size: number, concurrency: number): Promise<BatchResult> {
  const { env } = ctx
  const batchMain = freshContainer('customer-profiles')
  const body = (who: LookupIdentity[]): Record<string, unknown> => ({
    identities: who.map((w) => ({ namespace: w.namespace, id: w.id }))
  })

  // Warm the batch container like a running one: token, caller validation, audience names.
  const latency = env.aepLatency()
  env.setAepLatency(0)
  const warm = await post(
    ctx,
    'customer-profiles',
    batchMain,
    body(Array.from({ length: 40 }, () => env.freshCustomer()))
  )
  env.setAepLatency(latency)
  if (warm.res.statusCode !== 200)
    throw new Error(`batch warm-up answered ${warm.res.statusCode}: ${JSON.stringify(warm.res.body).slice(0, 300)}`)

  const batchWho = Array.from({ length: size }, () => env.freshCustomer())
  env.resetCounters()
  const b = await post(ctx, 'customer-profiles', batchMain, body(batchWho))
  const bc = env.counts()
  const multi = env.standIns.aep.control.requests('entities.multi')
  const aepStart = Math.min(...multi.map((r) => r.startMs))
  const aepEnd = Math.max(...multi.map((r) => r.endMs ?? r.startMs))
  const answer = b.res.body as { meta?: { upstreamCalls?: number; counts?: { found?: number } } }

  const singleWho = Array.from({ length: size }, () => env.freshCustomer())
  env.resetCounters()
  const t = nowMs()
  const singles = await pool(
    singleWho.map((w) => () => lookup(ctx, singleMain, w, { fields: BATCH_SECTIONS })),
    concurrency
  )
  const singlesMs = nowMs() - t
  const sc = env.counts()
  const r1 = (v: number): number => Math.round(v * 10) / 10
  return {
    identities: size,
    batch: {
      ms: r1(b.ms),
      status: b.res.statusCode,
      upstreamCalls: callsOf(bc),
      reportedUpstreamCalls: answer.meta?.upstreamCalls ?? null,
      found: answer.meta?.counts?.found ?? 0,
      phasesMs: {
        beforeAep: r1(aepStart - b.startEpoch),
        aep: r1(aepEnd - aepStart),
        afterAep: r1(b.endEpoch - aepEnd)
      }
    },
    singles: {
      lookups: size,
      concurrency,
      ms: r1(singlesMs),
      latencyMs: summarize(singles.map((s) => s.ms)),
      upstreamCalls: callsOf(sc),
      statuses: tally(singles.map((s) => cacheStatus(s.res)))
    }
  }
}
