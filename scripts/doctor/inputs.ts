/**
 * The inputs each action will receive: the manifest's `inputs` (app.config.yaml, following its
 * `$include` into src/dx-excshell-1/ext.config.yaml), with `$VAR` replaced from the
 * variables as `aio app deploy` does it (shell environment first, then `.env`). An unset variable
 * stays the literal `$VAR`, which parseConfig reads as "not set", exactly as in a deployed action.
 */
import type { Params } from '../../actions/lib/config/config'
import { type ManifestPackage, readPackages } from '../lib/app-manifest'
import { type CheckResult, check } from './types'

export interface ActionInputs {
  action: string
  params: Params
}

/** The runtime packages of the app, every action with its declared inputs. */
export type Manifest = Record<string, ManifestPackage>

const GROUP = 'Configuration'

export function readManifest(root: string): Manifest {
  return readPackages(root)
}

export function resolveInputs(manifest: Manifest, vars: Record<string, string | undefined>): ActionInputs[] {
  const out: ActionInputs[] = []
  for (const pkg of Object.values(manifest)) {
    for (const [action, def] of Object.entries(pkg.actions ?? {})) {
      const params: Params = {}
      for (const [name, value] of Object.entries(def.inputs ?? {})) {
        const ref = typeof value === 'string' ? /^\$([A-Za-z_][A-Za-z0-9_]*)$/.exec(value.trim()) : null
        params[name] = ref?.[1] ? (vars[ref[1]] ?? value) : value
      }
      out.push({ action, params })
    }
  }
  return out
}

/** The actions share one configuration; a drifted `inputs` block would give one of them other settings. */
export function checkSameInputs(actions: ActionInputs[]): CheckResult {
  if (actions.length === 0)
    return check.fail(
      GROUP,
      'The manifest declares no actions',
      'Restore app.config.yaml and src/dx-excshell-1/ext.config.yaml from git.'
    )
  const first = actions[0]
  const keys = (p: Params): string => JSON.stringify(Object.keys(p).sort())
  const odd = actions.filter((a) => first === undefined || keys(a.params) !== keys(first.params)).map((a) => a.action)
  return odd.length === 0
    ? check.pass(GROUP, `${actions.length} actions get the same ${Object.keys(first?.params ?? {}).length} inputs`)
    : check.fail(
        GROUP,
        `Actions ${odd.join(', ')} declare other inputs than ${first?.action ?? '?'}`,
        'Give every action `inputs: *inputs` in src/dx-excshell-1/ext.config.yaml.'
      )
}
