/** Reads `.env` (creating it from `.env.example` on first run) into a plain map; no interpolation. */
import { copyFileSync, existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

export const ROOT = join(__dirname, '..', '..')

export function loadEnvFile(create = true): Record<string, string> {
  const path = join(ROOT, '.env')
  if (!existsSync(path) && create) copyFileSync(join(ROOT, '.env.example'), path)
  const out: Record<string, string> = {}
  if (!existsSync(path)) return out
  for (const line of readFileSync(path, 'utf8').split(/\r?\n/)) {
    const m = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)\s*$/.exec(line)
    if (m?.[1] && !line.trimStart().startsWith('#')) out[m[1]] = (m[2] ?? '').replace(/^(['"])(.*)\1$/, '$2')
  }
  return out
}

export function portOf(url: string | undefined, fallback: number): number {
  try {
    return url ? Number(new URL(url).port) || fallback : fallback
  } catch {
    return fallback
  }
}
