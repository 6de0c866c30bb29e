/**
 * 12. The miss path's options (issue 14), in the production pass: CACHE_READ_MODE (before |
 * parallel) × CACHE_WRITE_MODE (await | behind), one warm container each, measured side by side —
 * every round takes each container in turn, in a rotating order, so outside load falls on all
 * alike. Per option: the miss (scenario 1's measure) and 100 coalesced lookups (scenario 3's),
 * and, as the coalescing bound, the same 100 lookups answered from memory (no upstream at all:
 * what 100 activations cost this container). The State mix (scenario 9) for the parallel read's
 * extra AEP calls and for narrowed pointers runs in state-tiers.ts.
 */
import { type Ctx, cacheStatus, epochNow, lookup, tally, warmContainer, withInputs } from '../lib/context'
import { freshContainer, type Main } from '../lib/runtime'
import { type Summary, summarize } from '../lib/stats'

export const READ_MODES = ['before', 'parallel'] as const
export const WRITE_MODES = ['await', 'behind'] as const
export type ReadMode = (typeof READ_MODES)[number]
export type WriteMode = (typeof WRITE_MODES)[number]

export interface OptionResult {
  readMode: ReadMode
  writeMode: WriteMode
  miss: {
    latencyMs: Summary
    /** Medians per lookup: request → first AEP call; last AEP answer → response. */
    beforeAepMs: number
    afterAepMs: number
    statuses: Record<string, number>
  }
  coalescing: {
    /** Slowest of 100, per round. */
    slowestMs: number[]
    profileCalls: number[]
    beforeAepMs: number[]
    afterAepMs: number[]
    /** The same 100 lookups right after, answered from memory: the 100 activations' own cost. */
    noUpstreamMs: number[]
  }
}

export interface MissOptionsResult {
  customersPerOption: number
  rounds: number
  options: OptionResult[]
}

/** `CACHE_READ_MODE+CACHE_WRITE_MODE`, the key of an option in the summary. */
export const optionKey = (o: { readMode: string; writeMode: string }): string => `${o.readMode}+${o.writeMode}`

interface Slot {
  readMode: ReadMode
  writeMode: WriteMode
  ctx: Ctx
  main: Main
  miss: { ms: number[]; before: number[]; after: number[]; statuses: string[] }
  coalescing: OptionResult['coalescing']
}

const last = <T>(list: T[]): T | undefined => list[list.length - 1]
const med = (v: number[]): number => summarize(v).median

async function oneMiss(slot: Slot): Promise<void> {
  const { env } = slot.ctx
  env.resetCounters()
  const r = await lookup(slot.ctx, slot.main, env.freshCustomer())
  slot.miss.ms.push(r.ms)
  slot.miss.statuses.push(cacheStatus(r.res))
  const profile = last(env.standIns.aep.control.requests('entities.profile'))
  const events = last(env.standIns.aep.control.requests('entities.events'))
  if (profile?.endMs !== undefined) {
    slot.miss.before.push(profile.startMs - r.startEpoch)
    slot.miss.after.push(r.endEpoch - Math.max(profile.endMs, events?.endMs ?? 0))
  }
}

async function oneCoalescedRound(slot: Slot, concurrent: number): Promise<void> {
  const { env } = slot.ctx
  const who = env.freshCustomer()
  env.resetCounters()
  const start = epochNow()
  const all = await Promise.all(Array.from({ length: concurrent }, () => lookup(slot.ctx, slot.main, who)))
  const slowest = Math.max(...all.map((x) => x.endEpoch - start))
  const profile = env.standIns.aep.control.requests('entities.profile')[0]
  const events = env.standIns.aep.control.requests('entities.events')[0]
  const c = slot.coalescing
  c.slowestMs.push(Math.round(slowest * 10) / 10)
  c.profileCalls.push(env.counts().aep['entities.profile'] ?? 0)
  c.beforeAepMs.push(Math.round(((profile?.startMs ?? start) - start) * 10) / 10)
  c.afterAepMs.push(Math.round((start + slowest - Math.max(profile?.endMs ?? start, events?.endMs ?? start)) * 10) / 10)
  // The same 100 again, now in this container's memory: no upstream, only the activations themselves.
  const again = epochNow()
  const hits = await Promise.all(Array.from({ length: concurrent }, () => lookup(slot.ctx, slot.main, who)))
  c.noUpstreamMs.push(Math.round((Math.max(...hits.map((x) => x.endEpoch)) - again) * 10) / 10)
}

export async function runMissOptions(
  ctx: Ctx,
  customersPerOption: number,
  rounds: number,
  concurrent = 100
): Promise<MissOptionsResult> {
  const slots: Slot[] = []
  for (const readMode of READ_MODES)
    for (const writeMode of WRITE_MODES) {
      const sub = withInputs(ctx, { CACHE_READ_MODE: readMode, CACHE_WRITE_MODE: writeMode })
      const main = freshContainer('customer-profile')
      await warmContainer(sub, main)
      slots.push({
        readMode,
        writeMode,
        ctx: sub,
        main,
        miss: { ms: [], before: [], after: [], statuses: [] },
        coalescing: { slowestMs: [], profileCalls: [], beforeAepMs: [], afterAepMs: [], noUpstreamMs: [] }
      })
    }
  const turn = (i: number): Slot[] => slots.map((_, k) => slots[(k + i) % slots.length] as Slot)
  for (let i = 0; i < customersPerOption; i++) for (const slot of turn(i)) await oneMiss(slot)
  // Writes behind the answer of the last misses land before the coalescing rounds count State calls.
  await new Promise((r) => setTimeout(r, 200))
  for (let i = 0; i < rounds; i++) for (const slot of turn(i)) await oneCoalescedRound(slot, concurrent)
  return {
    customersPerOption,
    rounds,
    options: slots.map((s) => ({
      readMode: s.readMode,
      writeMode: s.writeMode,
      miss: {
        latencyMs: summarize(s.miss.ms),
        beforeAepMs: med(s.miss.before),
        afterAepMs: med(s.miss.after),
        statuses: tally(s.miss.statuses)
      },
      coalescing: s.coalescing
    }))
  }
}
