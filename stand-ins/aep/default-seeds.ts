/**
 * The generated data behind the default sandboxes: prod gets the full seed, dev a small one with
 * another PRNG seed (so the two sandboxes visibly differ). Loaded only when no seed is passed in.
 */
import { generateSeed } from '../seed/generate'
import type { Seed } from '../seed/types'

export const DEFAULT_CUSTOMERS = 2000
export const DEFAULT_PRNG_SEED = 42
export const DEV_CUSTOMERS = 200

export function defaultSeeds(customers = DEFAULT_CUSTOMERS, prngSeed = DEFAULT_PRNG_SEED): { prod: Seed; dev: Seed } {
  return {
    prod: generateSeed({ count: customers, seed: prngSeed }),
    dev: generateSeed({ count: Math.min(DEV_CUSTOMERS, customers), seed: prngSeed + 1 })
  }
}
