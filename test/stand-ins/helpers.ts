/**
 * Shared test plumbing: an AEP stand-in on an ephemeral port over the fixture seed, service
 * tokens signed with the dev secret, and a fetch that sends Adobe's four headers.
 */
import { type AepHandle, type AepOptions, startAep } from '../../stand-ins/aep/server'
import {
  DEFAULT_CLIENT_ID,
  DEFAULT_ORG_ID,
  DEV_SIGNING_SECRET,
  mintToken,
  technicalAccountId
} from '../../stand-ins/ims/tokens'
import { fixtureSeed } from './fixture-seed'

export const ORG = DEFAULT_ORG_ID
export const CLIENT_ID = DEFAULT_CLIENT_ID
export const PROFILE = '_xdm.context.profile'
export const EVENTS = '_xdm.context.experienceevent'

export function serviceToken(
  overrides: { org?: string; clientId?: string; expiresInSeconds?: number; secret?: string } = {}
): string {
  return mintToken(
    {
      clientId: overrides.clientId ?? CLIENT_ID,
      userId: technicalAccountId(),
      org: overrides.org ?? ORG,
      scope: 'openid,AdobeID',
      expiresInSeconds: overrides.expiresInSeconds ?? 3600
    },
    overrides.secret ?? DEV_SIGNING_SECRET
  )
}

export function aepHeaders(token = serviceToken(), sandbox = 'prod'): Record<string, string> {
  return { Authorization: `Bearer ${token}`, 'x-api-key': CLIENT_ID, 'x-gw-ims-org-id': ORG, 'x-sandbox-name': sandbox }
}

export function startFixtureAep(opts: Partial<AepOptions> = {}): Promise<AepHandle> {
  return startAep({ port: 0, seed: fixtureSeed(), ...opts })
}

export interface JsonResponse {
  status: number
  headers: Headers
  body: unknown
}

export async function getJson(
  url: string,
  headers: Record<string, string> = aepHeaders(),
  init: RequestInit = {}
): Promise<JsonResponse> {
  const res = await fetch(url, {
    ...init,
    headers: { ...headers, ...(init.headers as Record<string, string> | undefined) }
  })
  const text = await res.text()
  return { status: res.status, headers: res.headers, body: text === '' ? undefined : (JSON.parse(text) as unknown) }
}

export function entitiesUrl(aep: AepHandle, params: Record<string, string>): string {
  return `${aep.url}/data/core/ups/access/entities?${new URLSearchParams(params).toString()}`
}

/** Narrows an unknown JSON body to a record for property assertions. */
export function obj(value: unknown): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new Error(`expected a JSON object, got ${JSON.stringify(value)}`)
  return value as Record<string, unknown>
}
