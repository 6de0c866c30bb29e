/**
 * The wrap-up as AEP receives it: one XDM ExperienceEvent of the org's call-centre schema, wrapped
 * in the Streaming Ingestion message envelope (`header` with the schema, org and dataset; `body`
 * with `xdmMeta` and `xdmEntity`; help/ingestion/tutorials/streaming-time-series-data.md). Its
 * `_id` is derived from the org, sandbox and interaction id: Profile drops an event whose `_id` it
 * already holds (help/collection/event-duplication.md), so a retried submit lands once.
 */
import { createHash } from 'node:crypto'
import type { Config } from '../config'
import type { InteractionShape } from '../mapping'
import { identityHash } from '../observability'
import { writePath } from '../xdm'
import type { WrapUp } from './wrap-up'

/** Named in `header.source.name`, so the org can tell our events from its other sources. */
export const SOURCE_NAME = 'Customer Activity Hub'

type Obj = Record<string, unknown>

export interface StreamingMessage {
  header: {
    schemaRef: { id: string; contentType: string }
    imsOrgId: string
    datasetId: string
    flowId?: string
    source: { name: string }
  }
  body: { xdmMeta: { schemaRef: { id: string; contentType: string } }; xdmEntity: Obj }
}

/** The stable event id of one interaction: the same org, sandbox and interaction id give the same `_id`. */
export function interactionEventId(orgId: string, sandbox: string, interactionId: string): string {
  const digest = createHash('sha256').update(`${orgId}\u0000${sandbox}\u0000${interactionId}`).digest('hex')
  return `cah-${digest.slice(0, 32)}`
}

/** How the agent appears in the event, as the mapping says: hashed with the org's salt, as is, or not at all. */
function agentValue(shape: InteractionShape, agentId: string, salt: string): string | null {
  if (shape.agent === 'none') return null
  return shape.agent === 'id' ? agentId : identityHash(salt, 'agent', agentId)
}

export interface EventContext {
  config: Config
  shape: InteractionShape
  datasetId: string
  flowId: string | null
  /** The IMS user id of the agent (the verified caller). */
  agentId: string
  now: number
}

/** The message for one wrap-up. */
export function interactionMessage(w: WrapUp, ctx: EventContext): { eventId: string; message: StreamingMessage } {
  const { config, shape } = ctx
  const schemaRef = {
    id: shape.schemaId,
    contentType: `application/vnd.adobe.xed-full+json;version=${shape.schemaVersion}`
  }
  const eventId = interactionEventId(config.ims.orgId, w.sandbox, w.interactionId)
  const entity: Obj = {
    _id: eventId,
    timestamp: new Date(ctx.now).toISOString(),
    ...(shape.eventType ? { eventType: shape.eventType } : {}),
    identityMap: { [w.identity.aepNamespace]: [{ id: w.identity.id, primary: true }] }
  }
  const values: Array<[string | undefined, unknown]> = [
    [shape.fields.interactionId, w.interactionId],
    [shape.fields.topic, w.topic],
    [shape.fields.outcome, w.outcome],
    [shape.fields.sentiment, w.sentiment],
    [shape.fields.note, w.note],
    [shape.fields.followUpDate, w.followUpDate],
    [shape.fields.agent, agentValue(shape, ctx.agentId, config.identitySalt)]
  ]
  for (const [path, value] of values) if (path && value !== null && value !== undefined) writePath(entity, path, value)
  return {
    eventId,
    message: {
      header: {
        schemaRef,
        imsOrgId: config.ims.orgId,
        datasetId: ctx.datasetId,
        ...(ctx.flowId ? { flowId: ctx.flowId } : {}),
        source: { name: SOURCE_NAME }
      },
      body: { xdmMeta: { schemaRef }, xdmEntity: entity }
    }
  }
}
