/**
 * 10. The template action, side by side — Adobe's customer-profile template as a user would extend
 * it (lib/template-peer.ts: a new IMS token, the profile, then the events; nothing cached), against
 * our customer-profile for the same customers, at the same AEP (and, in the production pass, IMS
 * and State) latencies, one lookup at a time. Per customer, in turns that alternate which side goes
 * first so outside load falls on both alike: the peer with the library and with plain fetch, then
 * our MISS on the warm container, our HIT right after on it (memory tier) and our HIT on a second
 * warm container (State). No target: the ratios are the finding.
 */
import { addCounts, type Ctx, cacheStatus, callCounts, lookup, tally, warmContainer } from '../lib/context'
import type { LookupIdentity } from '../lib/env'
import { freshContainer, type Main } from '../lib/runtime'
import { type Summary, summarize } from '../lib/stats'
import { type PeerLookup, type PeerVariant, peerLookup, templateLibrary } from '../lib/template-peer'

type Ours = 'ourMiss' | 'ourHit' | 'ourStateHit'

export interface PeerResult {
  /** What the peer ran: the library (and its version), or plain fetch when the library is not installed. */
  implementation: string
  lookups: number
  /** The events limit our action sent AEP; the peer asks for the same. */
  eventsLimit: number
  latencyMs: { peer: Summary; peerFetch: Summary | null } & Record<Ours, Summary>
  /** The peer's calls one after another (medians): token, init (library only), profile, events. */
  peerPhasesMs: { ims: Summary; init: Summary; profile: Summary; events: Summary }
  /** Stand-in calls per lookup (`aep:<route>`, `ims:<route>`, `state:<route>`). */
  callsPerLookup: Record<'peer' | Ours, Record<string, number>>
  cacheStatuses: Record<Ours, Record<string, number>>
}

const DEFAULT_EVENTS_LIMIT = 10

/** `HIT (memory)`, `HIT (state)`, `MISS`, … */
function statusWithTier(res: Parameters<typeof cacheStatus>[0]): string {
  const tier = (res.body as { meta?: { cache?: { tier?: unknown } } } | undefined)?.meta?.cache?.tier
  return typeof tier === 'string' ? `${cacheStatus(res)} (${tier})` : cacheStatus(res)
}

/** The `limit` of the last events call our action made (what the peer must ask for too). */
function lastEventsLimit(ctx: Ctx): number {
  const last = ctx.env.standIns.aep.control.requests('entities.events').pop()
  const limit = last ? Number(new URL(last.path, 'http://x').searchParams.get('limit')) : Number.NaN
  return Number.isInteger(limit) && limit > 0 ? limit : DEFAULT_EVENTS_LIMIT
}

export async function runPeer(ctx: Ctx, main: Main, lookups: number): Promise<PeerResult> {
  const { env } = ctx
  const lib = templateLibrary(env.standIns.aep.url)
  const variants: PeerVariant[] = lib ? ['library', 'fetch'] : ['fetch']
  const other = freshContainer('customer-profile')
  await warmContainer(ctx, other)
  const times: Record<string, number[]> = {}
  const peerRuns: PeerLookup[] = []
  let calls: Record<'peer' | Ours, Record<string, number>> = { peer: {}, ourMiss: {}, ourHit: {}, ourStateHit: {} }
  const statuses: Record<Ours, string[]> = { ourMiss: [], ourHit: [], ourStateHit: [] }
  let eventsLimit = DEFAULT_EVENTS_LIMIT
  const record = (name: string, ms: number): void => {
    times[name] = [...(times[name] ?? []), ms]
  }
  const counted = async <T>(name: 'peer' | Ours, run: () => Promise<T>): Promise<T> => {
    env.resetCounters()
    const r = await run()
    calls = { ...calls, [name]: addCounts(calls[name], callCounts(env)) }
    return r
  }
  const ours = async (who: LookupIdentity, timed: boolean): Promise<void> => {
    const steps: Array<[Ours, Main]> = [
      ['ourMiss', main],
      ['ourHit', main],
      ['ourStateHit', other]
    ]
    for (const [name, container] of steps) {
      const r = await counted(name, () => lookup(ctx, container, who))
      if (name === 'ourMiss') eventsLimit = lastEventsLimit(ctx)
      if (!timed) continue
      record(name, r.ms)
      statuses[name].push(statusWithTier(r.res))
    }
  }
  const peers = async (who: LookupIdentity, timed: boolean): Promise<void> => {
    for (const v of variants) {
      const r = await counted('peer', () => peerLookup(env, who, v, eventsLimit))
      if (!timed) continue
      record(v, r.ms)
      if (v === variants[0]) peerRuns.push(r)
    }
  }
  // Untimed turns first: the library's first inits run several times slower while V8 warms up.
  const warmUps = ctx.opts.quick ? 1 : 2
  for (let i = 0; i < warmUps; i++) {
    const who = env.freshCustomer()
    await ours(who, false)
    await peers(who, false)
  }
  calls = { peer: {}, ourMiss: {}, ourHit: {}, ourStateHit: {} }
  for (let i = 0; i < lookups; i++) {
    const who = env.freshCustomer()
    if (i % 2 === 0) {
      await peers(who, true)
      await ours(who, true)
    } else {
      await ours(who, true)
      await peers(who, true)
    }
  }
  const s = (name: string): Summary => summarize(times[name] ?? [])
  const perLookup = (c: Record<string, number>, n: number): Record<string, number> =>
    Object.fromEntries(Object.entries(c).map(([k, v]) => [k, Math.round((v / n) * 100) / 100]))
  const phase = (pick: (r: PeerLookup) => number): Summary => summarize(peerRuns.map(pick))
  return {
    implementation: lib
      ? `@adobe/aio-lib-customer-profile ${lib.version} (its spec's server pointed at the stand-in)`
      : 'plain fetch (@adobe/aio-sdk not installed)',
    lookups,
    eventsLimit,
    latencyMs: {
      peer: s(variants[0] ?? 'fetch'),
      peerFetch: lib ? s('fetch') : null,
      ourMiss: s('ourMiss'),
      ourHit: s('ourHit'),
      ourStateHit: s('ourStateHit')
    },
    peerPhasesMs: {
      ims: phase((r) => r.imsMs),
      init: phase((r) => r.initMs),
      profile: phase((r) => r.profileMs),
      events: phase((r) => r.eventsMs)
    },
    callsPerLookup: {
      // Both variants count under `peer`: each made the same calls.
      peer: perLookup(calls.peer, lookups * variants.length),
      ourMiss: perLookup(calls.ourMiss, lookups),
      ourHit: perLookup(calls.ourHit, lookups),
      ourStateHit: perLookup(calls.ourStateHit, lookups)
    },
    cacheStatuses: {
      ourMiss: tally(statuses.ourMiss),
      ourHit: tally(statuses.ourHit),
      ourStateHit: tally(statuses.ourStateHit)
    }
  }
}
