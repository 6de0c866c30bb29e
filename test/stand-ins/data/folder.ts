/**
 * Data folders for the loader's tests, written to the OS temp dir (never into the repository) and
 * removed again: `const dir = dataFolder({ 'profiles.json': [...], 'events.json': '…ndjson…' })`.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const made: string[] = []

/** Each value is written as is when it is a string, else as JSON. */
export function dataFolder(files: Record<string, unknown>): string {
  const dir = mkdtempSync(join(tmpdir(), 'cah-data-'))
  made.push(dir)
  for (const [name, content] of Object.entries(files))
    writeFileSync(join(dir, name), typeof content === 'string' ? content : JSON.stringify(content, null, 2))
  return dir
}

export function ndjson(records: unknown[]): string {
  return `${records.map((r) => JSON.stringify(r)).join('\n')}\n`
}

export function removeDataFolders(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true })
}

/** Luma-shaped identity descriptors, as the tests' schema marks them. */
export const IDENTITIES = {
  profile: {
    '_techmarketingdemos.systemIdentifier.loyaltyId': 'lumaLoyaltyId',
    '_techmarketingdemos.systemIdentifier.crmId': 'lumaCrmId',
    'personalEmail.address': 'Email'
  },
  event: { '_techmarketingdemos.systemIdentifier.loyaltyId': 'lumaLoyaltyId' }
}
