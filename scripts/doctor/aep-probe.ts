/**
 * Raw GETs to AEP with the headers our AepClient sends, keeping the answer's status and body so
 * the doctor can tell a refused credential from an unknown sandbox (the client, rightly, maps
 * both to one error code for callers).
 */

import { exchange, type FetchLike } from '../../actions/lib/aep/upstream-http'
import type { Config } from '../../actions/lib/config/config'
import { UpstreamError } from '../../actions/lib/errors/errors'

export type ProbeOutcome =
  | { kind: 'ok'; status: number; body: unknown }
  | { kind: 'unreachable' | 'timeout'; message: string }
  | { kind: 'token' | 'apiKey' | 'org' | 'refused'; status: number; message: string }

export interface AepProbe {
  /** `accept` defaults to JSON; the Schema Registry wants its own media types. */
  get(path: string, sandbox: string, accept?: string): Promise<ProbeOutcome>
}

/** AEP's own message, short and single-line (its messages name ids, never secrets). */
function messageOf(text: string): string {
  let msg = text
  try {
    const body: unknown = JSON.parse(text)
    const first: unknown = Array.isArray(body) ? body[0] : body
    if (typeof first === 'object' && first !== null) {
      const o = first as Record<string, unknown>
      const m = o.message ?? o.title ?? o.detail
      if (typeof m === 'string') msg = typeof o.error_code === 'string' ? `${o.error_code} ${m}` : m
    }
  } catch {
    /* not JSON: use the text */
  }
  return msg.replace(/\s+/g, ' ').trim().slice(0, 200) || '(empty body)'
}

/** Which layer refused: the gateway's token/API-key codes and the org check come before any sandbox logic. */
export function classify(status: number, text: string): ProbeOutcome {
  if (status >= 200 && status < 300) {
    try {
      return { kind: 'ok', status, body: JSON.parse(text) as unknown }
    } catch {
      return { kind: 'refused', status, message: 'answered with a body that is not JSON' }
    }
  }
  const message = messageOf(text)
  if (status === 401 || /\b(401013|403010)\b/.test(text)) return { kind: 'token', status, message }
  if (/\b(403000|403003)\b/.test(text)) return { kind: 'apiKey', status, message }
  if (/UPS-ACC-1000004|not provisioned/i.test(text)) return { kind: 'org', status, message }
  return { kind: 'refused', status, message }
}

export function aepProbe(config: Config['aep'], token: string, fetchImpl?: FetchLike): AepProbe {
  return {
    async get(path, sandbox, accept = 'application/json') {
      try {
        const answer = await exchange(
          'AEP',
          {
            method: 'GET',
            url: config.baseUrl + path,
            headers: {
              Authorization: `Bearer ${token}`,
              'x-api-key': config.apiKey,
              'x-gw-ims-org-id': config.orgId,
              'x-sandbox-name': sandbox,
              Accept: accept
            }
          },
          config.timeoutMs,
          fetchImpl
        )
        return classify(answer.status, answer.text)
      } catch (e) {
        if (e instanceof UpstreamError)
          return { kind: e.code === 'UPSTREAM_TIMEOUT' ? 'timeout' : 'unreachable', message: e.message }
        throw e
      }
    }
  }
}
