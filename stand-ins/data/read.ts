/**
 * Reads a data file the way AEP dataset exports and Adobe's tutorial samples come: a JSON array
 * (luma-loyalty.json), or NDJSON, one object per line (callcenter.json). A file holding a single
 * JSON object is one record.
 */
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { isObj, type Obj } from '../lib/json'
import type { Problems, Where } from './errors'

export { isObj, type Obj }

export interface SourceRecord {
  value: Obj
  where: Where
}

/** The text of `dir/file`, or undefined when the file does not exist. */
export function readText(dir: string, file: string, problems: Problems): string | undefined {
  const path = join(dir, file)
  if (!existsSync(path)) return undefined
  try {
    return readFileSync(path, 'utf8').replace(/^\uFEFF/, '')
  } catch (e) {
    problems.add(file, undefined, undefined, `cannot be read (${e instanceof Error ? e.message : String(e)})`)
    return undefined
  }
}

/** Records of a JSON-array or NDJSON file; each non-object record is reported, not returned. */
export function parseRecords(file: string, text: string, problems: Problems): SourceRecord[] {
  if (text.trimStart().startsWith('[')) return arrayRecords(file, text, problems)
  const lines = text.split(/\r?\n/)
  const out: SourceRecord[] = []
  const bad: Array<{ line: number; message: string }> = []
  lines.forEach((line, k) => {
    if (line.trim() === '') return
    const parsed = parseJson(line)
    if ('error' in parsed) bad.push({ line: k + 1, message: `is not valid JSON (${parsed.error})` })
    else if (!isObj(parsed.ok)) bad.push({ line: k + 1, message: 'must be a JSON object (an XDM record)' })
    else out.push({ value: parsed.ok, where: { line: k + 1 } })
  })
  if (bad.length > 0) {
    // A pretty-printed single object fails line by line but parses whole.
    const whole = parseJson(text)
    if ('ok' in whole && isObj(whole.ok)) return [{ value: whole.ok, where: { record: 0 } }]
    for (const b of bad) problems.add(file, { line: b.line }, undefined, b.message)
  }
  return out
}

function arrayRecords(file: string, text: string, problems: Problems): SourceRecord[] {
  const parsed = parseJson(text)
  if ('error' in parsed) {
    problems.add(file, undefined, undefined, `is not valid JSON (${parsed.error})`)
    return []
  }
  if (!Array.isArray(parsed.ok)) return []
  const out: SourceRecord[] = []
  parsed.ok.forEach((value: unknown, record) => {
    if (isObj(value)) out.push({ value, where: { record } })
    else problems.add(file, { record }, undefined, 'must be a JSON object (an XDM record)')
  })
  return out
}

/** A whole file that must be one JSON object (identities.json, mapping.json). */
export function parseObjectFile(file: string, text: string, problems: Problems): Obj | undefined {
  const parsed = parseJson(text)
  if ('error' in parsed) {
    problems.add(file, undefined, undefined, `is not valid JSON (${parsed.error})`)
    return undefined
  }
  if (isObj(parsed.ok)) return parsed.ok
  problems.add(file, undefined, undefined, 'must be a JSON object')
  return undefined
}

function parseJson(text: string): { ok: unknown } | { error: string } {
  try {
    return { ok: JSON.parse(text) as unknown }
  } catch (e) {
    return { error: e instanceof Error ? e.message : String(e) }
  }
}
