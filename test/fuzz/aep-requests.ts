/**
 * What reached AEP, checked against what validation can produce: every identity in an AEP URL or
 * batch body is a normalised valid identity (decoded and re-checked with normaliseIdentity), every
 * parameter appears once and has a value our own code would send, and no path escapes its route.
 */
import { normaliseIdentity } from '../../actions/lib/input/identity'
import type { RequestRecord } from '../../stand-ins'
import type { TestEnv } from '../integration/harness'

const MERGE_POLICY = /^[A-Za-z0-9][A-Za-z0-9-]{0,63}$/
const AUDIENCE_ID = /^[A-Za-z0-9_-]{1,80}$/
const PROFILE = '_xdm.context.profile'
const EVENT = '_xdm.context.experienceevent'

/** Allowed query parameters per AEP route and a check of each value. */
const VALUE_CHECKS: Record<string, Record<string, (v: string) => boolean>> = {
  'entities.profile': {
    'schema.name': (v) => v === PROFILE,
    entityId: () => true,
    entityIdNS: () => true,
    mergePolicyId: (v) => MERGE_POLICY.test(v),
    fields: (v) => /^[A-Za-z0-9_.,]{1,2000}$/.test(v)
  },
  'entities.events': {
    'schema.name': (v) => v === EVENT,
    'relatedSchema.name': (v) => v === PROFILE,
    relatedEntityId: () => true,
    relatedEntityIdNS: () => true,
    // What our code sends (AEP's next link echoes it, plus `start`): newest first, 1..100, a cursor id.
    limit: (v) => /^\d{1,3}$/.test(v) && Number(v) >= 1 && Number(v) <= 100,
    orderby: (v) => v === '-timestamp',
    mergePolicyId: (v) => MERGE_POLICY.test(v),
    start: (v) => /^[A-Za-z0-9_-]{1,128}$/.test(v)
  },
  mergePolicies: { 'schema.name': (v) => v === PROFILE, limit: (v) => /^\d{1,3}$/.test(v) },
  namespaces: {}
}

/** Problems of one identity as AEP received it (namespace code and value). */
export function identityProblems(ns: string | null, id: string | null, where: string): string[] {
  if (ns === null || id === null) return [`${where}: identity or namespace missing`]
  const r = normaliseIdentity(ns, id)
  if (!r.ok)
    return [
      `${where}: ${JSON.stringify(ns)}/${JSON.stringify(id.slice(0, 80))} is not a valid identity (${r.field} ${r.message})`
    ]
  if (r.identity.id !== id || r.identity.aepNamespace.toLowerCase() !== ns.toLowerCase())
    return [`${where}: ${JSON.stringify(id.slice(0, 80))} is not normalised`]
  return []
}

/** Problems of one AEP request record. */
export function recordProblems(r: RequestRecord): string[] {
  const where = `${r.method} ${r.route}`
  const at = ` (${r.path.slice(0, 200)})`
  const [rawPath = ''] = r.path.split('?')
  if (rawPath.split('/').some((seg) => seg === '..' || seg === '.' || /%2e%2e|%2f/i.test(seg)))
    return [`${where}: path traversal${at}`]
  if (r.route === 'audiences' || r.route === 'segmentDefinitions') {
    const id = decodeURIComponent(rawPath.split('/').pop() ?? '')
    return AUDIENCE_ID.test(id)
      ? []
      : [`${where}: audience id ${JSON.stringify(id)} is not one membershipsOf accepts${at}`]
  }
  if (r.route === 'entities.multi') return []
  const checks = VALUE_CHECKS[r.route]
  if (!checks) return [`${where}: unexpected AEP route${at}`]
  const q = new URL(r.path, 'http://aep').searchParams
  const out: string[] = []
  for (const key of new Set(q.keys())) {
    const values = q.getAll(key)
    const check = checks[key]
    if (!check) out.push(`${where}: unexpected parameter ${key}${at}`)
    else if (values.length !== 1) out.push(`${where}: ${key} given ${values.length} times${at}`)
    else if (!check(values[0] ?? ''))
      out.push(`${where}: ${key}=${JSON.stringify(values[0]?.slice(0, 80))} is not a value we send${at}`)
  }
  if (r.route === 'entities.profile')
    out.push(...identityProblems(q.get('entityIdNS'), q.get('entityId'), where).map((p) => p + at))
  if (r.route === 'entities.events')
    out.push(...identityProblems(q.get('relatedEntityIdNS'), q.get('relatedEntityId'), where).map((p) => p + at))
  return out
}

/** Problems of one multi-entity POST body. */
export function batchBodyProblems(body: string): string[] {
  let parsed: unknown
  try {
    parsed = JSON.parse(body)
  } catch {
    return ['POST entities: body is not JSON']
  }
  const o = parsed as { schema?: { name?: unknown }; identities?: unknown; mergePolicyId?: unknown }
  const out: string[] = []
  if (o.schema?.name !== PROFILE) out.push('POST entities: wrong schema')
  if (o.mergePolicyId !== undefined && (typeof o.mergePolicyId !== 'string' || !MERGE_POLICY.test(o.mergePolicyId)))
    out.push('POST entities: bad mergePolicyId')
  if (!Array.isArray(o.identities) || o.identities.length < 1 || o.identities.length > 100)
    return [...out, 'POST entities: identities not 1..100']
  for (const i of o.identities as Array<{ entityId?: unknown; entityIdNS?: { code?: unknown } }>) {
    out.push(
      ...identityProblems(
        typeof i.entityIdNS?.code === 'string' ? i.entityIdNS.code : null,
        typeof i.entityId === 'string' ? i.entityId : null,
        'POST entities'
      )
    )
  }
  return out
}

/** Reads AEP's request records incrementally (the stand-in keeps the last 1000): call `check` after every request. */
export function aepRecordReader(env: TestEnv): { check(): string[]; total(): number } {
  let seen = 0
  let total = 0
  return {
    check() {
      const fresh = env.standIns.aep.control.requests().filter((r) => r.seq > seen)
      if (fresh.length > 0) seen = Math.max(...fresh.map((r) => r.seq))
      total += fresh.length
      return fresh.flatMap(recordProblems)
    },
    total: () => total
  }
}

/**
 * The bodies of POSTs to AEP (the stand-in records paths, not bodies), captured at the one seam every
 * AEP call passes: global fetch. Returns the captured bodies and a restore function.
 */
export function captureAepPosts(env: TestEnv): { bodies: string[]; restore(): void } {
  const original = globalThis.fetch
  const bodies: string[] = []
  globalThis.fetch = (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url
    if (url.startsWith(env.standIns.aep.url) && init?.method === 'POST' && typeof init.body === 'string')
      bodies.push(init.body)
    return original(input, init)
  }
  return {
    bodies,
    restore: () => {
      globalThis.fetch = original
    }
  }
}
