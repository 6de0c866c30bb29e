/**
 * Settings of the Streaming Ingestion endpoint (`POST /collection/{connectionId}`): the connection
 * (inlet) ids it knows, the dataset behind them, the ingestion delay, and the event shape the
 * dataset's schema allows. The shape is read from a CUSTOMER_VIEW_MAPPING's `interactions` block
 * (the demo mapping by default, a `--data` folder's mapping.json when it has one): in AEP the
 * schema comes first and the mapping follows it, so the stand-in plays the schema the mapping names.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { isObj } from '../lib/json'

/**
 * The demo authenticated HTTP API streaming connection (AEP_STREAMING_CONNECTION_ID in
 * .env.example): 64 hex characters, like the inletId AEP gives a connection.
 */
export const DEMO_STREAMING_CONNECTION_ID = '4cb8467b62081dd00360d58647d54f067072130088dc77c8fceb4b24425b008a'
/** The demo dataset the interactions land in (AEP_INTERACTIONS_DATASET_ID; 24 hex like AEP's). */
export const DEMO_INTERACTIONS_DATASET_ID = '64f0c0ffee00000000000016'
/** AEP's lag from streaming ingestion to Profile is seconds to minutes; a few seconds keeps demos honest. */
export const DEFAULT_INGESTION_DELAY_MS = 3000
/** The Streaming Ingestion API answers 413 above 1 MB (read as 1 MiB, like the State stand-in). */
export const MAX_STREAMING_BODY_BYTES = 1024 * 1024
export const STREAMING_ROUTE = 'streaming.collection'

export interface EventField {
  /** Dot path inside `xdmEntity`. */
  path: string
  format: 'string' | 'date'
}

/** What the dataset's XDM schema allows beside `_id`, `timestamp`, `eventType` and `identityMap`. */
export interface EventShape {
  schemaId: string
  schemaVersion: number
  fields: EventField[]
}

export interface StreamingOptions {
  /** Connection ids the endpoint accepts (default: the demo id). */
  connectionIds?: string[]
  /** The dataset every connection writes to (default: the demo dataset). */
  datasetId?: string
  /** A CUSTOMER_VIEW_MAPPING (object or JSON text) whose `interactions` names the schema; default: the demo mapping. */
  mapping?: unknown
  /** Time from a 200 to the event showing in the experience-event lookup (default 3000; 0 = at once). */
  ingestionDelayMs?: number
}

export interface StreamingSettings {
  connectionIds: ReadonlySet<string>
  datasetId: string
  shape: EventShape
}

/** The contract's demo block, used while demo-mapping.json has no `interactions` of its own. */
const CONTRACT_FIELDS: Record<string, string> = {
  interactionId: '_demotenant.interactionDetails.core.callCenterAgent.callID',
  topic: '_demotenant.interactionDetails.core.callCenterAgent.callTopic',
  outcome: '_demotenant.interactionDetails.core.callCenterAgent.callOutcome',
  sentiment: '_demotenant.interactionDetails.core.callCenterAgent.callFeeling',
  note: '_demotenant.interactionDetails.core.callCenterAgent.callNote',
  followUpDate: '_demotenant.interactionDetails.core.callCenterAgent.followUpDate',
  agent: '_demotenant.interactionDetails.core.callCenterAgent.agentID'
}
const CONTRACT_SHAPE: EventShape = {
  schemaId: 'https://ns.adobe.com/demotenant/schemas/call-centre-interactions',
  schemaVersion: 1,
  fields: Object.entries(CONTRACT_FIELDS).map(([name, path]) => ({
    path,
    format: name === 'followUpDate' ? 'date' : 'string'
  }))
}

export function streamingSettings(opts: StreamingOptions = {}): StreamingSettings {
  const ids = opts.connectionIds ?? [DEMO_STREAMING_CONNECTION_ID]
  if (ids.length === 0 || ids.some((id) => typeof id !== 'string' || !/^[A-Za-z0-9_-]{1,128}$/.test(id)))
    throw new RangeError('streaming.connectionIds must be ids of 1 to 128 of [A-Za-z0-9_-]')
  return {
    connectionIds: new Set(ids),
    datasetId: opts.datasetId ?? DEMO_INTERACTIONS_DATASET_ID,
    shape: shapeFromMapping(opts.mapping) ?? shapeFromMapping(demoMapping()) ?? CONTRACT_SHAPE
  }
}

/** The event shape a mapping's `interactions` block describes; undefined when it has none usable. */
export function shapeFromMapping(mapping: unknown): EventShape | undefined {
  const value = typeof mapping === 'string' ? parseJson(mapping) : mapping
  if (!isObj(value) || !isObj(value.interactions)) return undefined
  return toShape(value.interactions)
}

function toShape(block: Record<string, unknown>): EventShape | undefined {
  const { schemaId, schemaVersion = 1, fields } = block
  if (typeof schemaId !== 'string' || schemaId === '' || !isObj(fields)) return undefined
  if (typeof schemaVersion !== 'number' || !Number.isInteger(schemaVersion) || schemaVersion < 1) return undefined
  const out: EventField[] = []
  for (const [name, path] of Object.entries(fields)) {
    if (typeof path !== 'string' || !/^[A-Za-z_][\w]*(\.[A-Za-z_][\w]*)*$/.test(path)) return undefined
    out.push({ path, format: name === 'followUpDate' ? 'date' : 'string' })
  }
  return { schemaId, schemaVersion, fields: out }
}

function demoMapping(): unknown {
  try {
    return parseJson(readFileSync(join(__dirname, '..', 'seed', 'demo-mapping.json'), 'utf8'))
  } catch {
    return undefined
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}
