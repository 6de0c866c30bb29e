/**
 * The inputs each action will receive: app.config.yaml's `inputs`, with `$VAR` replaced from the
 * variables as `aio app deploy` does it (shell environment first, then `.env`). An unset variable
 * stays the literal `$VAR`, which parseConfig reads as "not set", exactly as in a deployed action.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'yaml'
import type { Params } from '../../actions/lib/config/config'
import { type CheckResult, check } from './types'

export interface ActionInputs {
  action: string
  params: Params
}

type Manifest = {
  application?: {
    runtimeManifest?: { packages?: Record<string, { actions?: Record<string, { inputs?: Record<string, unknown> }> }> }
  }
}

const GROUP = 'Configuration'

export function readManifest(root: string): string {
  return readFileSync(join(root, 'app.config.yaml'), 'utf8')
}

export function resolveInputs(manifestYaml: string, vars: Record<string, string | undefined>): ActionInputs[] {
  const manifest = parse(manifestYaml) as Manifest
  const out: ActionInputs[] = []
  for (const pkg of Object.values(manifest.application?.runtimeManifest?.packages ?? {})) {
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
    return check.fail(GROUP, 'app.config.yaml declares no actions', 'Restore app.config.yaml from git.')
  const first = actions[0]
  const keys = (p: Params): string => JSON.stringify(Object.keys(p).sort())
  const odd = actions.filter((a) => first === undefined || keys(a.params) !== keys(first.params)).map((a) => a.action)
  return odd.length === 0
    ? check.pass(GROUP, `${actions.length} actions get the same ${Object.keys(first?.params ?? {}).length} inputs`)
    : check.fail(
        GROUP,
        `Actions ${odd.join(', ')} declare other inputs than ${first?.action ?? '?'}`,
        'Give every action `inputs: *inputs` in app.config.yaml.'
      )
}
