/**
 * 9. State, as production pays it (run in the production pass, State answering after its modelled
 * latency). New-container hits: the State round trips a container that has never seen a customer
 * pays for a HIT, by the identity the view was written under and by another identity of the same
 * customer (before and after that identity was used once). The mix: State reads, writes and bytes
 * per 1 000 lookups of a realistic call-centre mix, and the headroom to State's 10 MB/min write
 * quota for N agents.
 */
import type { Ctx } from '../lib/context'
import { cacheStatus, lookup, tally, withInputs } from '../lib/context'
import { type LookupIdentity, ORG } from '../lib/env'
import { activate, freshContainer, type Main, OW_NAMESPACE, webParams } from '../lib/runtime'

export interface NewContainerHit {
  /** HIT by the identity the view was stored under. */
  sameIdentity: { stateReads: number; ms: number; status: string }
  /** HIT by another identity (phone) in a new container, the first time: the pointer is followed, then replaced by the view. */
  otherIdentityFirst: { stateReads: number; stateWrites: number; ms: number; status: string }
  /** The same identity again, in yet another new container. */
  otherIdentityAfter: { stateReads: number; ms: number; status: string }
}

export interface StateMix {
  lookups: number
  /** The deployment inputs this mix ran with beyond the bench's own (an option under test), if any. */
  inputs: Record<string, string>
  /** What the mix is made of (counts of each kind of request). */
  kinds: Record<string, number>
  cacheStatuses: Record<string, number>
  perThousandLookups: { reads: number; writes: number; bytes: number }
  /** AEP calls per 1 000 requests of the mix (every route), for the AEP budget (scenario 11). */
  aepPerThousandLookups: number
  /** State's production write quota and how much of it N agents use, at the stated lookups per agent per minute. */
  headroom: {
    quotaBytesPerMinute: number
    lookupsPerAgentPerMinute: number
    writeBytesPerLookup: number
    agentsAtQuota: number
    byAgents: Record<string, { bytesPerMinute: number; shareOfQuota: number }>
  }
}

const QUOTA_BYTES_PER_MINUTE = 10 * 1024 * 1024
/** An assumption, not a measurement: an agent on calls makes about one lookup a minute. */
const LOOKUPS_PER_AGENT_PER_MINUTE = 1

function viewReads(ctx: Ctx): number {
  return ctx.env.standIns.state.control
    .requests('state.get')
    .filter((r) => !r.path.includes('.token.') && !r.path.includes('.aud.')).length
}

async function newContainerHit(
  ctx: Ctx,
  who: LookupIdentity
): Promise<{ stateReads: number; stateWrites: number; ms: number; status: string }> {
  ctx.env.resetCounters()
  const r = await lookup(ctx, freshContainer('customer-profile'), who)
  // The promotion write runs beside the answer; let it land before counting.
  await new Promise((res) => setTimeout(res, 200))
  return {
    stateReads: viewReads(ctx),
    stateWrites: ctx.env.counts().state['state.put'] ?? 0,
    ms: Math.round(r.ms * 10) / 10,
    status: cacheStatus(r.res)
  }
}

/** A customer looked up once by e-mail (a MISS, which stores the view), then hit by three new containers. */
export async function runNewContainerHits(ctx: Ctx, main: Main): Promise<NewContainerHit> {
  const { env } = ctx
  const who = env.freshCustomer()
  const other = env.identitiesOf(who.index).find((i) => i.namespace === 'phone')
  if (!other) throw new Error(`customer ${who.index} has no phone`)
  const miss = await lookup(ctx, main, who)
  if (cacheStatus(miss.res) !== 'MISS') throw new Error(`expected a MISS, got ${cacheStatus(miss.res)}`)
  const same = await newContainerHit(ctx, who)
  const first = await newContainerHit(ctx, other)
  const after = await newContainerHit(ctx, other)
  return {
    sameIdentity: { stateReads: same.stateReads, ms: same.ms, status: same.status },
    otherIdentityFirst: first,
    otherIdentityAfter: { stateReads: after.stateReads, ms: after.ms, status: after.status }
  }
}

export type MixKind = 'new' | 'repeat' | 'otherIdentity' | 'refresh' | 'eventsPage'
type Kind = MixKind
/** Of every 20 requests: 8 new customers, 5 repeats (same identity), 3 by another identity, 2 refreshes, 2 "load more". */
const PATTERN: Kind[] = [
  'new',
  'repeat',
  'new',
  'otherIdentity',
  'new',
  'repeat',
  'refresh',
  'new',
  'eventsPage',
  'new'
]
const PATTERN2: Kind[] = [
  'repeat',
  'new',
  'otherIdentity',
  'new',
  'repeat',
  'eventsPage',
  'new',
  'otherIdentity',
  'repeat',
  'refresh'
]

/** The mix, 20 requests long, as it repeats. */
export const MIX: readonly MixKind[] = [...PATTERN, ...PATTERN2]

export interface MixOptions {
  /** Deployment inputs over the bench's (an option under test). */
  inputs?: Record<string, string>
  /**
   * The new customers of the mix, so that mixes compare on the same customers (views differ in
   * size and identities): an empty list is filled with the ones this mix used; a filled one is
   * replayed, after the customers' views and pointers are removed from State.
   */
  customers?: LookupIdentity[]
}

/** The State key prefix of customer views and pointers (not tokens or audience names): `cah1.<org>.`. */
const VIEW_KEYS = `cah1.${ORG.replace(/@AdobeOrg$/, '')}.*`

/**
 * `n` requests over two warm containers taken in turn (Runtime spreads an agent's requests), AEP
 * at latency 0 (only State is counted here).
 */
export async function runStateMix(outer: Ctx, n: number, options: MixOptions = {}): Promise<StateMix> {
  const inputs = options.inputs ?? {}
  const ctx = withInputs(outer, inputs)
  const { env } = ctx
  const replay = options.customers && options.customers.length > 0 ? [...options.customers] : null
  const used = options.customers ?? []
  if (replay) env.standIns.state.store.deleteMatching(OW_NAMESPACE, VIEW_KEYS)
  const containers = [freshContainer('customer-profile'), freshContainer('customer-profile')]
  const events = freshContainer('customer-events')
  const before = env.aepLatency()
  env.setAepLatency(0)
  const seen: Array<{ who: LookupIdentity; cursor: string | null }> = []
  const kinds: Kind[] = []
  const statuses: string[] = []
  try {
    // Warm both containers (token, caller check, audience names) outside the count.
    for (const c of containers) for (let i = 0; i < 3; i++) await lookup(ctx, c, env.freshCustomer())
    env.resetCounters()
    for (let i = 0; i < n; i++) {
      const c = containers[i % 2] as Main
      const last = seen[seen.length - 1]
      let kind: Kind = MIX[i % MIX.length] as Kind
      if (!last) kind = 'new'
      kinds.push(kind)
      if (kind === 'new' || !last) {
        const who = replay ? replay.shift() : env.freshCustomer()
        if (!who) throw new Error('the replayed mix ran out of customers')
        if (!replay) used.push(who)
        const r = await lookup(ctx, c, who)
        statuses.push(cacheStatus(r.res))
        const body = r.res.body as { meta?: { events?: { nextCursor?: string | null } } }
        seen.push({ who, cursor: body.meta?.events?.nextCursor ?? null })
      } else if (kind === 'repeat') {
        statuses.push(cacheStatus((await lookup(ctx, c, last.who)).res))
      } else if (kind === 'otherIdentity') {
        const other = env.identitiesOf(last.who.index).find((x) => x.namespace === 'phone') ?? last.who
        statuses.push(cacheStatus((await lookup(ctx, c, other)).res))
      } else if (kind === 'refresh') {
        statuses.push(cacheStatus((await lookup(ctx, c, last.who, { refresh: 'true' })).res))
      } else {
        const query: Record<string, string> = { namespace: last.who.namespace, id: last.who.id, limit: '10' }
        if (last.cursor) query.cursor = last.cursor
        const res = await activate(
          'customer-events',
          events,
          webParams(env.inputs, { method: 'GET', query, headers: env.headers() })
        )
        statuses.push(res.statusCode === 200 ? 'events page' : `events HTTP ${res.statusCode}`)
      }
    }
    // Promotion writes run beside the answers; let the last land.
    await new Promise((res) => setTimeout(res, 200))
  } finally {
    env.setAepLatency(before)
  }
  const counts = env.counts()
  const c = counts.state
  const per = (v: number): number => Math.round((v / n) * 1000)
  const written = env.stateBytes().written
  const writeBytesPerLookup = written / n
  const bytesPerMinute = (agents: number): number =>
    Math.round(agents * LOOKUPS_PER_AGENT_PER_MINUTE * writeBytesPerLookup)
  const byAgents = Object.fromEntries(
    [100, 500, 1000, 2000].map((a) => [
      String(a),
      {
        bytesPerMinute: bytesPerMinute(a),
        shareOfQuota: Math.round((bytesPerMinute(a) / QUOTA_BYTES_PER_MINUTE) * 1000) / 1000
      }
    ])
  )
  return {
    lookups: n,
    inputs,
    kinds: tally(kinds),
    cacheStatuses: tally(statuses),
    perThousandLookups: { reads: per(c['state.get'] ?? 0), writes: per(c['state.put'] ?? 0), bytes: per(written) },
    aepPerThousandLookups: per(Object.values(counts.aep).reduce((a, b) => a + b, 0)),
    headroom: {
      quotaBytesPerMinute: QUOTA_BYTES_PER_MINUTE,
      lookupsPerAgentPerMinute: LOOKUPS_PER_AGENT_PER_MINUTE,
      writeBytesPerLookup: Math.round(writeBytesPerLookup),
      agentsAtQuota: Math.floor(
        QUOTA_BYTES_PER_MINUTE / Math.max(1, writeBytesPerLookup * LOOKUPS_PER_AGENT_PER_MINUTE)
      ),
      byAgents
    }
  }
}
