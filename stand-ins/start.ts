/**
 * CLI: starts the AEP, IMS and State stand-ins until SIGINT/SIGTERM.
 *   npx tsx stand-ins/start.ts [--aep-port N] [--ims-port N] [--state-port N] [--host H]
 *     [--aep-latency MS] [--latency server:route:MS]... [--fault server:route:type[:times]]...
 *     [--customers N] [--seed N] [--events refused] [--state-file PATH] [--data DIR]
 *     [--ingestion-delay MS] [--streaming-connection ID]...
 * Ports also come from AEP_PORT, IMS_PORT, STATE_PORT (flags win). Prints one line per service.
 * `--data DIR` adds the customers of DIR (stand-ins/data) to the prod sandbox; a bad folder is
 * reported file, record and field, and exits 2 before anything starts.
 */
import { parseArgs } from 'node:util'
import { DataLoadError, type LoadedData, loadDataDir } from './data'
import { DEFAULT_INGESTION_DELAY_MS, DEMO_STREAMING_CONNECTION_ID, type StandIns, startStandIns } from './index'
import { FAULT_TYPES, type Fault, type FaultType, type LatencyConfig } from './lib/types'

type Server = 'aep' | 'ims' | 'state'
const SERVERS: readonly Server[] = ['aep', 'ims', 'state']

function fail(message: string): never {
  process.stderr.write(`stand-ins: ${message}\n`)
  process.exit(2)
}

function int(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined || value === '') return fallback
  const n = Number(value)
  if (!Number.isInteger(n) || n < 0) fail(`${name} must be a whole number >= 0, got "${value}"`)
  return n
}

function server(name: string | undefined, flag: string): Server {
  if (!SERVERS.includes(name as Server)) fail(`${flag}: server must be one of ${SERVERS.join(', ')}`)
  return name as Server
}

/** `--latency aep:entities.profile:500` (route ids contain dots, never colons). */
function parseLatency(specs: string[]): Record<Server, LatencyConfig> {
  const out: Record<Server, LatencyConfig> = { aep: {}, ims: {}, state: {} }
  for (const spec of specs) {
    const [srv, route, ms] = spec.split(':')
    const target = out[server(srv, '--latency')]
    if (!route || ms === undefined) fail(`--latency wants server:route:ms, got "${spec}"`)
    const routes = target.routes ?? {}
    routes[route] = int(ms, '--latency ms', 0)
    target.routes = routes
  }
  return out
}

/** `--fault aep:entities.profile:429[:times]`; route `*` means every route. */
function parseFaults(specs: string[]): Record<Server, Fault[]> {
  const out: Record<Server, Fault[]> = { aep: [], ims: [], state: [] }
  for (const spec of specs) {
    const [srv, route, type, times] = spec.split(':')
    if (!route || !(FAULT_TYPES as readonly string[]).includes(type ?? ''))
      fail(`--fault wants server:route:${FAULT_TYPES.join('|')}[:times], got "${spec}"`)
    const fault: Fault = { route, type: type as FaultType }
    if (times !== undefined) fault.times = Math.max(1, int(times, '--fault times', 1))
    out[server(srv, '--fault')].push(fault)
  }
  return out
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      'aep-port': { type: 'string' },
      'ims-port': { type: 'string' },
      'state-port': { type: 'string' },
      host: { type: 'string' },
      'aep-latency': { type: 'string' },
      latency: { type: 'string', multiple: true },
      fault: { type: 'string', multiple: true },
      customers: { type: 'string' },
      seed: { type: 'string' },
      events: { type: 'string' },
      'state-file': { type: 'string' },
      data: { type: 'string' },
      'ingestion-delay': { type: 'string' },
      'streaming-connection': { type: 'string', multiple: true }
    }
  })
  const events = values.events ?? 'enabled'
  if (events !== 'enabled' && events !== 'refused') fail('--events must be enabled or refused')
  const latency = parseLatency(values.latency ?? [])
  if (values['aep-latency'] !== undefined) latency.aep.default = int(values['aep-latency'], '--aep-latency', 0)
  const faults = parseFaults(values.fault ?? [])
  const customers = int(values.customers, '--customers', 2000)
  const env = process.env
  const data = values.data === undefined ? undefined : loadData(values.data)
  const ingestionDelayMs = int(values['ingestion-delay'], '--ingestion-delay', DEFAULT_INGESTION_DELAY_MS)
  const connectionIds = values['streaming-connection'] ?? [DEMO_STREAMING_CONNECTION_ID]
  if (connectionIds.some((id) => !/^[A-Za-z0-9_-]{1,128}$/.test(id)))
    fail('--streaming-connection wants an id of 1 to 128 of A-Z a-z 0-9 _ -')

  const standIns: StandIns = await startStandIns({
    host: values.host ?? '127.0.0.1',
    customers,
    prngSeed: int(values.seed, '--seed', 42),
    data,
    aep: {
      port: int(values['aep-port'] ?? env.AEP_PORT, '--aep-port', 9101),
      latency: latency.aep,
      faults: faults.aep,
      eventsLookup: events,
      streaming: { ingestionDelayMs, connectionIds }
    },
    ims: {
      port: int(values['ims-port'] ?? env.IMS_PORT, '--ims-port', 9102),
      latency: latency.ims,
      faults: faults.ims
    },
    state: {
      port: int(values['state-port'] ?? env.STATE_PORT, '--state-port', 9103),
      latency: latency.state,
      faults: faults.state,
      persistPath: values['state-file']
    }
  })
  const { aep, ims, state } = standIns
  process.stdout.write(
    [
      `AEP   ${aep.url}  (/data/core; sandboxes ${[...aep.sandboxes.keys()].join(', ')}; ${customers} customers; events ${events})`,
      `      ${aep.url}/collection/${connectionIds.join(', ')}  (Streaming Ingestion; ingestion delay ${ingestionDelayMs} ms)`,
      `IMS   ${ims.url}  (client ${ims.settings.clientId}; org ${ims.settings.orgId})`,
      `State ${state.url}  (namespace cah-local)`,
      ...(data ? [dataLine(data)] : []),
      ''
    ].join('\n')
  )

  let stopping = false
  const stop = (): void => {
    if (stopping) return
    stopping = true
    standIns.close().then(
      () => process.exit(0),
      () => process.exit(1)
    )
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

function loadData(dir: string): LoadedData {
  try {
    return loadDataDir(dir)
  } catch (e) {
    if (e instanceof DataLoadError) fail(`--data ${dir}:\n${e.message}`)
    throw e
  }
}

/** `Data  examples/luma: 4 customers in prod (5 profile records, 9 events); look up lumaLoyaltyId 5550123` */
function dataLine(data: LoadedData): string {
  const first = data.customers[0]?.identities[0]
  const lookUp = first ? `; look up ${first.namespace} ${first.id}` : ''
  return `Data  ${data.dir}: ${data.customers.length} customers in prod (${data.counts.profileRecords} profile records, ${data.counts.eventRecords} events)${lookUp}`
}

main().catch((e: unknown) => fail(e instanceof Error ? e.message : String(e)))
