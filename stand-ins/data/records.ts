/**
 * What AEP itself refuses in profile, event and audience records: events need `_id` and
 * `timestamp`, every record needs an identity, audiences need an id and a name.
 */
import type { AudienceDefinition, XdmEvent } from '../seed/types'
import type { Problems } from './errors'
import { type Descriptors, type FoundIdentity, recordIdentities } from './identities'
import { isObj, type Obj, type SourceRecord } from './read'

export interface CheckedRecord<T> {
  value: T
  identities: FoundIdentity[]
}

// RFC 3339; a one-digit hour (Adobe's call-centre sample has `T7:36:51.000Z`) is accepted and padded.
const DATE_TIME = /^(\d{4}-\d{2}-\d{2}T)(\d{1,2})(:\d{2}:\d{2}(?:\.\d{1,9})?(?:Z|[+-]\d{2}:?\d{2}))$/i
const AUDIENCE_ID = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}$/
const MEMBERSHIP_STATUSES = ['realized', 'existing', 'exited']

function identitiesOf(
  file: string,
  rec: SourceRecord,
  paths: Descriptors['profile'],
  kind: 'profile' | 'event',
  problems: Problems
): FoundIdentity[] {
  const found = recordIdentities(file, rec, paths, problems)
  if (found.length === 0)
    problems.add(
      file,
      rec.where,
      'identityMap',
      `the record has no identity: give it an identityMap entry or a field identities.json names under "${kind}"`
    )
  return found
}

export function checkProfiles(
  file: string,
  records: SourceRecord[],
  descriptors: Descriptors,
  problems: Problems
): Array<CheckedRecord<Obj>> {
  return records.map((rec) => {
    checkMembership(file, rec, problems)
    return { value: rec.value, identities: identitiesOf(file, rec, descriptors.profile, 'profile', problems) }
  })
}

export function checkEvents(
  file: string,
  records: SourceRecord[],
  descriptors: Descriptors,
  problems: Problems
): Array<CheckedRecord<XdmEvent>> {
  const seen = new Map<string, SourceRecord>()
  return records.map((rec) => {
    const v = rec.value
    const id = eventId(v._id)
    if (id === undefined) problems.add(file, rec.where, '_id', 'is required: a unique string id of the event')
    else if (seen.has(id)) problems.add(file, rec.where, '_id', `repeats the _id of ${place(seen.get(id))}`)
    else seen.set(id, rec)
    const timestamp = dateTime(v.timestamp)
    if (timestamp === undefined) problems.add(file, rec.where, 'timestamp', 'must be an ISO date-time')
    if (v.eventType !== undefined && typeof v.eventType !== 'string')
      problems.add(file, rec.where, 'eventType', 'must be a string such as commerce.purchases')
    const identities = identitiesOf(file, rec, descriptors.event, 'event', problems)
    // Luma's offline purchases carry no eventType: the event is kept exactly as it came.
    const event = { ...v, _id: id ?? '', timestamp: timestamp ?? '' } as XdmEvent
    return { value: event, identities }
  })
}

export function checkAudiences(file: string, records: SourceRecord[], problems: Problems): AudienceDefinition[] {
  const seen = new Map<string, SourceRecord>()
  const out: AudienceDefinition[] = []
  for (const rec of records) {
    const { id, name, description } = rec.value
    let ok = true
    if (typeof id !== 'string' || !AUDIENCE_ID.test(id)) {
      problems.add(file, rec.where, 'id', 'is required: letters, digits, - _ . : (an audience id such as a UUID)')
      ok = false
    } else if (seen.has(id)) {
      problems.add(file, rec.where, 'id', `repeats the id of ${place(seen.get(id))}`)
      ok = false
    } else seen.set(id, rec)
    if (typeof name !== 'string' || name.trim() === '' || name.length > 256) {
      problems.add(file, rec.where, 'name', 'is required: a text of 1 to 256 characters')
      ok = false
    }
    if (description !== undefined && typeof description !== 'string') {
      problems.add(file, rec.where, 'description', 'must be a text')
      ok = false
    }
    if (ok) out.push({ id: id as string, name: name as string, description: (description as string | undefined) ?? '' })
  }
  return out
}

function checkMembership(file: string, rec: SourceRecord, problems: Problems): void {
  const m = rec.value.segmentMembership
  if (m === undefined) return
  if (!isObj(m)) {
    problems.add(file, rec.where, 'segmentMembership', 'must be an object')
    return
  }
  for (const [ns, audiences] of Object.entries(m)) {
    if (!isObj(audiences)) {
      problems.add(file, rec.where, `segmentMembership.${ns}`, 'must be an object of audience id → membership')
      continue
    }
    for (const [aid, entry] of Object.entries(audiences)) {
      const status = isObj(entry) ? entry.status : undefined
      if (!MEMBERSHIP_STATUSES.includes(status as string))
        problems.add(
          file,
          rec.where,
          `segmentMembership.${ns}.${aid}.status`,
          `must be one of ${MEMBERSHIP_STATUSES.join(', ')}`
        )
    }
  }
}

function eventId(v: unknown): string | undefined {
  if (typeof v === 'string' && v.trim() !== '') return v
  // Adobe's call-centre sample numbers its events (`"_id": 3461`); the id is that number's text.
  if (typeof v === 'number' && Number.isSafeInteger(v)) return String(v)
  return undefined
}

function dateTime(v: unknown): string | undefined {
  if (typeof v !== 'string') return undefined
  const m = DATE_TIME.exec(v)
  if (!m) return undefined
  const iso = `${m[1]}${(m[2] ?? '').padStart(2, '0')}${m[3]}`
  return Number.isFinite(Date.parse(iso)) ? iso : undefined
}

function place(rec: SourceRecord | undefined): string {
  if (!rec) return 'an earlier record'
  return 'record' in rec.where ? `record ${rec.where.record}` : `line ${rec.where.line}`
}
