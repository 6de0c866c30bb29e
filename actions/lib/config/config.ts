/**
 * The action's settings, read once from its inputs (app.config.yaml feeds them from `.env`).
 * Business code receives this typed object and never reads `process.env` or raw params.
 */
import { ConfigError } from '../errors'
import { EMPTY_MAPPING, MappingError, parseViewMapping, type ViewMapping } from '../mapping'
import { type LogLevel, parseLogLevel } from '../observability'

export interface Config {
  logLevel: LogLevel
  ims: { baseUrl: string; clientId: string; clientSecret: string; orgId: string; scopes: string[] }
  aep: {
    baseUrl: string
    orgId: string
    /** The x-api-key: the OAuth Server-to-Server credential's client id. */
    apiKey: string
    sandbox: string
    /** Sandboxes a caller may pick with `?sandbox=`; always includes `sandbox`. */
    allowedSandboxes: string[]
    /** Merge policy to use when the caller names none; null = the sandbox's default policy. */
    mergePolicyId: string | null
    timeoutMs: number
  }
  cache: {
    profileTtlSeconds: number
    /** How long past freshness an entry stays stored to be served STALE when AEP fails. */
    staleGraceSeconds: number
    audienceTtlSeconds: number
    /**
     * Seconds a container answers from its own memory before asking State again: the bound on how
     * late it sees another container's write or a cache-invalidate sent elsewhere (0 = no memory tier).
     */
    memorySeconds: number
    /** Most views (counted once per identity key) the memory tier holds. */
    memoryMaxEntries: number
    /** Most bytes of view JSON the memory tier holds. */
    memoryMaxBytes: number
    /**
     * CACHE_READ_MODE: on a lookup the memory tier cannot answer, `before` asks State first and calls
     * AEP only on a miss; `parallel` starts the State read and the AEP call together (a State hit
     * then still spends that AEP call).
     */
    readMode: 'before' | 'parallel'
    /**
     * CACHE_WRITE_MODE: after a miss, `await` answers once State holds the view; `behind` answers
     * once this container's memory holds it, the State writes going on after the answer.
     */
    writeMode: 'await' | 'behind'
    /** CACHE_POINTER_NAMESPACES: the identity namespaces (lower case) that get a pointer to a stored view. */
    pointerNamespaces: string[]
    /** Only for local stand-ins and tests: where aio-lib-state sends its requests. */
    stateEndpoint: string | null
    /** The State region, a data-residency choice (aio-lib-state: amer, emea, apac, aus). */
    stateRegion: string
  }
  /** CUSTOMER_VIEW_MAPPING: the org's attribute cards, scores and tenant event rules. */
  mapping: ViewMapping
  /**
   * Where wrap-up interactions are sent (AEP Streaming Ingestion, an authenticated HTTP API
   * connection); null = the deployment records none. The event's shape is `mapping.interactions`.
   */
  interactions: {
    /** The collection host, `https://dcs.adobedc.net`. */
    baseUrl: string
    /** The streaming connection's inlet id: the last segment of its `/collection/{id}` URL. */
    connectionId: string
    /** The HTTP API source dataflow, sent as `x-adobe-flow-id` and `header.flowId`; null when not used. */
    flowId: string | null
    datasetId: string
  } | null
  ui: {
    /**
     * MASK_PERSONAL_DATA: the UI hides contact details, addresses and identity values until the
     * agent reveals them (each reveal audited). Default true: private on a shared screen.
     */
    maskPersonalData: boolean
  }
  phoneDefaultCountryCode: string
  /** Salt for the identity hashes in audit lines and cache keys. */
  identitySalt: string
}

export type Params = Record<string, unknown>

/**
 * The hosts of Adobe's own services (production and stage). Outside local development a setting
 * may point only at these, unless ALLOWED_UPSTREAM_HOSTS (a deployment input) names another host:
 * even a setting that somehow came from elsewhere could then not send a token to a foreign host.
 */
const ADOBE_HOSTS: Record<'IMS_BASE_URL' | 'AEP_BASE_URL' | 'AEP_STREAMING_BASE_URL' | 'AIO_STATE_ENDPOINT', RegExp> = {
  IMS_BASE_URL: /^ims-na1(-stg1)?\.adobelogin\.com$/,
  AEP_BASE_URL: /^platform(-stage)?\.adobe\.io$/,
  AEP_STREAMING_BASE_URL: /^dcs\.adobedc\.net$/,
  AIO_STATE_ENDPOINT: /^storage-state-[a-z0-9]+(\.stg)?\.app-builder(\.int)?\.adp\.adobe\.io$/
}

const ORG_ID = /^[A-Za-z0-9]{8,40}@AdobeOrg$/
const SANDBOX = /^[a-z0-9][a-z0-9-]{0,63}$/
const MERGE_POLICY = /^[A-Za-z0-9][A-Za-z0-9-]{0,63}$/
const INLET_ID = /^[a-f0-9]{64}$/i
const FLOW_ID = /^[a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12}$/i
const DATASET_ID = /^[A-Za-z0-9]{24}$/

/** Reads one input; unset `.env` variables reach the action as '' or as the literal `$NAME`. */
function raw(params: Params, name: string): string | undefined {
  const v = params[name]
  if (typeof v === 'number' || typeof v === 'boolean') return String(v)
  if (typeof v !== 'string') return undefined
  const t = v.trim()
  return t === '' || t.startsWith('$') ? undefined : t
}

class Reader {
  readonly problems: Record<string, string> = {}
  constructor(private readonly params: Params) {}

  required(name: string, check?: RegExp, hint?: string): string {
    const v = raw(this.params, name)
    if (v === undefined) this.problems[name] = 'is required'
    else if (check && !check.test(v)) this.problems[name] = hint ?? 'is malformed'
    return v ?? ''
  }

  optional(name: string, check?: RegExp, hint?: string): string | undefined {
    const v = raw(this.params, name)
    if (v !== undefined && check && !check.test(v)) this.problems[name] = hint ?? 'is malformed'
    return v
  }

  /** An http(s) URL on one of Adobe's hosts for this service, or on a host the deployment allows. */
  url(name: keyof typeof ADOBE_HOSTS, fallback: string, allowedHosts: ReadonlySet<string>): string {
    const v = raw(this.params, name) ?? fallback
    let u: URL
    try {
      u = new URL(v)
      if (u.protocol !== 'https:' && u.protocol !== 'http:') throw new Error('protocol')
    } catch {
      this.problems[name] = 'must be an http(s) URL'
      return fallback
    }
    const adobe = ADOBE_HOSTS[name].test(u.hostname) && u.protocol === 'https:'
    if (!adobe && !allowedHosts.has(u.hostname.toLowerCase())) {
      this.problems[name] =
        "must be an https URL on Adobe's own host for this service, or on a host listed in ALLOWED_UPSTREAM_HOSTS"
      return fallback
    }
    return v.replace(/\/+$/, '')
  }

  int(name: string, fallback: number, min: number, max: number): number {
    const v = raw(this.params, name)
    if (v === undefined) return fallback
    const n = Number(v)
    if (!Number.isInteger(n) || n < min || n > max) {
      this.problems[name] = `must be a whole number from ${min} to ${max}`
      return fallback
    }
    return n
  }

  /** `true` or `false` (any case); unset = `fallback`. */
  bool(name: string, fallback: boolean): boolean {
    const v = raw(this.params, name)?.toLowerCase()
    if (v === undefined) return fallback
    if (v === 'true' || v === 'false') return v === 'true'
    this.problems[name] = 'must be true or false'
    return fallback
  }
}

/** Scopes as a comma list, or as the JSON array `aio app use` writes into `.env`. */
function parseScopes(value: string): string[] {
  if (value.startsWith('[')) {
    try {
      const list: unknown = JSON.parse(value)
      if (Array.isArray(list))
        return list.filter((s): s is string => typeof s === 'string' && s.trim() !== '').map((s) => s.trim())
    } catch {
      /* fall back to the comma list */
    }
  }
  return value
    .split(',')
    .map((s) => s.trim().replace(/^["[]+|["\]]+$/g, ''))
    .filter(Boolean)
}

/** Parses and validates the inputs; throws ConfigError naming every bad variable (never its value). */
export function parseConfig(params: Params): Config {
  const r = new Reader(params)
  const allowedHosts = new Set(
    (r.optional('ALLOWED_UPSTREAM_HOSTS') ?? '')
      .split(',')
      .map((h) => h.trim().toLowerCase())
      .filter(Boolean)
  )
  const orgId = r.required('IMS_OAUTH_S2S_ORG_ID', ORG_ID, 'must look like XXXXXXXX@AdobeOrg')
  const clientId = r.required('IMS_OAUTH_S2S_CLIENT_ID')
  const sandbox = r.optional('AEP_SANDBOX', SANDBOX, 'must be a lower-case sandbox name') ?? 'prod'
  const allowed = (r.optional('AEP_ALLOWED_SANDBOXES') ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
  if (allowed.some((s) => !SANDBOX.test(s)))
    r.problems.AEP_ALLOWED_SANDBOXES = 'must be a comma-separated list of sandbox names'
  const mapping = readMapping(params, r.problems)
  const config: Config = {
    logLevel: parseLogLevel(params.LOG_LEVEL),
    ims: {
      baseUrl: r.url('IMS_BASE_URL', 'https://ims-na1.adobelogin.com', allowedHosts),
      clientId,
      clientSecret: r.required('IMS_OAUTH_S2S_CLIENT_SECRET'),
      orgId,
      scopes: parseScopes(
        r.optional('IMS_OAUTH_S2S_SCOPES') ??
          'openid,AdobeID,read_organizations,additional_info.projectedProductContext,session'
      )
    },
    aep: {
      baseUrl: r.url('AEP_BASE_URL', 'https://platform.adobe.io', allowedHosts),
      orgId,
      apiKey: clientId,
      sandbox,
      allowedSandboxes: [...new Set([sandbox, ...allowed])],
      mergePolicyId: r.optional('AEP_MERGE_POLICY_ID', MERGE_POLICY, 'must be a merge policy id') ?? null,
      timeoutMs: r.int('AEP_TIMEOUT_MS', 5000, 100, 60000)
    },
    cache: {
      profileTtlSeconds: r.int('CACHE_TTL_SECONDS', 300, 0, 86400),
      staleGraceSeconds: r.int('CACHE_STALE_GRACE_SECONDS', 3600, 0, 604800),
      audienceTtlSeconds: r.int('AUDIENCE_CACHE_TTL_SECONDS', 3600, 0, 604800),
      memorySeconds: r.int('CACHE_MEMORY_SECONDS', 5, 0, 60),
      memoryMaxEntries: r.int('CACHE_MEMORY_MAX_ENTRIES', 2000, 0, 100000),
      memoryMaxBytes: r.int('CACHE_MEMORY_MAX_BYTES', 32 * 1024 * 1024, 0, 512 * 1024 * 1024),
      readMode:
        r.optional('CACHE_READ_MODE', /^(before|parallel)$/, 'must be before or parallel') === 'parallel'
          ? 'parallel'
          : 'before',
      writeMode:
        r.optional('CACHE_WRITE_MODE', /^(await|behind)$/, 'must be await or behind') === 'behind' ? 'behind' : 'await',
      // Namespace codes as identity input takes them (any case), or `none` alone for no pointers at all.
      pointerNamespaces: (
        r.optional(
          'CACHE_POINTER_NAMESPACES',
          /^(none|(?!none\s*(,|$))[a-z][a-z0-9_.-]{0,63}(\s*,\s*(?!none\s*(,|$))[a-z][a-z0-9_.-]{0,63})*)$/i,
          'must be a comma-separated list of identity namespace codes, e.g. email,phone, or none'
        ) ?? 'email,phone,crmid,ecid,loyaltyid'
      )
        .toLowerCase()
        .split(',')
        .map((ns) => ns.trim())
        .filter((ns, i, all) => ns !== 'none' && all.indexOf(ns) === i),
      stateEndpoint:
        raw(params, 'AIO_STATE_ENDPOINT') === undefined ? null : r.url('AIO_STATE_ENDPOINT', '', allowedHosts),
      stateRegion:
        r.optional('AIO_STATE_REGION', /^(amer|emea|apac|aus)$/, 'must be one of amer, emea, apac, aus') ?? 'amer'
    },
    mapping,
    interactions: readInteractions(r, mapping, allowedHosts),
    ui: { maskPersonalData: r.bool('MASK_PERSONAL_DATA', true) },
    phoneDefaultCountryCode:
      r.optional('PHONE_DEFAULT_COUNTRY_CODE', /^[1-9]\d{0,2}$/, 'must be a country calling code such as 1 or 44') ??
      '1',
    identitySalt: r.required('IDENTITY_HASH_SALT', /^.{16,}$/, 'must be a random value of at least 16 characters')
  }
  if (Object.keys(r.problems).length > 0) throw new ConfigError(r.problems)
  return config
}

/** The streaming connection of the wrap-up, when AEP_STREAMING_CONNECTION_ID is set; every part it needs is checked. */
function readInteractions(r: Reader, mapping: ViewMapping, allowedHosts: ReadonlySet<string>): Config['interactions'] {
  const baseUrl = r.url('AEP_STREAMING_BASE_URL', 'https://dcs.adobedc.net', allowedHosts)
  const connectionId = r.optional(
    'AEP_STREAMING_CONNECTION_ID',
    INLET_ID,
    "must be the streaming connection's inlet id (64 hexadecimal characters, the end of its /collection/ URL)"
  )
  const flowId = r.optional('AEP_STREAMING_FLOW_ID', FLOW_ID, 'must be a dataflow id (a UUID)') ?? null
  const datasetId = r.optional('AEP_INTERACTIONS_DATASET_ID', DATASET_ID, 'must be a dataset id (24 characters)')
  if (connectionId === undefined) {
    if (datasetId !== undefined)
      r.problems.AEP_STREAMING_CONNECTION_ID ??= 'is required when AEP_INTERACTIONS_DATASET_ID is set'
    return null
  }
  if (datasetId === undefined)
    r.problems.AEP_INTERACTIONS_DATASET_ID ??= 'is required when AEP_STREAMING_CONNECTION_ID is set'
  const mappingFailed = Object.keys(r.problems).some((k) => /^(CUSTOMER_VIEW_MAPPING|INSIGHT_FIELD_MAP)\b/.test(k))
  if (mapping.interactions === null && !mappingFailed)
    r.problems['CUSTOMER_VIEW_MAPPING.interactions'] ??=
      'is required when AEP_STREAMING_CONNECTION_ID is set: it gives the shape of the wrap-up event'
  return datasetId === undefined ? null : { baseUrl, connectionId, flowId, datasetId }
}

/**
 * CUSTOMER_VIEW_MAPPING, or the former INSIGHT_FIELD_MAP (same keys) while a deployment still has it.
 * Problems are reported per field: `CUSTOMER_VIEW_MAPPING.attributes[2].format`.
 */
function readMapping(params: Params, problems: Record<string, string>): ViewMapping {
  const current = raw(params, 'CUSTOMER_VIEW_MAPPING')
  const legacy = raw(params, 'INSIGHT_FIELD_MAP')
  if (current !== undefined && legacy !== undefined) {
    problems.INSIGHT_FIELD_MAP = 'is replaced by CUSTOMER_VIEW_MAPPING: move its keys there and unset it'
    return EMPTY_MAPPING
  }
  const name = legacy !== undefined ? 'INSIGHT_FIELD_MAP' : 'CUSTOMER_VIEW_MAPPING'
  try {
    return parseViewMapping(current ?? legacy)
  } catch (e) {
    if (e instanceof MappingError)
      for (const [at, message] of Object.entries(e.fields)) problems[at ? `${name}.${at}` : name] = message
    else problems[name] = 'is malformed'
    return EMPTY_MAPPING
  }
}
