/**
 * `npm run doctor [-- --sample email:someone@example.com …]`: checks the configuration the actions
 * will get (the manifest's inputs, app.config.yaml and the ext.config.yaml it includes, from `.env`,
 * the shell environment first, as aio does) and whether the AEP, IMS and State it points at — the
 * stand-ins locally — accept it. Prints a pass/fail list and exits 1 on any failure. Prints no
 * secret, token or customer identity. `aio app deploy` runs it first (pre-app-deploy hook).
 */

import { readManifest } from './doctor/inputs'
import { parseSample, type Sample } from './doctor/insight-checks'
import { formatReport } from './doctor/report'
import { runDoctor } from './doctor/run'
import { failed } from './doctor/types'
import { loadEnvFile, ROOT } from './lib/env-file'

const USAGE = `Usage: npm run doctor [-- --sample <namespace>:<id> …]
  --sample ns:id   a customer known to exist in AEP_SANDBOX, to check CUSTOMER_VIEW_MAPPING against
                   (repeatable; default with the local stand-ins: email:jane.doe@example.com)
`

export interface DoctorIo {
  out(text: string): void
  err(text: string): void
}

function parseArgs(argv: string[]): { samples?: Sample[]; help: boolean; error?: string } {
  const samples: Sample[] = []
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]
    if (a === '--help' || a === '-h') return { help: true }
    const value = a === '--sample' ? argv[++i] : a?.startsWith('--sample=') ? a.slice('--sample='.length) : undefined
    if (value === undefined) return { help: false, error: `unknown argument ${a ?? ''}` }
    const s = parseSample(value)
    if (!s) return { help: false, error: '--sample must be namespace:id, e.g. email:someone@example.com' }
    samples.push(s)
  }
  return { samples: samples.length ? samples : undefined, help: false }
}

/** Runs the doctor; resolves with the exit code. */
export async function main(
  argv: string[],
  vars: Record<string, string | undefined>,
  io: DoctorIo,
  manifest = readManifest(ROOT)
): Promise<number> {
  const args = parseArgs(argv)
  if (args.help) {
    io.out(USAGE)
    return 0
  }
  if (args.error) {
    io.err(`doctor: ${args.error}\n${USAGE}`)
    return 2
  }
  io.out('Customer Activity Hub: configuration check (manifest action inputs from .env)\n')
  const report = await runDoctor({ manifest, vars, samples: args.samples })
  io.out(formatReport(report.results, report.secrets))
  return failed(report.results) ? 1 : 0
}

if (require.main === module) {
  const vars = { ...loadEnvFile(false), ...process.env }
  main(process.argv.slice(2), vars, { out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(t) })
    .then((code) => process.exit(code))
    .catch((e: unknown) => {
      process.stderr.write(`doctor: ${e instanceof Error ? e.message : String(e)}\n`)
      process.exit(1)
    })
}
