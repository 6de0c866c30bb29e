/**
 * The in-process control of one stand-in server: latency, faults, counters and request records.
 * The same object answers `/__control` over HTTP, so tests and curl see one truth.
 */
import {
  type ControlSnapshot,
  type ControlUpdate,
  FAULT_TYPES,
  type Fault,
  type LatencyConfig,
  type RequestRecord
} from './types'

export interface ControlInit {
  latency?: LatencyConfig
  faults?: Fault[]
  maxRecords?: number
}

export class Control {
  private latencyDefault = 0
  private latencyRoutes: Record<string, number> = {}
  private faultList: Fault[] = []
  private counters: Record<string, number> = {}
  private records: RequestRecord[] = []
  private seq = 0
  private inFlightNow = 0
  private inFlightPeak = 0
  private readonly maxRecords: number

  constructor(
    readonly server: string,
    init: ControlInit = {}
  ) {
    this.maxRecords = init.maxRecords ?? 1000
    if (init.latency) this.setLatency(init.latency)
    for (const f of init.faults ?? []) this.addFault(f)
  }

  /** Merges into the current latency; a route set to 0 goes back to the default. */
  setLatency(latency: LatencyConfig): void {
    if (latency.default !== undefined) this.latencyDefault = checkMs(latency.default, 'latency.default')
    for (const [route, ms] of Object.entries(latency.routes ?? {})) {
      this.latencyRoutes[route] = checkMs(ms, `latency.routes.${route}`)
    }
  }

  latencyFor(route: string): number {
    return this.latencyRoutes[route] ?? this.latencyDefault
  }

  addFault(fault: Fault): void {
    this.faultList.push(validateFault(fault))
  }

  clearFaults(): void {
    this.faultList = []
  }

  /** Takes the first fault matching the route, counting down its `times`. */
  takeFault(route: string): Fault | undefined {
    const i = this.faultList.findIndex((f) => f.route === route || f.route === '*')
    const fault = this.faultList[i]
    if (!fault) return undefined
    if (fault.times !== undefined) {
      const left = fault.times - 1
      if (left <= 0) this.faultList.splice(i, 1)
      else this.faultList[i] = { ...fault, times: left }
    }
    return fault
  }

  /** Clears counters, records, faults and the in-flight peak; latency and settings stay. */
  reset(): void {
    this.counters = {}
    this.records = []
    this.faultList = []
    this.inFlightPeak = this.inFlightNow
  }

  count(route: string): number {
    return this.counters[route] ?? 0
  }

  get inFlightMax(): number {
    return this.inFlightPeak
  }

  requests(route?: string): RequestRecord[] {
    return route === undefined ? [...this.records] : this.records.filter((r) => r.route === route)
  }

  /** Called by the server when a request arrives; the returned record is finished by `end`. */
  begin(route: string, method: string, path: string, headers: Record<string, string>): RequestRecord {
    this.counters[route] = this.count(route) + 1
    this.inFlightNow += 1
    this.inFlightPeak = Math.max(this.inFlightPeak, this.inFlightNow)
    const record: RequestRecord = {
      seq: ++this.seq,
      route,
      method,
      path,
      headers,
      startMs: nowMs(),
      inFlightAtStart: this.inFlightNow
    }
    this.records.push(record)
    if (this.records.length > this.maxRecords) this.records.shift()
    return record
  }

  end(record: RequestRecord, status: number | undefined): void {
    this.inFlightNow -= 1
    record.endMs = nowMs()
    if (status !== undefined) record.status = status
  }

  /** Applies a `POST /__control` body; throws a RangeError naming what is wrong. */
  apply(update: ControlUpdate): void {
    if (update.reset === true) this.reset()
    if (update.latency !== undefined) this.setLatency(update.latency)
    if (update.faults !== undefined) {
      if (!Array.isArray(update.faults)) throw new RangeError('faults must be an array')
      const checked = update.faults.map(validateFault)
      this.faultList.push(...checked)
    }
    this.applySettings(update)
  }

  snapshot(recent = 100): ControlSnapshot {
    return {
      server: this.server,
      counters: { ...this.counters },
      inFlight: this.inFlightNow,
      inFlightMax: this.inFlightPeak,
      latency: { default: this.latencyDefault, routes: { ...this.latencyRoutes } },
      faults: this.faultList.map((f) => ({ ...f })),
      requests: this.records.slice(-Math.max(0, recent)),
      settings: this.settings()
    }
  }

  /** Server-specific keys of a control update (overridden by AEP and IMS). */
  protected applySettings(_update: ControlUpdate): void {}

  protected settings(): Record<string, unknown> {
    return {}
  }
}

function nowMs(): number {
  return performance.timeOrigin + performance.now()
}

function checkMs(value: unknown, name: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new RangeError(`${name} must be a number of milliseconds >= 0`)
  }
  return value
}

function validateFault(value: unknown): Fault {
  if (typeof value !== 'object' || value === null) throw new RangeError('a fault must be an object')
  const f = value as Record<string, unknown>
  if (typeof f.route !== 'string' || f.route === '') throw new RangeError('fault.route must be a route id or "*"')
  if (typeof f.type !== 'string' || !(FAULT_TYPES as readonly string[]).includes(f.type)) {
    throw new RangeError(`fault.type must be one of ${FAULT_TYPES.join(', ')}`)
  }
  const fault: Fault = { route: f.route, type: f.type as Fault['type'] }
  if (f.times !== undefined) {
    if (typeof f.times !== 'number' || !Number.isInteger(f.times) || f.times < 1)
      throw new RangeError('fault.times must be a whole number >= 1')
    fault.times = f.times
  }
  if (f.retryAfterMs !== undefined) fault.retryAfterMs = checkMs(f.retryAfterMs, 'fault.retryAfterMs')
  if (f.chunkBytes !== undefined) fault.chunkBytes = Math.max(1, Math.floor(checkMs(f.chunkBytes, 'fault.chunkBytes')))
  if (f.intervalMs !== undefined) fault.intervalMs = checkMs(f.intervalMs, 'fault.intervalMs')
  return fault
}
