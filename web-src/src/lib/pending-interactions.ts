/**
 * Wrap-ups the action accepted that the customer's view does not show yet. AEP takes seconds to
 * minutes to make a streamed event visible, so until the view's events hold one with the same id,
 * the timeline shows it as pending. Kept in sessionStorage (this tab only, gone when it closes), so
 * a reload does not lose it; never the note, only codes, labels and ids.
 */
import { isRecord, isTimelineEvent } from '../api/guards'
import type { CustomerEvent, InteractionChoice } from '../api/types'
import { sessionStorageOrNull } from './session-storage'

export interface PendingInteraction {
  /** The XDM `_id` the action answered; the stored event comes back with this `id`. */
  eventId: string
  interactionId: string
  /** When the action accepted it (ISO). */
  timestamp: string
  /** Epoch ms this page saved it, for the 24-hour expiry. */
  savedAt: number
  topic: InteractionChoice
  outcome: InteractionChoice
  /** The entry as the timeline will show it once stored (from the action's answer; never the note). */
  event?: CustomerEvent
}

interface StoredPending extends PendingInteraction {
  /** Whose view it belongs to: see `pendingScope`. */
  scope: string
}

export const PENDING_KEY = 'cah.pendingInteractions.v1'
export const PENDING_TTL_MS = 24 * 60 * 60 * 1000
/** Enough for a busy shift; the oldest go first. */
const MAX_PENDING = 50

/** One customer in one sandbox: the profile id rather than the identity typed, which is personal data. */
export function pendingScope(sandbox: string, profileId: string): string {
  return `${sandbox}|${profileId}`
}

const isChoice = (v: unknown): v is InteractionChoice =>
  isRecord(v) && typeof v.code === 'string' && isRecord(v.label) && typeof v.label.en === 'string'

function isStored(r: unknown): r is StoredPending {
  return (
    isRecord(r) &&
    typeof r.scope === 'string' &&
    typeof r.eventId === 'string' &&
    typeof r.interactionId === 'string' &&
    typeof r.timestamp === 'string' &&
    typeof r.savedAt === 'number' &&
    isChoice(r.topic) &&
    isChoice(r.outcome) &&
    (r.event === undefined || (isTimelineEvent(r.event) && r.event.id === r.eventId))
  )
}

const EMPTY: PendingInteraction[] = []

export class PendingInteractionsStore {
  private readonly listeners = new Set<() => void>()
  /** Per scope, the list handed out and the stored text it was read from. */
  private readonly snapshots = new Map<string, { source: string; items: PendingInteraction[] }>()
  private memoryOnly: StoredPending[] = []
  private memoryVersion = 0

  constructor(
    private storage: Storage | null,
    private readonly now: () => number = Date.now
  ) {}

  /** The stored text (or, without storage, a version of the in-memory copy), to tell when it changed. */
  private source(): string {
    try {
      if (this.storage) return this.storage.getItem(PENDING_KEY) ?? '[]'
    } catch {
      this.storage = null
    }
    return `memory:${this.memoryVersion}`
  }

  private read(source: string = this.source()): StoredPending[] {
    if (!this.storage) return this.memoryOnly
    try {
      const parsed: unknown = JSON.parse(source)
      // A garbled entry is a miss, not a crash.
      return Array.isArray(parsed) ? parsed.filter(isStored) : []
    } catch {
      return []
    }
  }

  private live(entries: StoredPending[]): StoredPending[] {
    const cutoff = this.now() - PENDING_TTL_MS
    return entries.filter((e) => e.savedAt >= cutoff)
  }

  private write(entries: StoredPending[]): void {
    this.memoryOnly = entries
    this.memoryVersion += 1
    try {
      this.storage?.setItem(PENDING_KEY, JSON.stringify(entries))
    } catch {
      // Storage full or blocked: keep them for this page only.
      this.storage = null
    }
    for (const l of this.listeners) l()
  }

  /** The customer's pending interactions, newest first; the same array until the stored ones change. */
  list = (scope: string): PendingInteraction[] => {
    const source = this.source()
    const cached = this.snapshots.get(scope)
    if (cached && cached.source === source) return cached.items
    const mine = this.live(this.read(source))
      .filter((e) => e.scope === scope)
      .map(({ scope: _scope, ...entry }) => entry)
      .sort((a, b) => b.savedAt - a.savedAt)
    const items = mine.length > 0 ? mine : EMPTY
    this.snapshots.set(scope, { source, items })
    return items
  }

  /** Adds (or replaces, by event id) one accepted interaction; drops expired ones on the way. */
  add(scope: string, entry: PendingInteraction): void {
    const others = this.live(this.read()).filter((e) => e.eventId !== entry.eventId)
    this.write([{ ...entry, scope }, ...others].slice(0, MAX_PENDING))
  }

  /** Forgets the customer's pending interactions whose event the view now holds (and expired ones). */
  settle(scope: string, eventIds: Iterable<string>): void {
    const stored = new Set(eventIds)
    const all = this.read()
    const kept = this.live(all).filter((e) => !(e.scope === scope && stored.has(e.eventId)))
    if (kept.length !== all.length) this.write(kept)
  }

  /** Forgets every pending interaction of this tab. */
  clear(): void {
    this.write([])
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }
}

let shared: PendingInteractionsStore | null = null

/** The page's store, backed by sessionStorage when the browser allows it. */
export function sharedPendingStore(): PendingInteractionsStore {
  shared ??= new PendingInteractionsStore(sessionStorageOrNull())
  return shared
}
