/**
 * 8. UI — the production JavaScript shipped (gzip, from dist/dx-excshell-1/web-prod after
 * `npm run build`) and the time from the action's answer to the profile painted in headless
 * Chromium, read from dist/e2e-paint.json (written by `npx jest -c test/e2e/jest.config.js`; the
 * benchmark does not run the browser tests itself).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { gzipSync } from 'node:zlib'
import { ROOT } from '../lib/runtime'
import { median } from '../lib/stats'

export interface UiResult {
  webProd: {
    js: Array<{ file: string; bytes: number; gzipBytes: number }>
    jsGzipBytes: number | null
    cssGzipBytes: number | null
    builtAt: string | null
  }
  answerToPaint: { ms: number | null; samplesMs: number[]; source: string; measuredAt: string | null }
}

export function runUi(): UiResult {
  const dir = path.join(ROOT, 'dist', 'dx-excshell-1', 'web-prod')
  const files = existsSync(dir) ? readdirSync(dir) : []
  const gz = (f: string): number => gzipSync(readFileSync(path.join(dir, f)), { level: 9 }).length
  const js = files
    .filter((f) => f.endsWith('.js'))
    .map((f) => ({ file: f, bytes: statSync(path.join(dir, f)).size, gzipBytes: gz(f) }))
  const css = files.filter((f) => f.endsWith('.css'))
  const paintFile = path.join(ROOT, 'dist', 'e2e-paint.json')
  let samples: number[] = []
  let measuredAt: string | null = null
  if (existsSync(paintFile)) {
    const parsed: unknown = JSON.parse(readFileSync(paintFile, 'utf8'))
    const list =
      typeof parsed === 'object' && parsed !== null
        ? (parsed as { answerToPaintMs?: unknown }).answerToPaintMs
        : undefined
    if (Array.isArray(list))
      samples = list.filter((v): v is number => typeof v === 'number').map((v) => Math.round(v * 10) / 10)
    measuredAt = statSync(paintFile).mtime.toISOString()
  }
  return {
    webProd: {
      js,
      jsGzipBytes: js.length ? js.reduce((a, b) => a + b.gzipBytes, 0) : null,
      cssGzipBytes: css.length ? css.reduce((a, f) => a + gz(f), 0) : null,
      builtAt: js[0] ? statSync(path.join(dir, js[0].file)).mtime.toISOString() : null
    },
    answerToPaint: {
      ms: samples.length ? median(samples) : null,
      samplesMs: samples,
      source: existsSync(paintFile)
        ? 'dist/e2e-paint.json (npx jest -c test/e2e/jest.config.js)'
        : 'not measured: dist/e2e-paint.json is missing (run the e2e tests)',
      measuredAt
    }
  }
}
