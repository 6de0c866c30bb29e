/**
 * `npm run --silent token [-- --org <ORG>@AdobeOrg] [--user <id>]`: prints a fresh demo agent
 * token (and nothing else) from the IMS stand-in that `npm start` runs.
 */

import { mintDemoToken } from './lib/demo-token'
import { loadEnvFile } from './lib/env-file'

function flag(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`)
  return i >= 0 ? process.argv[i + 1] : undefined
}

async function main(): Promise<void> {
  const env = { ...loadEnvFile(false), ...process.env }
  const ims = env.IMS_BASE_URL ?? 'http://127.0.0.1:9102'
  const org = flag('org') ?? env.IMS_OAUTH_S2S_ORG_ID ?? 'DEMO0000000000000000000A@AdobeOrg'
  if (!/^[A-Za-z0-9]{8,40}@AdobeOrg$/.test(org)) throw new Error(`--org must look like XXXXXXXX@AdobeOrg, got "${org}"`)
  process.stdout.write(`${await mintDemoToken(ims, org, flag('user'))}\n`)
}

main().catch((e: unknown) => {
  process.stderr.write(
    `token: ${e instanceof Error ? e.message : String(e)} — is \`npm start\` (the IMS stand-in) running?\n`
  )
  process.exit(1)
})
