/**
 * A container's own short-lived copy of what it read from or wrote to State, so that a warm
 * container answers a repeat lookup without a State round trip. Bounded three ways: an entry is
 * used for at most `freshnessMs` after it entered memory (so an invalidation or a newer write by
 * another container is seen within that bound), and the tier holds at most `maxEntries` entries
 * and `maxBytes` bytes of JSON, the least recently used going first.
 */

export interface MemoryTierOptions {
  /** How long an entry may answer after it entered memory; 0 turns the tier off. */
  freshnessMs: number
  maxEntries: number
  maxBytes: number
}

interface Slot<T> {
  value: T
  bytes: number
  at: number
}

export class MemoryTier<T> {
  private readonly slots = new Map<string, Slot<T>>()
  private total = 0

  constructor(
    private readonly options: MemoryTierOptions,
    private readonly now: () => number = Date.now
  ) {}

  /** Entries held and the bytes they count for. */
  get size(): { entries: number; bytes: number } {
    return { entries: this.slots.size, bytes: this.total }
  }

  /** The value while it is within its freshness, else undefined (an expired entry is dropped). */
  get(key: string): T | undefined {
    const slot = this.slots.get(key)
    if (!slot) return undefined
    if (this.now() - slot.at >= this.options.freshnessMs) {
      this.drop(key, slot)
      return undefined
    }
    // Re-inserting marks it most recently used: Map keeps insertion order.
    this.slots.delete(key)
    this.slots.set(key, slot)
    return slot.value
  }

  /** Holds `value` (of `bytes` bytes) under `key`; a value larger than the whole tier is not held. */
  set(key: string, value: T, bytes: number): void {
    const old = this.slots.get(key)
    if (old) this.drop(key, old)
    const { freshnessMs, maxEntries, maxBytes } = this.options
    if (freshnessMs <= 0 || maxEntries <= 0 || bytes > maxBytes) return
    this.slots.set(key, { value, bytes, at: this.now() })
    this.total += bytes
    for (const [k, slot] of this.slots) {
      if (this.slots.size <= maxEntries && this.total <= maxBytes) break
      this.drop(k, slot)
    }
  }

  /** Forgets every entry whose key or value `matches`. */
  deleteWhere(matches: (key: string, value: T) => boolean): void {
    for (const [k, slot] of this.slots) if (matches(k, slot.value)) this.drop(k, slot)
  }

  private drop(key: string, slot: Slot<T>): void {
    this.slots.delete(key)
    this.total -= slot.bytes
  }
}
