/** Order statistics for latency samples (nearest-rank percentiles, milliseconds rounded to 0.1). */
export interface Summary {
  n: number
  median: number
  p95: number
  p99: number
  min: number
  max: number
  mean: number
}

const round = (v: number): number => Math.round(v * 10) / 10

/** Nearest-rank percentile of `values` (p in 0..100); NaN for an empty list. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN
  const sorted = [...values].sort((a, b) => a - b)
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)))
  return sorted[rank - 1] ?? Number.NaN
}

export function median(values: readonly number[]): number {
  return percentile(values, 50)
}

export function summarize(values: readonly number[]): Summary {
  const n = values.length
  const mean = n === 0 ? Number.NaN : values.reduce((a, b) => a + b, 0) / n
  return {
    n,
    median: round(percentile(values, 50)),
    p95: round(percentile(values, 95)),
    p99: round(percentile(values, 99)),
    min: round(n === 0 ? Number.NaN : Math.min(...values)),
    max: round(n === 0 ? Number.NaN : Math.max(...values)),
    mean: round(mean)
  }
}

/** a / b rounded to 3 decimals; null when either is not a finite number. */
export function ratio(a: number | null | undefined, b: number | null | undefined): number | null {
  if (typeof a !== 'number' || typeof b !== 'number' || !Number.isFinite(a) || !Number.isFinite(b) || b === 0)
    return null
  return Math.round((a / b) * 1000) / 1000
}

export function nowMs(): number {
  return performance.now()
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))

/** Runs `tasks` with at most `limit` in flight; results in task order. */
export async function pool<T>(tasks: Array<() => Promise<T>>, limit: number): Promise<T[]> {
  const out = new Array<T>(tasks.length)
  let next = 0
  const worker = async (): Promise<void> => {
    for (let i = next++; i < tasks.length; i = next++) {
      const task = tasks[i]
      if (task) out[i] = await task()
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker))
  return out
}
