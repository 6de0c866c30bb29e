/**
 * Small deterministic PRNG toolkit for the synthetic-customer generator.
 *
 * - `mix32` is Chris Wellons' "lowbias32" integer hash: a bijection on uint32, so it can scramble
 *   an index into a random-looking number that is still guaranteed unique (and `unmix32` undoes it).
 * - `Rng` is sfc32 seeded from a hash of (seed, customer index, stream id), so every customer (and
 *   every independent aspect of a customer) has its own stream and can be generated on demand
 *   without generating the ones before it.
 */

/** lowbias32: bijective 32-bit mixer. */
export function mix32(input: number): number {
  let x = input >>> 0
  x ^= x >>> 16
  x = Math.imul(x, 0x7feb352d)
  x ^= x >>> 15
  x = Math.imul(x, 0x846ca68b)
  x ^= x >>> 16
  return x >>> 0
}

/** Inverse of {@link mix32}. */
export function unmix32(input: number): number {
  let x = input >>> 0
  x ^= x >>> 16
  x = Math.imul(x, 0x43021123)
  x ^= (x >>> 15) ^ (x >>> 30)
  x = Math.imul(x, 0x1d69e2a5)
  x ^= x >>> 16
  return x >>> 0
}

/** Hash any number of integers (each taken mod 2^32) into one uint32. */
export function hash32(...parts: number[]): number {
  let h = 0x9e3779b9
  for (const p of parts) {
    h = mix32(h ^ mix32((p >>> 0) + 0x632be5ab))
    h = (h + 0x7f4a7c15) >>> 0
  }
  return mix32(h)
}

/** FNV-1a over UTF-16 code units, then mixed. */
export function hashString(s: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return mix32(h)
}

/** Element `i` of `arr`, throwing instead of returning undefined (keeps noUncheckedIndexedAccess honest). */
export function at<T>(arr: readonly T[], i: number): T {
  const v = arr[i]
  if (v === undefined) throw new RangeError(`index ${i} out of range 0..${arr.length - 1}`)
  return v
}

export type Weighted<T> = readonly (readonly [T, number])[]

/** sfc32 (Small Fast Counting) generator. */
export class Rng {
  private a: number
  private b: number
  private c: number
  private d: number

  constructor(...parts: number[]) {
    const h = hash32(...parts)
    this.a = hash32(h, 1)
    this.b = hash32(h, 2)
    this.c = hash32(h, 3)
    this.d = 1
    for (let i = 0; i < 12; i++) this.u32()
  }

  u32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0
    this.d = (this.d + 1) | 0
    this.a = this.b ^ (this.b >>> 9)
    this.b = (this.c + (this.c << 3)) | 0
    this.c = (this.c << 21) | (this.c >>> 11)
    this.c = (this.c + t) | 0
    return t >>> 0
  }

  /** Uniform in [0, 1). */
  float(): number {
    return this.u32() / 4294967296
  }

  /** Uniform integer in [min, max] (inclusive). */
  int(min: number, max: number): number {
    return min + Math.floor(this.float() * (max - min + 1))
  }

  chance(p: number): boolean {
    return this.float() < p
  }

  pick<T>(items: readonly T[]): T {
    return at(items, Math.floor(this.float() * items.length))
  }

  weighted<T>(items: Weighted<T>): T {
    let total = 0
    for (const [, w] of items) total += w
    let r = this.float() * total
    for (const [v, w] of items) {
      r -= w
      if (r < 0) return v
    }
    return at(items, items.length - 1)[0]
  }

  /** Standard normal (Box–Muller). */
  normal(): number {
    const u = 1 - this.float()
    const v = this.float()
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v)
  }

  /** `n` random hex digits. */
  hex(n: number): string {
    let s = ''
    while (s.length < n) s += this.u32().toString(16).padStart(8, '0')
    return s.slice(0, n)
  }

  /** `n` random decimal digits (the first one non-zero when `leadingNonZero`). */
  digits(n: number, leadingNonZero = false): string {
    let s = leadingNonZero ? String(this.int(1, 9)) : ''
    while (s.length < n) s += String(this.int(0, 9))
    return s
  }
}

/** Round to two decimals (for money and scores). */
export function round2(x: number): number {
  return Math.round(x * 100) / 100
}

export function clamp(x: number, lo: number, hi: number): number {
  return x < lo ? lo : Math.min(x, hi)
}

/**
 * Affine bijection on [0, n): i ↦ (i·a + b) mod n. `a` must be coprime with `n`; callers keep
 * i·a below 2^53 so the arithmetic stays exact.
 */
export function affinePerm(i: number, a: number, b: number, n: number): number {
  return (((i * a) % n) + (b % n)) % n
}
