/**
 * Shared vocabulary of the local stand-ins: route ids, faults, latency, request records and the
 * handle every `start*` function returns. Route ids are unique within one server only.
 */

/** What an injected fault does instead of (or to) the real answer. */
export type FaultType = '429' | '500' | '502' | '503' | 'hang' | 'reset' | 'malformed' | 'trickle'

export const FAULT_TYPES: readonly FaultType[] = ['429', '500', '502', '503', 'hang', 'reset', 'malformed', 'trickle']

export interface Fault {
  /** A route id of this server, or '*' for every route. */
  route: string
  type: FaultType
  /** How many matching requests it affects; omitted = until cleared. */
  times?: number
  /** For 429: the wait the server asks for (AEP body `retryAfterMs`, `Retry-After` header). Default 500. */
  retryAfterMs?: number
  /** For 'trickle': bytes per chunk (default 8) and pause between chunks in ms (default 50). */
  chunkBytes?: number
  intervalMs?: number
}

export interface LatencyConfig {
  /** Delay in ms before every request of the server is answered. */
  default?: number
  /** Delay in ms per route id; wins over `default`. */
  routes?: Record<string, number>
}

/** One request as the server saw it. Never holds the authorization value. */
export interface RequestRecord {
  seq: number
  route: string
  method: string
  /** Path and query exactly as sent. */
  path: string
  /** Selected headers; `authorization` is reduced to its scheme (e.g. "Bearer"). */
  headers: Record<string, string>
  /** Epoch ms with sub-ms precision, so overlapping calls can be proved. */
  startMs: number
  endMs?: number
  status?: number
  fault?: FaultType
  /** Requests of this server in flight when this one arrived (itself included). */
  inFlightAtStart: number
}

export interface ControlSnapshot {
  server: string
  counters: Record<string, number>
  inFlight: number
  inFlightMax: number
  latency: { default: number; routes: Record<string, number> }
  faults: Fault[]
  requests: RequestRecord[]
  /** Server-specific settings (AEP: eventsLookup). */
  settings: Record<string, unknown>
}

/** Body of `POST /__control`; server-specific keys (e.g. `eventsLookup`) sit beside these. */
export interface ControlUpdate {
  latency?: LatencyConfig
  faults?: Fault[]
  reset?: boolean
  [key: string]: unknown
}

/** Options every stand-in accepts. */
export interface CommonOptions {
  /** 0 = ephemeral. */
  port?: number
  /** Default 127.0.0.1. */
  host?: string
  latency?: LatencyConfig
  faults?: Fault[]
  /** How many recent request records to keep (default 1000). */
  maxRecords?: number
}

export interface StandInHandle<C> {
  /** Origin, e.g. http://127.0.0.1:9101 (no trailing slash, no base path). */
  url: string
  port: number
  control: C
  /** Stops listening and ends every open connection, hanging requests included. */
  close(): Promise<void>
}
