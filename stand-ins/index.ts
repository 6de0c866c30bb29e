/**
 * Local stand-ins for the Adobe services the app calls: AEP (Profile, Segmentation, Identity),
 * IMS and the App Builder State service. `startStandIns` starts all three in-process, with AEP
 * trusting exactly the tokens this IMS issued (revocations included).
 */

import { type ExtraProfile, guardrailProfile, withOverlay } from './aep/seed-overlay'
import { type AepHandle, type AepOptions, startAep } from './aep/server'
import { shapeFromMapping } from './aep/streaming-config'
import { dataOverlay, type LoadedData, loadDataDir } from './data'
import { type ImsHandle, type ImsOptions, startIms } from './ims/server'
import type { Seed } from './seed/types'
import { type StateHandle, type StateOptions, startState } from './state/server'

export { AepControl, type EventsLookup } from './aep/control'
export { defaultSandboxes, MERGE_POLICY_IDS, type MergePolicyConfig, type SandboxConfig } from './aep/sandboxes'
export { type ExtraProfile, guardrailProfile, withExtraProfiles } from './aep/seed-overlay'
export { type AepHandle, type AepOptions, DEFAULT_AEP_PORT, startAep } from './aep/server'
export {
  DEFAULT_INGESTION_DELAY_MS,
  DEMO_INTERACTIONS_DATASET_ID,
  DEMO_STREAMING_CONNECTION_ID,
  MAX_STREAMING_BODY_BYTES,
  STREAMING_ROUTE,
  type StreamingOptions
} from './aep/streaming-config'
export type { FailedMessage, StreamingStats } from './aep/streaming-store'
export { DATA_FILES, DataLoadError, type DataProblem, type LoadedData, loadDataDir } from './data'
export { ImsControl } from './ims/control'
export { DEFAULT_IMS_PORT, type ImsHandle, type ImsOptions, startIms } from './ims/server'
export {
  DEFAULT_CLIENT_ID,
  DEFAULT_CLIENT_SECRET,
  DEFAULT_ORG_ID,
  DEV_SIGNING_SECRET,
  mintAgentToken,
  type TokenClaims,
  verifyToken
} from './ims/tokens'
export { Control } from './lib/control'
export type {
  ControlSnapshot,
  ControlUpdate,
  Fault,
  FaultType,
  LatencyConfig,
  RequestRecord,
  StandInHandle
} from './lib/types'
export {
  DEFAULT_STATE_API_KEY,
  DEFAULT_STATE_NAMESPACE,
  DEFAULT_STATE_PORT,
  type StateHandle,
  type StateOptions,
  startState
} from './state/server'

/** The identity of the built-in guardrail demo customer (60 identities → 422 on lookup). */
export const GUARDRAIL_DEMO_EMAIL = 'guardrail.demo@example.com'

export interface StandInsOptions {
  host?: string
  orgId?: string
  clientId?: string
  clientSecret?: string
  signingSecret?: string
  /** Data for prod (and dev); generated from `customers`/`prngSeed` when omitted. */
  seed?: Seed
  devSeed?: Seed
  customers?: number
  prngSeed?: number
  /** Add the guardrail demo customer (default true). */
  guardrailDemo?: boolean
  /**
   * Customers from a data folder (its path, or what `loadDataDir` returned), added to the prod
   * sandbox beside the generated ones (`nodefault` serves prod's data, so it has them too). A path
   * is loaded before any server starts: a bad folder throws DataLoadError and nothing runs. Its
   * mapping.json's `interactions` (when it has one) is the streaming endpoint's event shape.
   */
  data?: string | LoadedData
  aep?: Omit<AepOptions, 'host' | 'orgId' | 'clientId' | 'verifyToken' | 'signingSecret' | 'seed' | 'devSeed'>
  ims?: Omit<ImsOptions, 'host' | 'orgId' | 'clientId' | 'clientSecret' | 'signingSecret'>
  state?: Omit<StateOptions, 'host'>
}

export interface StandIns {
  aep: AepHandle
  ims: ImsHandle
  state: StateHandle
  close(): Promise<void>
}

export async function startStandIns(opts: StandInsOptions = {}): Promise<StandIns> {
  const data = typeof opts.data === 'string' ? loadDataDir(opts.data) : opts.data
  let seed = opts.seed
  let devSeed = opts.devSeed
  if (!seed) {
    const { defaultSeeds } = await import('./aep/default-seeds')
    const seeds = defaultSeeds(opts.customers, opts.prngSeed)
    seed = seeds.prod
    devSeed ??= seeds.dev
  }
  if (data) {
    // dev falls back to the prod seed when none is given: keep it free of the data.
    devSeed ??= seed
    seed = withOverlay(seed, dataOverlay(data, seed.namespaces))
  }
  const extras: ExtraProfile[] = [...(opts.aep?.extraProfiles ?? [])]
  if (opts.guardrailDemo !== false) extras.push(guardrailProfile(GUARDRAIL_DEMO_EMAIL, 59))

  const common = { host: opts.host, orgId: opts.orgId, clientId: opts.clientId, signingSecret: opts.signingSecret }
  const started: Array<{ close(): Promise<void> }> = []
  try {
    const ims = await startIms({ ...opts.ims, ...common, clientSecret: opts.clientSecret })
    started.push(ims)
    const streaming = { ...opts.aep?.streaming }
    if (streaming.mapping === undefined && shapeFromMapping(data?.mapping)) streaming.mapping = data?.mapping
    const aep = await startAep({
      ...opts.aep,
      ...common,
      streaming,
      seed,
      devSeed,
      extraProfiles: extras,
      verifyToken: ims.verifyToken
    })
    started.push(aep)
    const state = await startState({ ...opts.state, host: opts.host })
    started.push(state)
    return { aep, ims, state, close: () => closeAll([aep, ims, state]) }
  } catch (e) {
    await closeAll(started)
    throw e
  }
}

async function closeAll(handles: Array<{ close(): Promise<void> }>): Promise<void> {
  await Promise.all(handles.map((h) => h.close()))
}
