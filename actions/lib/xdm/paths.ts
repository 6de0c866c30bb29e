/** Reading dot paths (`commerce.order.priceTotal`) from parsed XDM, which is untrusted JSON. */

/**
 * Reads a dot path through own properties only (a `__proto__` or `constructor` step never reaches
 * a prototype); undefined when any step is missing or is not an object.
 */
export function readPath(source: unknown, path: string): unknown {
  let at: unknown = source
  for (const step of path.split('.')) {
    if (typeof at !== 'object' || at === null || Array.isArray(at) || !Object.hasOwn(at, step)) return undefined
    at = (at as Record<string, unknown>)[step]
  }
  return at
}

/** Steps a written path may not take: they would reach an object's prototype. */
const PROTOTYPE_STEPS = new Set(['__proto__', 'constructor', 'prototype'])

/** Whether a dot path steers clear of `__proto__`, `constructor` and `prototype`. */
export function isSafePath(path: string): boolean {
  return !path.split('.').some((step) => PROTOTYPE_STEPS.has(step))
}

/**
 * Sets `value` at a dot path of `target`, creating the objects on the way (a step holding
 * something else is replaced by an object). A path that is not safe (isSafePath) writes nothing.
 */
export function writePath(target: Record<string, unknown>, path: string, value: unknown): void {
  if (!isSafePath(path)) return
  const steps = path.split('.')
  let node = target
  for (const step of steps.slice(0, -1)) {
    const next = node[step]
    if (typeof next === 'object' && next !== null && !Array.isArray(next)) node = next as Record<string, unknown>
    else {
      const created: Record<string, unknown> = {}
      node[step] = created
      node = created
    }
  }
  node[steps[steps.length - 1] as string] = value
}

/** A dot path of XDM field names: `_tenant.scores.churn` (at most 16 steps). */
export const DOT_PATH = /^[A-Za-z_@][A-Za-z0-9_@-]*(\.[A-Za-z_@][A-Za-z0-9_@-]*){0,15}$/
