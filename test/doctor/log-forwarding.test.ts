/**
 * The doctor's log-forwarding check: Runtime keeps no logs of successful activations, so a
 * namespace without forwarding loses every successful lookup's audit line. A faked reader plays
 * Runtime's answer; one suite runs aio-lib-runtime's real LogForwarding against a loopback server.
 */

import { createServer, type IncomingHttpHeaders, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { readManifest } from '../../scripts/doctor/inputs'
import {
  checkLogForwarding,
  DEFAULT_APIHOST,
  type LogForwardingReader,
  type LogForwardingTarget,
  runtimeLogForwardingReader
} from '../../scripts/doctor/log-forwarding-check'
import { formatReport } from '../../scripts/doctor/report'
import { runDoctor } from '../../scripts/doctor/run'
import { failed } from '../../scripts/doctor/types'

const NAMESPACE = '12345-cah-production'
const AUTH = 'c0ffee00-0000-4000-8000-000000000001:doctor-test-runtime-key'
const creds = { namespace: NAMESPACE, auth: AUTH }

/** A reader that answers `answer` and records whom it was asked about. */
function fakeReader(answer: unknown): LogForwardingReader & { calls: LogForwardingTarget[] } {
  const calls: LogForwardingTarget[] = []
  const read = async (target: LogForwardingTarget): Promise<unknown> => {
    calls.push(target)
    return answer
  }
  return Object.assign(read, { calls })
}

describe('doctor: log forwarding (faked Runtime answer)', () => {
  it('warns when the namespace keeps its logs in Adobe I/O Runtime, naming the command and the docs', async () => {
    // Prepare: Runtime's answer for a namespace that never had forwarding set.
    const read = fakeReader({ adobe_io_runtime: {} })

    // Act
    const result = await checkLogForwarding({}, creds, read)

    // Assess
    expect(read.calls).toEqual([{ namespace: NAMESPACE, auth: AUTH, apihost: DEFAULT_APIHOST }])
    expect(result.status).toBe('warn')
    expect(result.group).toBe('Log forwarding')
    expect(result.title).toBe(
      `Namespace ${NAMESPACE} does not forward logs (destination: Adobe I/O Runtime): audit lines of successful lookups are not kept`
    )
    expect(result.hint).toContain('aio app config set log-forwarding')
    expect(result.hint).toContain('docs/deploy.md')
    expect(failed([result])).toBe(false)
  })

  it.each([null, undefined, 'not an object', []])(
    'reads an answer without a destination (%p) as the default, as aio does',
    async (answer) => {
      // Prepare
      const read = fakeReader(answer)

      // Act
      const result = await checkLogForwarding({}, creds, read)

      // Assess
      expect(result.status).toBe('warn')
    }
  )

  it.each([
    [
      'splunk_hec',
      { host: 'http-inputs-acme.splunkcloud.com', port: '443', index: 'cah', updated_at: '2026-12-01T10:00:00Z' },
      'Splunk HEC'
    ],
    ['new_relic', { base_uri: 'https://log-api.eu.newrelic.com/log/v1' }, 'New Relic'],
    ['azure_log_analytics', { customer_id: 'a1b2', log_type: 'cah' }, 'Azure Log Analytics']
  ])('passes when logs are forwarded to %s, naming the destination', async (destination, settings, name) => {
    // Prepare: Runtime never returns the secret settings (HEC token, license key, shared key).
    const read = fakeReader({ [destination]: settings })

    // Act
    const result = await checkLogForwarding({}, creds, read)

    // Assess
    expect(result).toEqual({
      group: 'Log forwarding',
      status: 'pass',
      title: `Namespace ${NAMESPACE} forwards its logs to ${name} (${destination})`
    })
  })

  it('asks the Runtime API host that `aio app use` wrote into .env', async () => {
    // Prepare
    const read = fakeReader({ splunk_hec: {} })

    // Act
    await checkLogForwarding({ AIO_runtime_apihost: 'https://adobeioruntime.example' }, creds, read)
    await checkLogForwarding({ AIO_RUNTIME_APIHOST: 'http://127.0.0.1:9' }, creds, read)

    // Assess
    expect(read.calls.map((c) => c.apihost)).toEqual(['https://adobeioruntime.example', 'http://127.0.0.1:9'])
  })

  it('skips with a "could not check" line, without failing and without the auth, when Runtime cannot be reached', async () => {
    // Prepare: what aio-lib-runtime throws offline; the message carries the auth to prove it is hidden.
    const read: LogForwardingReader = async () => {
      throw new Error(
        `Could not get log forwarding settings for namespace '${NAMESPACE}': request to https://adobeioruntime.net/runtime/namespaces/${NAMESPACE}/logForwarding failed, reason: getaddrinfo ENOTFOUND adobeioruntime.net (${AUTH})`
      )
    }

    // Act
    const result = await checkLogForwarding({}, creds, read)

    // Assess
    expect(result.status).toBe('skip')
    expect(result.title).toMatch(
      new RegExp(
        `^Log forwarding of namespace ${NAMESPACE} could not be checked: request to https://adobeioruntime\\.net/runtime/namespaces/${NAMESPACE}/logForwarding failed, reason: getaddrinfo ENOTFOUND adobeioruntime\\.net \\(<hidden>\\)$`
      )
    )
    expect(result.title).not.toContain(AUTH)
    expect(result.title).toContain('<hidden>')
    expect(result.hint).toContain('aio app config get log-forwarding')
    expect(failed([result])).toBe(false)
  })

  it("skips without asking Runtime for the local stand-ins' namespace cah-local", async () => {
    // Prepare
    const read = fakeReader({ adobe_io_runtime: {} })

    // Act
    const result = await checkLogForwarding({}, { namespace: 'cah-local', auth: 'cah-local-key' }, read)

    // Assess
    expect(read.calls).toEqual([])
    expect(result.status).toBe('skip')
    expect(result.title).toBe(
      "Log forwarding not checked: cah-local is the local stand-ins' namespace, not an I/O Runtime one"
    )
  })

  it('skips without asking Runtime when .env has no Runtime namespace or auth', async () => {
    // Prepare
    const read = fakeReader({ adobe_io_runtime: {} })

    // Act
    const noAuth = await checkLogForwarding({}, { namespace: NAMESPACE, auth: undefined }, read)
    const noNamespace = await checkLogForwarding({}, { namespace: undefined, auth: AUTH }, read)

    // Assess
    expect(read.calls).toEqual([])
    expect([noAuth.status, noNamespace.status]).toEqual(['skip', 'skip'])
    expect(noAuth.hint).toContain('aio app use')
  })

  it('skips an answer with more than one destination rather than guessing', async () => {
    // Prepare
    const read = fakeReader({ splunk_hec: {}, new_relic: {} })

    // Act
    const result = await checkLogForwarding({}, creds, read)

    // Assess
    expect(result.status).toBe('skip')
    expect(result.title).toBe(
      `Log forwarding of namespace ${NAMESPACE} could not be read: the answer names 2 destinations, not one`
    )
  })
})

describe('doctor: log forwarding in the whole report', () => {
  const MANIFEST = readManifest(join(__dirname, '..', '..'))

  it('prints the warning with its fix even when the configuration fails, and never the Runtime auth', async () => {
    // Prepare: a production namespace but an otherwise empty .env (so the configuration fails).
    const vars = { AIO_RUNTIME_NAMESPACE: NAMESPACE, AIO_RUNTIME_AUTH: AUTH }

    // Act
    const report = await runDoctor({
      manifest: MANIFEST,
      vars,
      readLogForwarding: fakeReader({ adobe_io_runtime: {} })
    })
    const text = formatReport(report.results, report.secrets)

    // Assess
    expect(report.results.at(-1)).toMatchObject({ group: 'Log forwarding', status: 'warn' })
    expect(text).toContain(`⚠ Namespace ${NAMESPACE} does not forward logs`)
    expect(text).toContain('→ Set a destination with `npx aio app config set log-forwarding`')
    expect(text).not.toContain(AUTH)
  })
})

describe('doctor: log forwarding read with aio-lib-runtime (loopback Runtime API)', () => {
  let server: Server
  let apihost: string
  let answer: { status: number; body: string }
  const seen: Array<{ method?: string; url?: string; headers: IncomingHttpHeaders }> = []

  beforeAll(async () => {
    server = createServer((req, res) => {
      seen.push({ method: req.method, url: req.url, headers: req.headers })
      res.writeHead(answer.status, { 'Content-Type': 'application/json' }).end(answer.body)
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    apihost = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  })
  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()))
  })
  beforeEach(() => {
    seen.length = 0
  })

  it('sends GET /runtime/namespaces/{ns}/logForwarding with the namespace auth and reads the destination', async () => {
    // Prepare
    answer = {
      status: 200,
      body: JSON.stringify({
        new_relic: { base_uri: 'https://log-api.newrelic.com/log/v1', updated_at: '2026-12-01T10:00:00Z' }
      })
    }

    // Act
    const result = await checkLogForwarding({ AIO_RUNTIME_APIHOST: apihost }, creds, runtimeLogForwardingReader)

    // Assess
    expect(seen).toEqual([
      expect.objectContaining({
        method: 'GET',
        url: `/runtime/namespaces/${NAMESPACE}/logForwarding`,
        headers: expect.objectContaining({ authorization: `Basic ${Buffer.from(AUTH).toString('base64')}` })
      })
    ])
    expect(result).toMatchObject({
      status: 'pass',
      title: `Namespace ${NAMESPACE} forwards its logs to New Relic (new_relic)`
    })
  })

  it('warns on the default destination as Runtime sends it', async () => {
    // Prepare
    answer = { status: 200, body: JSON.stringify({ adobe_io_runtime: {} }) }

    // Act
    const result = await checkLogForwarding({ AIO_RUNTIME_APIHOST: apihost }, creds, runtimeLogForwardingReader)

    // Assess
    expect(result.status).toBe('warn')
  })

  it('skips when Runtime refuses the namespace auth', async () => {
    // Prepare
    answer = { status: 401, body: JSON.stringify({ error: 'The supplied authentication is invalid' }) }

    // Act
    const result = await checkLogForwarding({ AIO_RUNTIME_APIHOST: apihost }, creds, runtimeLogForwardingReader)

    // Assess
    expect(result.status).toBe('skip')
    expect(result.title).toContain('could not be checked')
    expect(result.title).toContain('401')
  })
})
