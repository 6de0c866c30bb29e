/**
 * 3. Coalescing — 100 lookups of one uncached customer arrive together at one warm container.
 * Target: exactly 1 upstream profile call; all 100 answered within 1.10 × one upstream call
 * (wall time from the first request sent to the slowest answer).
 */
import { type Ctx, cacheStatus, epochNow, lookup, tally } from '../lib/context'
import type { Main } from '../lib/runtime'
import { type Summary, summarize } from '../lib/stats'

export interface CoalescingRound {
  concurrent: number
  profileCalls: number
  eventsCalls: number
  stateGets: number
  statePuts: number
  slowestMs: number
  fastestMs: number
  medianMs: number
  /** From the first request to the start of the (one) AEP profile call. */
  beforeAepMs: number
  /** From the AEP answers to the slowest response. */
  afterAepMs: number
  statuses: Record<string, number>
}

export interface CoalescingResult {
  rounds: CoalescingRound[]
  slowestMs: Summary
  maxProfileCalls: number
}

export async function runCoalescing(
  ctx: Ctx,
  main: Main,
  concurrent: number,
  rounds: number
): Promise<CoalescingResult> {
  const { env } = ctx
  const out: CoalescingRound[] = []
  for (let r = 0; r < rounds; r++) {
    const who = env.freshCustomer()
    env.resetCounters()
    const start = epochNow()
    const results = await Promise.all(Array.from({ length: concurrent }, () => lookup(ctx, main, who)))
    const ends = results.map((x) => x.endEpoch - start)
    const c = env.counts()
    const profile = env.standIns.aep.control.requests('entities.profile')[0]
    const events = env.standIns.aep.control.requests('entities.events')[0]
    const aepEnd = Math.max(profile?.endMs ?? start, events?.endMs ?? start)
    const s = summarize(ends)
    out.push({
      concurrent,
      profileCalls: c.aep['entities.profile'] ?? 0,
      eventsCalls: c.aep['entities.events'] ?? 0,
      stateGets: c.state['state.get'] ?? 0,
      statePuts: c.state['state.put'] ?? 0,
      slowestMs: s.max,
      fastestMs: s.min,
      medianMs: s.median,
      beforeAepMs: Math.round(((profile?.startMs ?? start) - start) * 10) / 10,
      afterAepMs: Math.round((start + s.max - aepEnd) * 10) / 10,
      statuses: tally(results.map((x) => cacheStatus(x.res)))
    })
  }
  return {
    rounds: out,
    slowestMs: summarize(out.map((o) => o.slowestMs)),
    maxProfileCalls: Math.max(...out.map((o) => o.profileCalls))
  }
}
