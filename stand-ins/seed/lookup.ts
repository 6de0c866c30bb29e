/**
 * Compact identity → customer-index table: open addressing over two typed arrays (a 53-bit hash of
 * `namespace:id` and the index), about 12 bytes per slot instead of ~280 bytes per entry for a
 * Map<string, number> of ropes. The table only proposes candidates; callers confirm a candidate by
 * regenerating its identities, so a hash collision can never return the wrong customer.
 */
import { mix32 } from './prng'

const LOW = 4294967296 // 2^32
const MAX_LOAD = 0.6

/** 53-bit hash of `${namespace}:${id}` (never 0, which marks an empty slot). */
export function identityKey(namespace: string, id: string): number {
  let h1 = 0x811c9dc5
  let h2 = 0x27d4eb2f
  const total = namespace.length + 1 + id.length
  for (let i = 0; i < total; i++) {
    const c =
      i < namespace.length
        ? namespace.charCodeAt(i)
        : i === namespace.length
          ? 58
          : id.charCodeAt(i - namespace.length - 1)
    h1 = Math.imul(h1 ^ c, 0x01000193)
    h2 = Math.imul((h2 << 5) | (h2 >>> 27), 0x5bd1e995) ^ c
  }
  const key = (mix32(h1) >>> 11) * LOW + mix32(h2 ^ id.length)
  return key === 0 ? 1 : key
}

export class IdentityTable {
  private keys: Float64Array
  private values: Int32Array
  private mask: number
  private used = 0

  constructor(expectedEntries: number) {
    let cap = 16
    while (cap * MAX_LOAD < expectedEntries) cap *= 2
    this.keys = new Float64Array(cap)
    this.values = new Int32Array(cap)
    this.mask = cap - 1
  }

  get size(): number {
    return this.used
  }

  /** Bytes held by the typed arrays. */
  get bytes(): number {
    return this.keys.byteLength + this.values.byteLength
  }

  /**
   * Add an entry. Entries already stored under the same key are shown to `sameKey` first (a real
   * duplicate identity, or a hash collision that the caller tells apart); both are kept.
   */
  add(key: number, index: number, sameKey?: (existing: number) => void): void {
    if (this.used + 1 > this.keys.length * MAX_LOAD) this.grow()
    let slot = this.slotOf(key)
    for (let k = this.keys[slot] ?? 0; k !== 0; k = this.keys[slot] ?? 0) {
      if (k === key && sameKey) sameKey(this.values[slot] ?? -1)
      slot = (slot + 1) & this.mask
    }
    this.keys[slot] = key
    this.values[slot] = index
    this.used++
  }

  /** Every index stored under `key`, in probe order. */
  candidates(key: number): number[] {
    const out: number[] = []
    for (let slot = this.slotOf(key); ; slot = (slot + 1) & this.mask) {
      const k = this.keys[slot] ?? 0
      if (k === 0) return out
      if (k === key) out.push(this.values[slot] ?? -1)
    }
  }

  private slotOf(key: number): number {
    // Low 32 bits are already mixed; fold in the high bits for small tables.
    return ((key % LOW) ^ Math.floor(key / LOW)) & this.mask
  }

  private place(key: number, index: number): void {
    let slot = this.slotOf(key)
    while ((this.keys[slot] ?? 0) !== 0) slot = (slot + 1) & this.mask
    this.keys[slot] = key
    this.values[slot] = index
  }

  private grow(): void {
    const oldKeys = this.keys
    const oldValues = this.values
    this.keys = new Float64Array(oldKeys.length * 2)
    this.values = new Int32Array(oldValues.length * 2)
    this.mask = this.keys.length - 1
    for (let s = 0; s < oldKeys.length; s++) {
      const k = oldKeys[s] ?? 0
      if (k !== 0) this.place(k, oldValues[s] ?? -1)
    }
  }
}
