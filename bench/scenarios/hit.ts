/**
 * 2. Hit — the same customer again, its view cached, under ≥ 50 concurrent requests: autocannon
 * (HTTP, keep-alive) against one action container (a separate Node process running the built
 * bundle behind the runtime proxy, with intra-container concurrency). Target: p95 ≤ 2 % of the
 * miss latency; reports requests/s per container. A one-connection run gives the per-request cost.
 */
import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs'
import path from 'node:path'
import autocannon from 'autocannon'
import type { Ctx } from '../lib/context'
import { type ProfileSummary, summariseProfile } from '../lib/cpu-profile'
import type { LookupIdentity } from '../lib/env'
import type { LogCounts } from '../lib/runtime'
import { type Summary, summarize } from '../lib/stats'
import { type FloorResponse, spawnContainer } from '../runtime-proxy'

export interface LoadRun {
  connections: number
  seconds: number
  requests: number
  requestsPerSecond: number
  latencyMs: Summary
  non2xx: number
  errors: number
  timeouts: number
}

export interface HitResult {
  customer: string
  /** Size of one hit's JSON answer. */
  responseBytes: number
  load: LoadRun
  /** One connection: the cost of one hit with nothing queued. */
  single: LoadRun
  /**
   * The same load against a container whose `main` answers the same body at once: what the HTTP
   * handling and the load generator cost on this machine, with no action code at all.
   */
  floor: LoadRun
  /** Stand-in calls per hit during the loaded run. */
  callsPerHit: Record<string, number>
  cacheStatusAfter: string
  containerLogs: LogCounts
  cpuProfile?: ProfileSummary
}

export function loadRun(
  url: string,
  headers: Record<string, string>,
  connections: number,
  seconds: number
): Promise<LoadRun> {
  return new Promise((resolve, reject) => {
    const times: number[] = []
    const instance = autocannon({ url, headers, connections, duration: seconds, timeout: 30 }, (err, result) => {
      if (err) return reject(err)
      resolve({
        connections,
        seconds,
        requests: times.length,
        requestsPerSecond: Math.round(times.length / (result.duration || seconds)),
        latencyMs: summarize(times),
        non2xx: result.non2xx,
        errors: result.errors,
        timeouts: result.timeouts
      })
    })
    instance.on('response', (_client, _status, _bytes, responseTime) => {
      times.push(responseTime)
    })
  })
}

async function floorRun(
  inputs: Record<string, string>,
  pathAndQuery: string,
  headers: Record<string, string>,
  response: FloorResponse,
  connections: number,
  seconds: number
): Promise<LoadRun> {
  const container = await spawnContainer(['customer-profile'], inputs, [], response)
  try {
    const url = container.url + pathAndQuery
    await loadRun(url, headers, connections, 1)
    return await loadRun(url, headers, connections, seconds)
  } finally {
    await container.stop()
  }
}

export async function runHits(ctx: Ctx, who: LookupIdentity, seconds: number, label: string): Promise<HitResult> {
  const { env, opts } = ctx
  const profDir = path.join(__dirname, '..', 'results', 'profiles', label)
  const nodeArgs: string[] = []
  if (opts.cpuProf) {
    rmSync(profDir, { recursive: true, force: true })
    mkdirSync(profDir, { recursive: true })
    nodeArgs.push('--cpu-prof', `--cpu-prof-dir=${profDir}`)
  }
  const container = await spawnContainer(['customer-profile'], env.inputs, nodeArgs)
  try {
    const url = `${container.url}/customer-profile?${new URLSearchParams({ namespace: who.namespace, id: who.id })}`
    const headers = env.headers()
    // The container's first request: loads aio-lib-state, validates the agent with IMS, reads the view.
    const first = await fetch(url, { headers })
    const firstText = await first.text()
    const firstBody = JSON.parse(firstText) as { meta?: { cache?: { status?: string } } }
    if (first.status !== 200 || firstBody.meta?.cache?.status !== 'HIT')
      throw new Error(`the hit scenario's customer is not cached (${first.status} ${firstBody.meta?.cache?.status})`)
    // Warm the connection pool and JIT a little before measuring.
    await loadRun(url, headers, opts.connections, 1)
    const single = await loadRun(url, headers, 1, Math.max(1, Math.min(3, Math.round(seconds / 4))))
    env.resetCounters()
    const load = await loadRun(url, headers, opts.connections, seconds)
    const c = env.counts()
    const per = (v: number): number => Math.round((v / Math.max(1, load.requests)) * 1000) / 1000
    const callsPerHit: Record<string, number> = {}
    for (const [k, v] of Object.entries(c.aep)) callsPerHit[`aep:${k}`] = per(v)
    for (const [k, v] of Object.entries(c.ims)) callsPerHit[`ims:${k}`] = per(v)
    for (const [k, v] of Object.entries(c.state)) callsPerHit[`state:${k}`] = per(v)
    const after = await fetch(url, { headers })
    const afterBody = (await after.json()) as { meta?: { cache?: { status?: string } } }
    const { logs } = await container.logs()
    await container.stop()
    let cpuProfile: ProfileSummary | undefined
    if (opts.cpuProf) {
      // The main thread's profile is the largest (tsx's loader thread writes a small one too).
      const file = readdirSync(profDir)
        .filter((f) => f.endsWith('.cpuprofile'))
        .sort((a, b) => statSync(path.join(profDir, a)).size - statSync(path.join(profDir, b)).size)
        .pop()
      if (file) cpuProfile = summariseProfile(path.join(profDir, file))
    }
    const floor = await floorRun(
      env.inputs,
      url.replace(container.url, ''),
      headers,
      {
        statusCode: first.status,
        headers: { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' },
        body: firstBody
      },
      opts.connections,
      Math.max(2, Math.round(seconds / 2))
    )
    return {
      customer: `${who.namespace}:#${who.index}`,
      responseBytes: Buffer.byteLength(firstText),
      load,
      single,
      floor,
      callsPerHit,
      cacheStatusAfter: afterBody.meta?.cache?.status ?? `HTTP ${after.status}`,
      containerLogs: logs,
      cpuProfile
    }
  } finally {
    await container.stop()
  }
}
