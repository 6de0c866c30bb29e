/**
 * `npm run smoke -- <base URL> [--token <IMS token>] [--org <org id>] [--namespace email --id <value>]`
 *
 * A post-deploy smoke test any admin can run: the action answers 401 without a token, then 200 with
 * a sane customer view for a customer the admin names (Jane Doe of the local stand-ins by default),
 * and the timings of each call. The token may also come from SMOKE_TOKEN; the org from SMOKE_ORG
 * (else the token's own `org` claim). Exits 0 when every check passes, 1 otherwise, 2 on bad usage.
 * The base URL is the package's web URL, e.g. https://<namespace>.adobeioruntime.net/api/v1/web/customer-activity-hub
 * or, with `npm start`, https://localhost:9080/api/v1/web/customer-activity-hub (its self-signed
 * certificate is accepted for localhost only).
 */

import { request as plainRequest } from 'node:http'
import { request } from 'node:https'

interface Options {
  base: URL
  token: string
  org: string | null
  namespace: string
  id: string
}
interface Answer {
  status: number
  body: unknown
  ms: number
}

function usage(message: string): never {
  process.stderr.write(
    `smoke: ${message}\nUsage: npm run smoke -- <base URL> [--token T] [--org ORG] [--namespace NS --id ID]\n`
  )
  process.exit(2)
}

function parseArgs(argv: string[]): Options {
  let base: string | undefined
  const flags: Record<string, string> = {}
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? ''
    if (arg.startsWith('--')) {
      const value = argv[i + 1]
      if (value === undefined) usage(`${arg} needs a value`)
      flags[arg.slice(2)] = value
      i++
    } else base ??= arg
  }
  if (!base) usage('give the deployed base URL')
  let url: URL
  try {
    url = new URL(base.replace(/\/+$/, ''))
  } catch {
    usage(`${base} is not a URL`)
  }
  const token = flags.token ?? process.env.SMOKE_TOKEN
  if (!token) usage('give a token with --token or SMOKE_TOKEN')
  return {
    base: url,
    token,
    org: flags.org ?? process.env.SMOKE_ORG ?? null,
    namespace: flags.namespace ?? 'email',
    id: flags.id ?? 'jane.doe@example.com'
  }
}

/** The org a token names, so `--org` is needed only for tokens that carry none. */
function orgOf(token: string): string | null {
  try {
    const claims = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as { org?: unknown }
    return typeof claims.org === 'string' ? claims.org : null
  } catch {
    return null
  }
}

function get(url: URL, headers: Record<string, string>): Promise<Answer> {
  const started = performance.now()
  const local = url.hostname === 'localhost' || url.hostname === '127.0.0.1'
  const send = url.protocol === 'http:' ? plainRequest : request
  return new Promise((resolve, reject) => {
    const req = send(url, { headers, timeout: 30_000, rejectUnauthorized: !local }, (res) => {
      let text = ''
      res.on('data', (c: Buffer) => {
        text += c.toString()
      })
      res.on('end', () => {
        let body: unknown = text
        try {
          body = JSON.parse(text)
        } catch {
          /* not JSON: kept as text */
        }
        resolve({ status: res.statusCode ?? 0, body, ms: Math.round(performance.now() - started) })
      })
    })
    req.on('timeout', () => req.destroy(new Error('no answer within 30 s')))
    req.on('error', reject)
    req.end()
  })
}

/** What a sane view has: a profile id, identities, and meta naming its sandbox and cache status. */
function viewProblems(body: unknown): string[] {
  const v = body as {
    customer?: { profileId?: unknown; identities?: unknown }
    meta?: { sandbox?: unknown; cache?: { status?: unknown } }
  }
  const problems: string[] = []
  if (typeof v?.customer?.profileId !== 'string') problems.push('customer.profileId missing')
  if (!Array.isArray(v?.customer?.identities) || v.customer.identities.length === 0)
    problems.push('customer.identities empty')
  if (typeof v?.meta?.sandbox !== 'string') problems.push('meta.sandbox missing')
  if (typeof v?.meta?.cache?.status !== 'string') problems.push('meta.cache.status missing')
  return problems
}

async function main(): Promise<void> {
  const o = parseArgs(process.argv.slice(2))
  const url = new URL(`${o.base.href.replace(/\/+$/, '')}/customer-profile`)
  url.search = new URLSearchParams({ namespace: o.namespace, id: o.id }).toString()
  const org = o.org ?? orgOf(o.token)
  const checks: Array<{ name: string; ok: boolean; detail: string }> = []

  const anonymous = await get(url, org ? { 'x-gw-ims-org-id': org } : {})
  checks.push({
    name: 'without a token: 401',
    ok: anonymous.status === 401,
    detail: `${anonymous.status} in ${anonymous.ms} ms`
  })
  const headers = { authorization: `Bearer ${o.token}`, ...(org ? { 'x-gw-ims-org-id': org } : {}) }
  for (const attempt of ['first lookup', 'second lookup (cache)']) {
    const answer = await get(url, headers)
    const problems =
      answer.status === 200
        ? viewProblems(answer.body)
        : [`HTTP ${answer.status} ${JSON.stringify(answer.body).slice(0, 200)}`]
    const cache = (answer.body as { meta?: { cache?: { status?: string } } })?.meta?.cache?.status ?? '-'
    checks.push({
      name: `${attempt}: 200 and a sane view`,
      ok: problems.length === 0,
      detail: `${answer.status} ${cache} in ${answer.ms} ms${problems.length ? `: ${problems.join('; ')}` : ''}`
    })
  }

  for (const c of checks) process.stdout.write(`${c.ok ? '✔' : '✘'} ${c.name.padEnd(40)} ${c.detail}\n`)
  const failed = checks.filter((c) => !c.ok).length
  process.stdout.write(failed === 0 ? 'smoke: all checks passed\n' : `smoke: ${failed} check(s) failed\n`)
  process.exit(failed === 0 ? 0 : 1)
}

main().catch((e: unknown) => {
  process.stderr.write(`smoke: ${e instanceof Error ? e.message : String(e)}\n`)
  process.exit(1)
})
