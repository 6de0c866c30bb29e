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

/** A dot path of XDM field names: `_tenant.scores.churn` (at most 16 steps). */
export const DOT_PATH = /^[A-Za-z_@][A-Za-z0-9_@-]*(\.[A-Za-z_@][A-Za-z0-9_@-]*){0,15}$/
