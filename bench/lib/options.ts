/** The benchmark's command line: the scenarios it knows and the options, checked once. */
import { parseArgs } from 'node:util'
import type { BenchOptions } from './context'

export const SCENARIOS = [
  'miss',
  'hit',
  'coalescing',
  'tokens',
  'batch',
  'cold',
  'scale',
  'peer',
  'ui',
  'production'
] as const
export type Scenario = (typeof SCENARIOS)[number]
/** The scenarios run over the small data set (runSet). */
export const SMALL_SET: readonly Scenario[] = ['miss', 'hit', 'coalescing', 'tokens', 'batch', 'scale', 'peer']
/** The scenarios the production pass repeats at modelled latencies (then the State scenarios). */
export const PRODUCTION_SET: readonly Scenario[] = ['miss', 'hit', 'coalescing', 'tokens', 'batch', 'peer']

/** The options from argv; throws with the flag's name when a value is not acceptable. */
export function parseOptions(argv: string[] = process.argv.slice(2)): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      'aep-latency': { type: 'string' },
      'state-latency': { type: 'string' },
      'ims-latency': { type: 'string' },
      'no-production': { type: 'boolean' },
      customers: { type: 'string' },
      'scale-customers': { type: 'string' },
      connections: { type: 'string' },
      'hit-seconds': { type: 'string' },
      agents: { type: 'string' },
      'aep-limit': { type: 'string' },
      quick: { type: 'boolean' },
      'cpu-prof': { type: 'boolean' },
      build: { type: 'boolean' },
      only: { type: 'string' },
      'update-docs': { type: 'boolean' }
    }
  })
  const int = (v: string | undefined, name: string, fallback: number, min: number): number => {
    if (v === undefined) return fallback
    const n = Number(v)
    if (!Number.isInteger(n) || n < min) throw new Error(`--${name} must be a whole number >= ${min}`)
    return n
  }
  const quick = values.quick === true
  const only =
    values.only === undefined
      ? null
      : values.only
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean)
  for (const s of only ?? [])
    if (!(SCENARIOS as readonly string[]).includes(s))
      throw new Error(`--only: unknown scenario "${s}" (${SCENARIOS.join(', ')})`)
  return {
    aepLatencyMs: int(values['aep-latency'], 'aep-latency', 500, 1),
    stateLatencyMs: int(values['state-latency'], 'state-latency', 25, 0),
    imsLatencyMs: int(values['ims-latency'], 'ims-latency', 150, 0),
    production: values['no-production'] !== true,
    customers: int(values.customers, 'customers', 2000, 1500),
    scaleCustomers: int(values['scale-customers'], 'scale-customers', 100_000, 1500),
    connections: int(values.connections, 'connections', 50, 1),
    hitSeconds: int(values['hit-seconds'], 'hit-seconds', quick ? 3 : 10, 1),
    agents: int(values.agents, 'agents', 200, 1),
    aepLimitPerMinute: values['aep-limit'] === undefined ? null : int(values['aep-limit'], 'aep-limit', 0, 1),
    quick,
    cpuProf: values['cpu-prof'] === true,
    build: values.build === true,
    updateDocs: values['update-docs'] === true,
    only
  }
}
