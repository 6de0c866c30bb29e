/**
 * 6. Cold start — what a new container pays before its first activation runs: the time to load
 * each built bundle in a fresh Node process (`node -e`, require timed inside the process, median
 * of 5) and its size, against `require('@adobe/aio-sdk')` in a fresh process. Target ≤ 25 %.
 * The bundles load aio-lib-state and aio-lib-ims on first use; their own load time is shown too.
 */
import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync, statSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { gzipSync } from 'node:zlib'
import { ACTION_NAMES, ACTIONS_DIR, type ActionName, bundlePath, ROOT } from '../lib/runtime'
import { median } from '../lib/stats'

export interface BundleCold {
  action: ActionName
  requireMs: number
  samplesMs: number[]
  bytes: number
  gzipBytes: number
  zipBytes: number | null
}

export interface ColdStartResult {
  runs: number
  bundles: BundleCold[]
  aioSdk: { requireMs: number | null; samplesMs: number[]; note: string }
  /** Loaded by the bundles on first use (not at require), for reference. */
  lazyLibsMs: Record<string, number>
}

/** Milliseconds to require `spec` in a new Node process, timed inside it (process start excluded). */
function requireTime(spec: string): number {
  const script = `const t=process.hrtime.bigint();require(${JSON.stringify(spec)});process.stdout.write(String(Number(process.hrtime.bigint()-t)/1e6))`
  const out = execFileSync(process.execPath, ['-e', script], {
    cwd: ROOT,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe']
  })
  return Number(out.trim())
}

function sample(spec: string, runs: number): number[] {
  requireTime(spec) // one untimed run: the file system cache, as on a warm Runtime host
  return Array.from({ length: runs }, () => Math.round(requireTime(spec) * 10) / 10)
}

export function runColdStart(runs: number): ColdStartResult {
  const bundles = ACTION_NAMES.map((action): BundleCold => {
    const file = bundlePath(action)
    const samples = sample(file, runs)
    const zip = path.join(ACTIONS_DIR, `${action}.zip`)
    return {
      action,
      requireMs: median(samples),
      samplesMs: samples,
      bytes: statSync(file).size,
      gzipBytes: gzipSync(readFileSync(file), { level: 9 }).length,
      zipBytes: existsSync(zip) ? statSync(zip).size : null
    }
  })
  const local = createRequire(path.join(ROOT, 'package.json'))
  let sdk: ColdStartResult['aioSdk'] = {
    requireMs: null,
    samplesMs: [],
    note: 'not measured: @adobe/aio-sdk is not installed'
  }
  try {
    local.resolve('@adobe/aio-sdk')
    const samples = sample('@adobe/aio-sdk', runs)
    sdk = { requireMs: median(samples), samplesMs: samples, note: "require('@adobe/aio-sdk') in a fresh process" }
  } catch {
    /* stays "not measured" */
  }
  const lazyLibsMs: Record<string, number> = {}
  for (const lib of ['@adobe/aio-lib-state', '@adobe/aio-lib-ims']) {
    try {
      local.resolve(lib)
      lazyLibsMs[lib] = median(sample(lib, 3))
    } catch {
      /* not installed */
    }
  }
  return { runs, bundles, aioSdk: sdk, lazyLibsMs }
}
