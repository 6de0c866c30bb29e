/**
 * Starts the State stand-in in-process: point aio-lib-state at it with
 * AIO_STATE_ENDPOINT=<url> (set before the library is first required).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import { Control } from '../lib/control'
import { json } from '../lib/http'
import { startServer } from '../lib/server'
import type { CommonOptions, StandInHandle } from '../lib/types'
import { MAX_VALUE_BYTES, stateRouter } from './routes'
import { StateStore, type StoreDump } from './store'

export const DEFAULT_STATE_PORT = 9103
export const DEFAULT_STATE_NAMESPACE = 'cah-local'
export const DEFAULT_STATE_API_KEY = 'cah-local-key'

export interface StateOptions extends CommonOptions {
  /** namespace → api key; default { 'cah-local': 'cah-local-key' }. */
  credentials?: Record<string, string>
  /** Clock for TTLs (epoch ms); tests pass a fake one to expire keys without waiting. */
  now?: () => number
  /** Largest value accepted (default 1 MB); larger PUTs answer 413. */
  maxValueBytes?: number
  /** Keep the data in this JSON file across restarts (written shortly after each change and on close). */
  persistPath?: string
}

export interface StateHandle extends StandInHandle<Control> {
  store: StateStore
}

export async function startState(opts: StateOptions = {}): Promise<StateHandle> {
  const store = new StateStore(opts.now)
  const persist = opts.persistPath
  if (persist && existsSync(persist)) store.load(JSON.parse(readFileSync(persist, 'utf8')) as StoreDump)
  let pending: NodeJS.Timeout | undefined
  const save = (): void => {
    if (!persist) return
    mkdirSync(dirname(persist), { recursive: true })
    writeFileSync(persist, JSON.stringify(store.dump()))
  }
  const onChange = (): void => {
    // Debounced so a burst of writes costs one file write.
    if (!persist || pending) return
    pending = setTimeout(() => {
      pending = undefined
      save()
    }, 200)
  }

  const control = new Control('state', { latency: opts.latency, faults: opts.faults, maxRecords: opts.maxRecords })
  const handle = await startServer({
    control,
    router: stateRouter(store, {
      credentials: opts.credentials ?? { [DEFAULT_STATE_NAMESPACE]: DEFAULT_STATE_API_KEY },
      maxValueBytes: opts.maxValueBytes ?? MAX_VALUE_BYTES,
      onChange
    }),
    faultReplies: {
      tooManyRequests: () => json(429, { message: 'request rate too high' }),
      serverError: (status) => json(status, { message: `State service answered ${status}` })
    },
    recordHeaders: ['content-type', 'content-length', 'user-agent', 'x-request-id'],
    port: opts.port ?? DEFAULT_STATE_PORT,
    host: opts.host ?? '127.0.0.1'
  })
  return {
    ...handle,
    store,
    close: async () => {
      if (pending) clearTimeout(pending)
      pending = undefined
      save()
      await handle.close()
    }
  }
}
