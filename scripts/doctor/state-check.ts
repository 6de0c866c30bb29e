/**
 * Can the actions use App Builder State (their cache)? A probe key is written, read back and
 * deleted with @adobe/aio-lib-state, with the Runtime namespace and auth the actions run under.
 */
import { randomBytes } from 'node:crypto'
import type { Config } from '../../actions/lib/config/config'
import { type CheckResult, check, within } from './types'

const GROUP = 'App Builder State'
const STATE_TIMEOUT_MS = 15_000

interface StateLib {
  init(config: { ow: { namespace: string; auth: string } }): Promise<{
    put(key: string, value: string, options: { ttl: number }): Promise<string>
    get(key: string): Promise<{ value: string } | undefined>
    delete(key: string): Promise<string | null>
  }>
}

export interface RuntimeCredentials {
  namespace: string | undefined
  auth: string | undefined
}

/** `aio app use` writes both spellings; either works. */
export function runtimeCredentials(vars: Record<string, string | undefined>): RuntimeCredentials {
  const pick = (a: string, b: string): string | undefined =>
    [vars[a], vars[b]].find((v) => v !== undefined && v.trim() !== '')?.trim()
  return {
    namespace: pick('AIO_RUNTIME_NAMESPACE', 'AIO_runtime_namespace'),
    auth: pick('AIO_RUNTIME_AUTH', 'AIO_runtime_auth')
  }
}

/**
 * aio-lib-state (and aio-lib-ims, which loads it) read AIO_STATE_ENDPOINT once, when first loaded:
 * call this before any Adobe library is required, so the probe goes where the actions' calls go.
 */
export function prepareStateEndpoint(config: Config): void {
  if (config.cache.stateEndpoint) process.env.AIO_STATE_ENDPOINT = config.cache.stateEndpoint
  else delete process.env.AIO_STATE_ENDPOINT
}

export async function checkState(config: Config, creds: RuntimeCredentials): Promise<CheckResult> {
  const where = config.cache.stateEndpoint ?? 'App Builder State (production)'
  if (!creds.namespace || !creds.auth) {
    return config.cache.stateEndpoint
      ? check.fail(
          GROUP,
          `No Runtime namespace/auth to reach State at ${where}`,
          'Set AIO_RUNTIME_NAMESPACE and AIO_RUNTIME_AUTH in .env (locally cah-local / cah-local-key).'
        )
      : check.skip(
          GROUP,
          'State not checked: .env has no Runtime namespace/auth',
          'Run `aio app use` (it writes AIO_RUNTIME_NAMESPACE and AIO_RUNTIME_AUTH), then run the doctor again.'
        )
  }
  const key = `cah-doctor-probe-${randomBytes(6).toString('hex')}`
  const value = JSON.stringify({ probe: true, at: Date.now() })
  try {
    const lib = require('@adobe/aio-lib-state') as StateLib
    const state = await within(
      lib.init({ ow: { namespace: creds.namespace, auth: creds.auth } }),
      STATE_TIMEOUT_MS,
      'State init timed out'
    )
    await within(state.put(key, value, { ttl: 60 }), STATE_TIMEOUT_MS, 'State put timed out')
    const read = await within(state.get(key), STATE_TIMEOUT_MS, 'State get timed out')
    await within(state.delete(key), STATE_TIMEOUT_MS, 'State delete timed out')
    if (read?.value !== value)
      return check.fail(
        GROUP,
        `State at ${where} did not return the value just written`,
        'Check that AIO_STATE_ENDPOINT points at a State service (or is empty in production).'
      )
    return check.pass(GROUP, `State at ${where} stores, returns and deletes a probe key (namespace ${creds.namespace})`)
  } catch (e) {
    const why = (e instanceof Error ? e.message : String(e))
      .split(creds.auth)
      .join('<hidden>')
      .replace(/\s+/g, ' ')
      .slice(0, 200)
    return check.fail(
      GROUP,
      `State at ${where} failed: ${why}`,
      'Check AIO_RUNTIME_NAMESPACE/AIO_RUNTIME_AUTH (from `aio app use`) and AIO_STATE_ENDPOINT (empty in production). The actions still work without State, uncached.'
    )
  }
}
