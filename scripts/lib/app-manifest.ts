/**
 * The runtime manifest of app.config.yaml as aio reads it: `application` and every `extensions.<id>`,
 * each either inline or through `$include` (resolved relative to the including file), with action
 * `function` paths rewritten to be relative to the app root, as aio-cli-lib-app-config does.
 */
import { readFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { parse } from 'yaml'

export interface ManifestAction {
  /** Relative to the app root. */
  function: string
  web?: string | boolean
  runtime?: string
  limits?: Record<string, unknown>
  inputs?: Record<string, unknown>
  annotations?: Record<string, unknown>
}

export interface ManifestPackage {
  license?: string
  actions: Record<string, ManifestAction>
}

export interface AppUnit {
  /** `application`, or the extension point id such as `dx/excshell/1`. */
  name: string
  /** The file that declares the unit's runtimeManifest, relative to the app root. */
  file: string
  config: Record<string, unknown>
  packages: Record<string, ManifestPackage>
}

type Obj = Record<string, unknown>
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v)

function follow(root: string, file: string, value: unknown): { file: string; config: Obj } {
  if (!isObj(value)) return { file, config: {} }
  const include = value.$include
  if (typeof include !== 'string') return { file, config: value }
  const included = relative(root, resolve(root, dirname(file), include))
  return follow(root, included, parse(readFileSync(join(root, included), 'utf8')))
}

function packagesOf(root: string, file: string, config: Obj): Record<string, ManifestPackage> {
  const manifest = config.runtimeManifest
  const packages = isObj(manifest) && isObj(manifest.packages) ? manifest.packages : {}
  const out: Record<string, ManifestPackage> = {}
  for (const [name, pkg] of Object.entries(packages)) {
    const actions: Record<string, ManifestAction> = {}
    const declared = isObj(pkg) && isObj(pkg.actions) ? pkg.actions : {}
    for (const [action, def] of Object.entries(declared)) {
      if (!isObj(def)) continue
      const fn = typeof def.function === 'string' ? def.function : ''
      actions[action] = { ...def, function: fn && relative(root, resolve(root, dirname(file), fn)) }
    }
    out[name] = { ...(isObj(pkg) ? pkg : {}), actions }
  }
  return out
}

/** Every unit (application and extensions) of the app at `root`, includes followed. */
export function readAppUnits(root: string): AppUnit[] {
  const top = parse(readFileSync(join(root, 'app.config.yaml'), 'utf8')) as unknown
  const units: Array<[string, unknown]> = []
  if (isObj(top) && top.application !== undefined) units.push(['application', top.application])
  if (isObj(top) && isObj(top.extensions)) units.push(...Object.entries(top.extensions))
  return units.map(([name, value]) => {
    const { file, config } = follow(root, 'app.config.yaml', value)
    return { name, file, config, packages: packagesOf(root, file, config) }
  })
}

/** Every package of every unit, merged (names are unique across an app). */
export function readPackages(root: string): Record<string, ManifestPackage> {
  return Object.assign({}, ...readAppUnits(root).map((u) => u.packages)) as Record<string, ManifestPackage>
}
