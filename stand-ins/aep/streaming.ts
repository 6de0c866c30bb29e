/**
 * Streaming Ingestion, one message: `POST /collection/{connectionId}[?syncValidation=true]` on an
 * authenticated HTTP API connection (help/ingestion/tutorials/streaming-time-series-data.md,
 * help/sources/tutorials/api/create/streaming/http.md, help/ingestion/quality/streaming-validation.md).
 * In order: the connection, the token (401/403 in the streaming service's own bodies), the sandbox,
 * Content-Type, size (1 MB), JSON, the envelope (400), then the entity against the dataset's schema:
 * with syncValidation=true a violation is a 400; without it AEP answers 200 and the record goes to
 * a failed batch, never reaching Profile. The 200 body is `{ inletId, xactionId, receivedTimeMs,
 * syncValidation }`.
 */
import { BodyTooLargeError, header, json, type Reply, type RequestContext } from '../lib/http'
import { isObj } from '../lib/json'
import type { XdmEvent } from '../seed/types'
import { dcsAuthProblem, dcsProblem, platformBadRequest } from './errors'
import { type GatewaySettings, serviceClaims } from './gateway'
import type { Sandbox } from './sandboxes'
import { type EventShape, MAX_STREAMING_BODY_BYTES, type StreamingSettings } from './streaming-config'
import { validateEntity, validationCause } from './streaming-validate'

export {
  DEFAULT_INGESTION_DELAY_MS,
  DEMO_INTERACTIONS_DATASET_ID,
  DEMO_STREAMING_CONNECTION_ID,
  MAX_STREAMING_BODY_BYTES,
  STREAMING_ROUTE
} from './streaming-config'

export interface StreamingRouteSettings extends GatewaySettings {
  streaming: StreamingSettings
}

const INVALID = 'Invalid XDM Message Format'

export async function postCollection(ctx: RequestContext, inletId: string, s: StreamingRouteSettings): Promise<Reply> {
  if (!s.streaming.connectionIds.has(inletId)) return unknownConnection(inletId)
  const denied = checkToken(ctx, inletId, s)
  if (denied) return denied
  const sandbox = sandboxOf(ctx, s)
  if (!sandbox) return unknownConnection(inletId, header(ctx.req, 'x-sandbox-name'))
  if (!/^application\/json\s*(;|$)/i.test(header(ctx.req, 'content-type') ?? ''))
    return platformBadRequest('A valid content-type must be specified')
  const raw = await readCapped(ctx)
  if (raw === undefined) return tooLarge(inletId, s.orgId)
  const receivedTimeMs = Date.now()

  let message: unknown
  try {
    message = JSON.parse(raw.toString('utf8'))
  } catch {
    return dcsProblem(400, INVALID, `${prefix(inletId, s.orgId)} Message is not valid JSON`)
  }
  const org = orgOf(message) ?? s.orgId
  const { datasetId, shape } = s.streaming
  const envelope = checkEnvelope(message, shape, s.orgId, datasetId)
  if ('problem' in envelope) return dcsProblem(400, INVALID, `${prefix(inletId, org)} ${envelope.problem}`)

  const sync = isSync(ctx.url.searchParams)
  const violations = validateEntity(envelope.entity, shape, (code) => sandbox.knowsNamespace(code))
  if (violations.length > 0 && sync)
    return dcsProblem(400, INVALID, `${prefix(inletId, org)} Message is invalid`, validationCause(violations))
  const xactionId = s.control.ingestion.xactionId(receivedTimeMs)
  if (violations.length > 0) s.control.ingestion.fail({ xactionId, receivedTimeMs, _validationErrors: violations })
  else s.control.ingestion.accept(sandbox.name, datasetId, envelope.entity as XdmEvent, receivedTimeMs)
  return json(200, {
    inletId,
    xactionId,
    receivedTimeMs,
    syncValidation: sync ? { status: 'pass' } : { skipped: true }
  })
}

/**
 * The gateway's token rule (a valid client-credentials token of the configured client, not
 * revoked), answered the way the streaming service does: 401 without a usable token, 403 when the
 * token or the org header names another org.
 */
function checkToken(ctx: RequestContext, inletId: string, s: StreamingRouteSettings): Reply | undefined {
  const auth = header(ctx.req, 'authorization')
  if (auth === undefined) return dcsAuthProblem(401, `[${inletId}] Ims service token is empty`)
  // The inlet docs accept the IMS token with or without the "Bearer " prefix.
  const token = /^(?:Bearer\s+)?(\S+)\s*$/i.exec(auth)?.[1]
  const claims = token === undefined ? null : serviceClaims(token, s)
  if (claims === null) return dcsAuthProblem(401, `[${inletId}] Ims service token is invalid`)
  // "clients must send a JSON Web Token (JWT) and their organization ID as request headers".
  const org = header(ctx.req, 'x-gw-ims-org-id')
  if (org !== s.orgId || claims.org !== s.orgId) return dcsAuthProblem(403, `[${inletId}] Access is forbidden`)
  return undefined
}

/** x-sandbox-name picks the sandbox; Adobe's examples omit it, so absent means prod. */
function sandboxOf(ctx: RequestContext, s: StreamingRouteSettings): Sandbox | undefined {
  const name = header(ctx.req, 'x-sandbox-name')
  if (name !== undefined) return s.sandboxes.get(name)
  return s.sandboxes.get('prod') ?? s.sandboxes.values().next().value
}

/** The body, or undefined when it is over the documented 1 MB. */
async function readCapped(ctx: RequestContext): Promise<Buffer | undefined> {
  try {
    const raw = await ctx.body()
    return raw.length > MAX_STREAMING_BODY_BYTES ? undefined : raw
  } catch (e) {
    if (e instanceof BodyTooLargeError) return undefined
    throw e
  }
}

type Envelope = { entity: unknown } | { problem: string }

/** The message's envelope (checked in either validation mode), or the DCS message naming what is wrong. */
function checkEnvelope(message: unknown, shape: EventShape, orgId: string, datasetId: string): Envelope {
  const head = isObj(message) ? message.header : undefined
  const body = isObj(message) ? message.body : undefined
  if (!isObj(head) || !isObj(body)) return { problem: 'Message has unknown xdm format' }
  const refs = [head.schemaRef, isObj(body.xdmMeta) ? body.xdmMeta.schemaRef : undefined]
  if (!refs.every((ref) => isSchemaRef(ref, shape))) return { problem: 'Message has unknown xdm format' }
  // DCCS fills in an absent imsOrgId (streaming-multiple-messages.md); a wrong one is refused.
  if (head.imsOrgId !== undefined && head.imsOrgId !== orgId)
    return { problem: 'Message has an absent or wrong ims org in the header' }
  if (head.datasetId !== datasetId) return { problem: 'Message has an absent or unknown datasetId in the header' }
  return { entity: body.xdmEntity }
}

function isSchemaRef(ref: unknown, shape: EventShape): boolean {
  if (!isObj(ref) || ref.id !== shape.schemaId || typeof ref.contentType !== 'string') return false
  const v = shape.schemaVersion
  return new RegExp(`^application/vnd\\.adobe\\.xed-full(-notext)?\\+json;\\s*version=${v}(\\.0)?$`).test(
    ref.contentType
  )
}

function isSync(q: URLSearchParams): boolean {
  // synchronousValidation is the parameter's name in older versions of the docs.
  return (q.get('syncValidation') ?? q.get('synchronousValidation')) === 'true'
}

function orgOf(message: unknown): string | undefined {
  const org = isObj(message) && isObj(message.header) ? message.header.imsOrgId : undefined
  return typeof org === 'string' ? org : undefined
}

function prefix(inletId: string, org: string): string {
  return `inletId: [${inletId}] imsOrgId: [${org}]`
}

/** Adobe documents no answer for an unknown connection; the stand-in's is a 404 in the inlet problem shape. */
function unknownConnection(inletId: string, sandbox?: string): Reply {
  const where = sandbox === undefined ? '' : ` in sandbox ${sandbox}`
  return dcsProblem(404, 'Inlet Not Found', `inletId: [${inletId}] No streaming connection with this id exists${where}`)
}

/** 413 "The payload is larger than 1 MB" (API reference); the body shape is the stand-in's. */
function tooLarge(inletId: string, org: string): Reply {
  return dcsProblem(413, 'Payload Too Large', `${prefix(inletId, org)} The payload is larger than 1 MB`)
}
