/**
 * 1. Miss — the full customer view (profile + events + audience names) of customers whose view is
 * not cached, on a warm container (token held, caller validated, audience names named by earlier
 * lookups, as in production after the first few lookups). One lookup at a time, distinct customers.
 * Target: latency ≤ 1.10 × one upstream call.
 */
import type { RequestRecord } from '../../stand-ins'
import { type Ctx, cacheStatus, lookup, tally, timingsOf } from '../lib/context'
import type { LookupIdentity } from '../lib/env'
import type { Main } from '../lib/runtime'
import { type Summary, summarize } from '../lib/stats'

export interface MissResult {
  lookups: number
  latencyMs: Summary
  /** Where the time went, per lookup (medians): before the first AEP call, AEP, after the last AEP answer. */
  phasesMs: { beforeAep: Summary; aep: Summary; afterAep: Summary }
  /** The action's own meta.timings (profileMs, eventsMs, audiencesMs, totalMs), medians. */
  actionTimingsMs: Record<string, number>
  /** Upstream calls per lookup (totals over all lookups / lookups). */
  callsPerLookup: Record<string, number>
  cacheStatuses: Record<string, number>
}

function lastOf(records: RequestRecord[]): RequestRecord | undefined {
  return records[records.length - 1]
}

export async function runMisses(ctx: Ctx, main: Main, customers: LookupIdentity[]): Promise<MissResult> {
  const { env } = ctx
  const n = customers.length
  const wall: number[] = []
  const before: number[] = []
  const aep: number[] = []
  const after: number[] = []
  const statuses: string[] = []
  const timings: Record<string, number[]> = {}
  const calls: Record<string, number> = {}
  for (const who of customers) {
    env.resetCounters()
    const r = await lookup(ctx, main, who)
    statuses.push(cacheStatus(r.res))
    wall.push(r.ms)
    for (const [k, v] of Object.entries(timingsOf(r.res))) {
      const list = timings[k] ?? []
      list.push(v)
      timings[k] = list
    }
    const c = env.counts()
    for (const [k, v] of Object.entries({
      ...prefixed('aep', c.aep),
      ...prefixed('ims', c.ims),
      ...prefixed('state', c.state)
    }))
      calls[k] = (calls[k] ?? 0) + v
    const profile = lastOf(env.standIns.aep.control.requests('entities.profile'))
    const events = lastOf(env.standIns.aep.control.requests('entities.events'))
    if (profile?.endMs !== undefined) {
      const aepEnd = Math.max(profile.endMs, events?.endMs ?? 0)
      before.push(profile.startMs - r.startEpoch)
      aep.push(aepEnd - profile.startMs)
      after.push(r.endEpoch - aepEnd)
    }
  }
  const med = (v: number[]): number => summarize(v).median
  return {
    lookups: n,
    latencyMs: summarize(wall),
    phasesMs: { beforeAep: summarize(before), aep: summarize(aep), afterAep: summarize(after) },
    actionTimingsMs: Object.fromEntries(Object.entries(timings).map(([k, v]) => [k, med(v)])),
    callsPerLookup: Object.fromEntries(Object.entries(calls).map(([k, v]) => [k, Math.round((v / n) * 100) / 100])),
    cacheStatuses: tally(statuses)
  }
}

function prefixed(p: string, counters: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(counters).map(([k, v]) => [`${p}:${k}`, v]))
}
