/**
 * `--data DIR`: customers from files, exactly as they were ingested into AEP. Everything is checked
 * before anything is returned, so a bad folder loads nothing.
 *
 *   DIR/profiles.json    XDM Individual Profile records (JSON array or NDJSON)   } at least one
 *   DIR/events.json      XDM ExperienceEvent records (JSON array or NDJSON)      } of the two
 *   DIR/identities.json  { "profile": { "dot.path": "NamespaceCode" }, "event": { … } }   optional
 *   DIR/audiences.json   [{ "id", "name", "description" }]                                 optional
 *   DIR/mapping.json     the app's CUSTOMER_VIEW_MAPPING setting (a JSON object)           optional
 */
import { existsSync, statSync } from 'node:fs'
import type { ExtraProfile, SeedOverlay } from '../aep/seed-overlay'
import type { AudienceDefinition, NamespaceDefinition } from '../seed/types'
import { DataLoadError, Problems } from './errors'
import { parseDescriptors } from './identities'
import { mergeCustomers } from './merge'
import { parseObjectFile, parseRecords, readText } from './read'
import { checkAudiences, checkEvents, checkProfiles } from './records'

export const DATA_FILES = {
  profiles: 'profiles.json',
  events: 'events.json',
  identities: 'identities.json',
  audiences: 'audiences.json',
  mapping: 'mapping.json'
} as const

export interface LoadedData {
  dir: string
  /** One per merged customer, in the order of its first record (profiles first, then events-only). */
  customers: ExtraProfile[]
  audiences: AudienceDefinition[]
  /** Every namespace code the data uses, spelled as the data first spells it. */
  namespaces: string[]
  /** mapping.json as compact JSON text (the value of CUSTOMER_VIEW_MAPPING), when the folder has one. */
  mapping?: string
  counts: { profileRecords: number; eventRecords: number }
}

/** Loads and checks a data folder; throws DataLoadError listing every problem found. */
export function loadDataDir(dir: string): LoadedData {
  if (!existsSync(dir) || !statSync(dir).isDirectory())
    throw new DataLoadError([{ file: dir, message: 'is not a folder' }])
  const problems = new Problems()
  const text = (file: string): string | undefined => readText(dir, file, problems)
  const profilesText = text(DATA_FILES.profiles)
  const eventsText = text(DATA_FILES.events)
  if (profilesText === undefined && eventsText === undefined && problems.list.length === 0)
    problems.add(dir, undefined, undefined, `holds neither ${DATA_FILES.profiles} nor ${DATA_FILES.events}`)
  const identitiesText = text(DATA_FILES.identities)
  const descriptors = parseDescriptors(
    identitiesText === undefined ? undefined : parseObjectFile(DATA_FILES.identities, identitiesText, problems),
    problems
  )
  // Without its descriptors every record would look identity-less: report identities.json alone.
  problems.throwIfAny()
  const records = (file: string, t: string | undefined) => (t === undefined ? [] : parseRecords(file, t, problems))
  const profiles = checkProfiles(DATA_FILES.profiles, records(DATA_FILES.profiles, profilesText), descriptors, problems)
  const events = checkEvents(DATA_FILES.events, records(DATA_FILES.events, eventsText), descriptors, problems)
  const audiencesText = text(DATA_FILES.audiences)
  const audiences = checkAudiences(DATA_FILES.audiences, records(DATA_FILES.audiences, audiencesText), problems)
  const mappingText = text(DATA_FILES.mapping)
  const mapping = mappingText === undefined ? undefined : parseObjectFile(DATA_FILES.mapping, mappingText, problems)
  problems.throwIfAny()

  const customers = mergeCustomers(profiles, events)
  const namespaces = new Map<string, string>()
  for (const c of customers)
    for (const i of c.identities)
      if (!namespaces.has(i.namespace.toLowerCase())) namespaces.set(i.namespace.toLowerCase(), i.namespace)
  const loaded: LoadedData = {
    dir,
    customers,
    audiences,
    namespaces: [...namespaces.values()],
    counts: { profileRecords: profiles.length, eventRecords: events.length }
  }
  if (mapping !== undefined) loaded.mapping = JSON.stringify(mapping)
  return loaded
}

/** First id of the custom namespaces the data brings (AEP gives custom namespaces large ids). */
const CUSTOM_NAMESPACE_ID = 20_000_001

/**
 * What the data adds to a sandbox's seed: its customers, its audiences and, as custom namespaces,
 * the namespace codes `known` (the seed's list, matched case-insensitively) lacks.
 */
export function dataOverlay(data: LoadedData, known: readonly NamespaceDefinition[]): SeedOverlay {
  const codes = new Set(known.map((n) => n.code.toLowerCase()))
  const custom: NamespaceDefinition[] = data.namespaces
    .filter((code) => !codes.has(code.toLowerCase()))
    .map((code, k) => ({
      id: CUSTOM_NAMESPACE_ID + k,
      code,
      name: code,
      description: `Custom namespace of the data loaded from ${data.dir}`,
      idType: 'CROSS_DEVICE',
      custom: true
    }))
  return { profiles: data.customers, audiences: data.audiences, namespaces: custom }
}
