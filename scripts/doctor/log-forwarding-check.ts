/**
 * Do the actions' audit lines survive? I/O Runtime keeps logs of failed and asynchronous
 * activations only, so without log forwarding the audit line of every successful lookup is lost.
 *
 * Reads the namespace's log-forwarding configuration with the class `aio app config get
 * log-forwarding` uses: @adobe/aio-lib-runtime's LogForwarding.get(), which is
 * `GET {apihost}/runtime/namespaces/{namespace}/logForwarding` and answers the one configured
 * destination as `{"<destination>": {<settings without secrets>}}`. The CLI (aio-cli-plugin-app
 * 14.7) sends that request to Adobe's deploy service with the `aio login` token and prints text only
 * (no `--json`). The doctor sends it to the Runtime API host from `.env` with the namespace's own
 * auth (aio-lib-runtime's default), so it needs no login and can be tested with a fake reader.
 */

import type { RuntimeCredentials } from './state-check'
import { type CheckResult, check, within } from './types'

const GROUP = 'Log forwarding'
const TIMEOUT_MS = 15_000
/** aio-lib-runtime's default Runtime API host (what `aio app use` writes as AIO_runtime_apihost). */
export const DEFAULT_APIHOST = 'https://adobeioruntime.net'
/** The namespace `.env.example` gives the local stand-ins: no Runtime behind it. */
export const LOCAL_NAMESPACE = 'cah-local'
/** Where the go-live step is described. */
const DOCS = 'docs/deploy.md → "Turn on log forwarding"'
const SET = '`npx aio app config set log-forwarding`'
const GET = '`npx aio app config get log-forwarding`'

/** Names as aio-lib-runtime's LogForwardingLocalDestinationsProvider lists them. */
export const DESTINATIONS: Record<string, string> = {
  adobe_io_runtime: 'Adobe I/O Runtime',
  splunk_hec: 'Splunk HEC',
  new_relic: 'New Relic',
  azure_log_analytics: 'Azure Log Analytics'
}

export interface LogForwardingTarget {
  namespace: string
  auth: string
  apihost: string
}

/** Resolves with Runtime's answer as JSON (e.g. `{"adobe_io_runtime":{}}`); rejects when Runtime cannot be asked. */
export type LogForwardingReader = (target: LogForwardingTarget) => Promise<unknown>

interface LogForwardingClass {
  new (namespace: string, apiHost: string, apiKey: string, destinationsProvider: unknown): { get(): Promise<unknown> }
}

/**
 * The real reader: aio-lib-runtime's own LogForwarding class (loaded on its own: the package's
 * index also loads webpack for its build functions). The package comes with @adobe/aio-cli.
 */
export const runtimeLogForwardingReader: LogForwardingReader = async ({ namespace, auth, apihost }) => {
  const LogForwarding = require('@adobe/aio-lib-runtime/src/LogForwarding') as LogForwardingClass
  const Provider = require('@adobe/aio-lib-runtime/src/LogForwardingLocalDestinationsProvider') as new () => unknown
  return new LogForwarding(namespace, apihost, auth, new Provider()).get()
}

/** `AIO_RUNTIME_APIHOST` or `AIO_runtime_apihost` (written by `aio app use`), else Runtime's default. */
export function runtimeApihost(vars: Record<string, string | undefined>): string {
  return (
    [vars.AIO_RUNTIME_APIHOST, vars.AIO_runtime_apihost].find((v) => v !== undefined && v.trim() !== '')?.trim() ??
    DEFAULT_APIHOST
  )
}

function notChecked(title: string, why: string): CheckResult {
  return check.skip(
    GROUP,
    title,
    `${why} Check it with ${GET}; without forwarding the audit lines of successful lookups are lost (see ${DOCS}).`
  )
}

/** Runtime's answer read as aio's LogForwarding.getConfigFromJson reads it: exactly one key, the destination. */
function destinationOf(
  answer: unknown
): { kind: 'default' } | { kind: 'destination'; name: string } | { kind: 'unclear'; why: string } {
  if (answer === undefined || answer === null || typeof answer !== 'object' || Array.isArray(answer))
    return { kind: 'default' }
  const keys = Object.keys(answer)
  const name = keys[0]
  if (keys.length !== 1 || name === undefined)
    return { kind: 'unclear', why: `the answer names ${keys.length} destinations, not one` }
  return name === 'adobe_io_runtime' ? { kind: 'default' } : { kind: 'destination', name }
}

export async function checkLogForwarding(
  vars: Record<string, string | undefined>,
  creds: RuntimeCredentials,
  read: LogForwardingReader = runtimeLogForwardingReader
): Promise<CheckResult> {
  if (!creds.namespace || !creds.auth) {
    return notChecked(
      'Log forwarding not checked: .env has no Runtime namespace/auth',
      'Run `aio app use --merge` (it writes them), then the doctor again.'
    )
  }
  if (creds.namespace === LOCAL_NAMESPACE) {
    return notChecked(
      `Log forwarding not checked: ${LOCAL_NAMESPACE} is the local stand-ins' namespace, not an I/O Runtime one`,
      'Locally the audit lines go to the terminal; in the deployed workspace they need forwarding.'
    )
  }
  const apihost = runtimeApihost(vars)
  let answer: unknown
  try {
    answer = await within(
      read({ namespace: creds.namespace, auth: creds.auth, apihost }),
      TIMEOUT_MS,
      `no answer within ${TIMEOUT_MS / 1000} s`
    )
  } catch (e) {
    // aio-lib-runtime prefixes "Could not get log forwarding settings for namespace '…': ", which the title says already.
    const why = (e instanceof Error ? e.message : String(e))
      .split(creds.auth)
      .join('<hidden>')
      .replace(/^Could not get log forwarding settings for namespace '[^']*': /, '')
      .replace(/\s+/g, ' ')
      .trim()
      .slice(0, 200)
    return notChecked(
      `Log forwarding of namespace ${creds.namespace} could not be checked: ${why}`,
      `The Runtime API at ${apihost} could not be asked (offline, a proxy, or it refused the namespace auth).`
    )
  }
  const found = destinationOf(answer)
  switch (found.kind) {
    case 'default':
      return check.warn(
        GROUP,
        `Namespace ${creds.namespace} does not forward logs (destination: Adobe I/O Runtime): audit lines of successful lookups are not kept`,
        `Set a destination with ${SET} (Splunk HEC, New Relic or Azure Log Analytics); see ${DOCS}.`
      )
    case 'destination':
      return check.pass(
        GROUP,
        `Namespace ${creds.namespace} forwards its logs to ${DESTINATIONS[found.name] ?? 'a destination this aio-lib-runtime does not list'} (${found.name})`
      )
    default:
      return notChecked(
        `Log forwarding of namespace ${creds.namespace} could not be read: ${found.why}`,
        'Runtime answered, but not as aio-lib-runtime expects.'
      )
  }
}
