/**
 * Soak run (`npm run soak [-- --seconds 120 --concurrency 20]`, not part of `npm test`): the real
 * actions' `main` against in-process stand-ins with 5 000 customers, under a mixed load of single,
 * batch and event lookups, metadata, invalidations, invalid input and refused callers, while faults
 * are switched on and off on AEP, IMS and State every few seconds and containers go cold.
 * `--faults aep,state` limits the faults to some services.
 * Reports requests served, statuses and error codes, crashes, unanswered calls, leaked secrets or
 * PII in logs, and memory before/after; writes bench/results/soak-latest.json. Exits 1 on a crash,
 * an INTERNAL_ERROR, an unanswered call or a leak.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { main as invalidate } from '../actions/cache-invalidate'
import { main as events } from '../actions/customer-events'
import { main as profile } from '../actions/customer-profile'
import { main as batch } from '../actions/customer-profiles'
import type { ActionResponse } from '../actions/lib/http/responses'
import { setLogSink } from '../actions/lib/observability/logger'
import { main as metadata } from '../actions/metadata'
import type { Fault } from '../stand-ins'
import { FAULT_TYPES } from '../stand-ins/lib/types'
import { type Main, ORG, OTHER_ORG, startTestEnv, type TestEnv } from '../test/integration/harness'
import { findLeaks, seededPii, seedsOf } from '../test/security/leak-scan'

const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(`--${name}`)
  const n = i >= 0 ? Number(process.argv[i + 1]) : fallback
  return Number.isFinite(n) && n > 0 ? n : fallback
}
const SECONDS = arg('seconds', 120)
/** Which services get faults (`--faults aep,state` leaves IMS alone); default all three. */
const FAULTS_ON = new Set(
  (process.argv[process.argv.indexOf('--faults') + 1] ?? '')
    .split(',')
    .filter((s) => ['aep', 'ims', 'state'].includes(s))
)
if (!process.argv.includes('--faults') || FAULTS_ON.size === 0)
  for (const s of ['aep', 'ims', 'state']) FAULTS_ON.add(s)
const CONCURRENCY = arg('concurrency', 20)
const CUSTOMERS = 5000
const FAULT_EVERY_MS = 3000
const COLD_EVERY_MS = 10_000
/** A call not answered within this is counted as unanswered (the action's own budget is 10 s). */
const WATCHDOG_MS = 15_000

setFlagsFromString('--expose_gc')
const gc = runInNewContext('gc') as () => void
const rnd = (n: number): number => Math.floor(Math.random() * n)
const pick = <T>(list: readonly T[]): T => list[rnd(list.length)] as T
const memory = (): { rssMB: number; heapUsedMB: number } => {
  gc()
  const m = process.memoryUsage()
  return { rssMB: Math.round(m.rss / 1e5) / 10, heapUsedMB: Math.round(m.heapUsed / 1e5) / 10 }
}

const tally = {
  started: 0,
  answered: 0,
  threw: 0,
  unanswered: 0,
  late: 0,
  unansweredBy: {} as Record<string, number>,
  byStatus: {} as Record<string, number>,
  byCode: {} as Record<string, number>,
  byOperation: {} as Record<string, number>
}
const crashes: string[] = []
process.on('unhandledRejection', (e) => {
  crashes.push(`unhandledRejection: ${String(e).slice(0, 200)}`)
})
process.on('uncaughtException', (e) => {
  crashes.push(`uncaughtException: ${String(e).slice(0, 200)}`)
})
const bump = (m: Record<string, number>, k: string): void => {
  m[k] = (m[k] ?? 0) + 1
}

interface Operation {
  name: string
  main: Main
  query: Record<string, unknown>
  opts: Parameters<TestEnv['call']>[2]
}

function workload(env: TestEnv, tokens: () => string, cursors: Map<string, string>): () => Operation {
  const seed = env.standIns.aep.sandboxes.get('prod')?.seed
  if (!seed) throw new Error('no prod seed')
  // Most calls are for a hot set of customers (cache hits), the rest spread over all 5 000.
  const customer = (): number => (Math.random() < 0.8 ? rnd(500) : rnd(CUSTOMERS))
  const identity = (): { namespace: string; id: string } =>
    pick(seed.identities(customer()).filter((i) => i.namespace !== 'ecid'))
  const as = (): { token: string } => ({ token: tokens() })
  const invalid = [
    { namespace: 'email', id: 'not-an-email' },
    { namespace: 'phone', id: '12' },
    { namespace: 'bad ns', id: 'x' },
    { id: 'x' },
    { namespace: 'email', id: ['a@b.co', 'c@d.co'] },
    { namespace: 'ecid', id: '1'.repeat(37) },
    { namespace: 'email', id: 'x'.repeat(10_000) }
  ]
  return () => {
    const r = Math.random()
    if (r < 0.4)
      return {
        name: 'profile',
        main: profile,
        query: { ...identity(), ...(Math.random() < 0.1 ? { refresh: 'true' } : {}) },
        opts: as()
      }
    if (r < 0.5)
      return {
        name: 'batch',
        main: batch,
        query: {},
        opts: {
          ...as(),
          method: 'POST',
          body: {
            identities: Array.from({ length: 10 + rnd(40) }, identity),
            ...(Math.random() < 0.2 ? { include: ['name', 'events'], eventsLimit: 3 } : {})
          }
        }
      }
    if (r < 0.65) {
      const who = identity()
      const cursor = cursors.get(`${who.namespace}:${who.id}`)
      return { name: 'events', main: events, query: { ...who, limit: '5', ...(cursor ? { cursor } : {}) }, opts: as() }
    }
    if (r < 0.8) return { name: 'invalid', main: profile, query: pick(invalid), opts: as() }
    if (r < 0.85)
      return { name: 'other-org', main: profile, query: identity(), opts: { token: env.agentToken(OTHER_ORG) } }
    if (r < 0.9)
      return { name: 'bad-token', main: profile, query: identity(), opts: { token: env.agentToken(ORG, -60) } }
    if (r < 0.95) return { name: 'metadata', main: metadata, query: { sandbox: pick(['prod', 'dev']) }, opts: as() }
    return { name: 'invalidate', main: invalidate, query: {}, opts: { ...as(), method: 'POST', body: identity() } }
  }
}

/** Every few seconds each service gets a random fault, or its faults cleared. */
function switchFaults(env: TestEnv, log: string[]): void {
  const services: Array<[string, { addFault(f: Fault): void; clearFaults(): void }, string[]]> = [
    [
      'aep',
      env.standIns.aep.control,
      ['entities.profile', 'entities.events', 'entities.multi', 'audiences', 'namespaces', '*']
    ],
    ['ims', env.standIns.ims.control, ['token', 'validate']],
    ['state', env.standIns.state.control, ['*', 'state.get', 'state.put']]
  ]
  for (const [name, control, routes] of services) {
    control.clearFaults()
    if (!FAULTS_ON.has(name)) continue
    if (Math.random() < 0.5) continue
    const fault: Fault = {
      route: pick(routes),
      type: pick(FAULT_TYPES),
      ...(Math.random() < 0.5 ? { times: 1 + rnd(20) } : {})
    }
    if (fault.type === '429') fault.retryAfterMs = pick([100, 500, 3000])
    if (fault.type === 'trickle') Object.assign(fault, { chunkBytes: 256, intervalMs: 20 })
    control.addFault(fault)
    log.push(`${name} ${fault.route} ${fault.type}${fault.times ? ` ×${fault.times}` : ''}`)
  }
}

async function run(): Promise<void> {
  const env = await startTestEnv({ customers: CUSTOMERS }, { LOG_LEVEL: 'info', AEP_TIMEOUT_MS: '1000' })
  env.standIns.aep.control.setLatency({ default: 5, routes: { 'entities.profile': 20, 'entities.multi': 40 } })
  const pii = seededPii(
    seedsOf(env),
    Array.from({ length: CUSTOMERS }, (_, i) => i)
  )
  pii.names = new Set([...pii.names].slice(0, 100))
  let pool = Array.from({ length: 20 }, () => env.agentToken())
  const cursors = new Map<string, string>()
  const next = workload(env, () => pick(pool), cursors)
  const leaks: string[] = []
  let logLines = 0
  const scanLogs = (): void => {
    leaks.push(...findLeaks(env.logs, pii).slice(0, 20 - leaks.length))
    logLines += env.logs.length
    env.logs.length = 0
  }

  const before = memory()
  const samples: Array<{ atSecond: number; rssMB: number; heapUsedMB: number }> = []
  const faultLog: string[] = []
  const started = Date.now()
  const deadline = started + SECONDS * 1000
  const timers = [
    setInterval(() => switchFaults(env, faultLog), FAULT_EVERY_MS),
    setInterval(() => {
      env.coldContainer()
      pool = Array.from({ length: 20 }, () => env.agentToken())
    }, COLD_EVERY_MS),
    setInterval(scanLogs, 1000),
    setInterval(() => {
      samples.push({ atSecond: Math.round((Date.now() - started) / 1000), ...memory() })
    }, 10_000)
  ]
  const pending = new Set<Promise<void>>()

  const record = (op: Operation, res: ActionResponse): void => {
    tally.answered++
    bump(tally.byStatus, String(res.statusCode))
    const body = res.body as {
      error?: { code?: string }
      nextCursor?: unknown
      meta?: { events?: { nextCursor?: unknown } }
    }
    if (body.error?.code) bump(tally.byCode, body.error.code)
    const cursor = op.name === 'events' ? body.nextCursor : body.meta?.events?.nextCursor
    if (typeof cursor === 'string' && typeof op.query.namespace === 'string')
      cursors.set(`${op.query.namespace}:${String(op.query.id)}`, cursor)
  }
  const one = async (): Promise<void> => {
    const op = next()
    tally.started++
    bump(tally.byOperation, op.name)
    let abandoned = false
    const work = env.call(op.main, op.query, op.opts).then(
      (res) => {
        if (abandoned) tally.late++
        else record(op, res)
      },
      (e: unknown) => {
        tally.threw++
        crashes.push(`main threw: ${String(e).slice(0, 200)}`)
      }
    )
    pending.add(work)
    void work.finally(() => pending.delete(work))
    let timer: NodeJS.Timeout | undefined
    const inTime = await Promise.race([
      work.then(() => true),
      new Promise<boolean>((resolve) => {
        timer = setTimeout(() => resolve(false), WATCHDOG_MS)
      })
    ])
    clearTimeout(timer)
    // Still running after the watchdog: count it, and leave it to finish on its own.
    if (!inTime) {
      abandoned = true
      tally.unanswered++
      bump(tally.unansweredBy, op.name)
    }
  }
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (Date.now() < deadline) await one()
    })
  )

  timers.forEach(clearInterval)
  for (const c of [env.standIns.aep.control, env.standIns.ims.control, env.standIns.state.control]) c.clearFaults()
  scanLogs()
  const elapsed = (Date.now() - started) / 1000
  // The in-process State stand-in holds the cached views: part of the heap, not a leak of the actions.
  const stored = env.standIns.state.store.stats('cah-local')
  const stateStore = { keys: stored.keys, valuesMB: Math.round(stored.bytesValues / 1e5) / 10 }
  await env.close()
  // Calls still hanging end when the stand-ins close their sockets; give them a moment, quietly.
  setLogSink(() => {})
  await Promise.race([Promise.all(pending), new Promise((r) => setTimeout(r, 10_000))])
  const after = memory()

  const internal = tally.byCode.INTERNAL_ERROR ?? 0
  const report = {
    finishedAt: new Date().toISOString(),
    seconds: Math.round(elapsed),
    concurrency: CONCURRENCY,
    customers: CUSTOMERS,
    faultsOn: [...FAULTS_ON],
    requests: { ...tally, perSecond: Math.round(tally.answered / elapsed) },
    faultSwitches: faultLog.length,
    faultsApplied: faultLog.slice(0, 200),
    crashes: crashes.length,
    crashSamples: crashes.slice(0, 10),
    logLinesScanned: logLines,
    leaks: leaks.length,
    leakSamples: leaks.slice(0, 5),
    memory: {
      before,
      samples,
      after,
      stateStore,
      heapGrowthMB: Math.round((after.heapUsedMB - before.heapUsedMB) * 10) / 10
    },
    ok: crashes.length === 0 && internal === 0 && tally.unanswered === 0 && leaks.length === 0
  }
  const dir = join(__dirname, '..', 'bench', 'results')
  mkdirSync(dir, { recursive: true })
  writeFileSync(join(dir, 'soak-latest.json'), `${JSON.stringify(report, null, 2)}\n`)
  console.log(JSON.stringify({ ...report, faultsApplied: `${faultLog.length} switches (see the JSON file)` }, null, 2))
  process.exit(report.ok ? 0 : 1)
}

run().catch((e: unknown) => {
  console.error(e)
  process.exit(1)
})
