/** A State service in a Map, for the cache's unit tests: it records every call (what each round trip was). */
import type { StateStore } from '../../../actions/lib/cache'
import { standIn } from '../fixtures/lookup-seams'

export interface FakeState {
  data: Map<string, unknown>
  /** `get <key>`, `put <key>` (`put <key> behind` for a write behind the answer), `deleteAll <match>`. */
  calls: string[]
  store: StateStore
  /** While true, puts wait until `releasePuts()`: what the caller does before State answers. */
  holdPuts: boolean
  releasePuts(): void
  /** The same for gets. */
  holdGets: boolean
  releaseGets(): void
}

export function fakeState(): FakeState {
  const heldPuts: Array<() => void> = []
  const heldGets: Array<() => void> = []
  const state: FakeState = {
    data: new Map(),
    calls: [],
    holdPuts: false,
    releasePuts: () => {
      for (const release of heldPuts.splice(0)) release()
    },
    holdGets: false,
    releaseGets: () => {
      for (const release of heldGets.splice(0)) release()
    },
    store: standIn<StateStore>({
      async get(key) {
        state.calls.push(`get ${key}`)
        if (state.holdGets) await new Promise<void>((r) => heldGets.push(r))
        return state.data.has(key) ? structuredClone(state.data.get(key)) : null
      },
      async put(key, value, _ttl, options) {
        state.calls.push(`put ${key}${options?.behind ? ' behind' : ''}`)
        if (state.holdPuts) await new Promise<void>((r) => heldPuts.push(r))
        state.data.set(key, structuredClone(value))
        return true
      },
      async deleteMatching(match) {
        state.calls.push(`deleteAll ${match}`)
        const re = new RegExp(`^${match.replace(/\./g, '\\.').replace(/\*/g, '.*')}$`)
        for (const k of [...state.data.keys()]) if (re.test(k)) state.data.delete(k)
        return true
      }
    })
  }
  return state
}
