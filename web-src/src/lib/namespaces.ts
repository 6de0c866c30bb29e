/**
 * The identity types offered in the search bar: Email, Phone, CRM ID and ECID first (named in the
 * agent's language), then the org's other namespaces from AEP in alphabetical order.
 */
import type { NamespaceInfo } from '../api/types'
import type { I18n } from '../i18n/i18n-context'
import { NAMESPACE_PATTERN } from './identity-input'

export const PRIMARY_NAMESPACES = ['email', 'phone', 'crmid', 'ecid'] as const
type PrimaryNamespace = (typeof PRIMARY_NAMESPACES)[number]

export interface NamespaceOption {
  /** Lower-case namespace code sent to the actions. */
  code: string
  label: string
}

function isPrimary(code: string): code is PrimaryNamespace {
  return (PRIMARY_NAMESPACES as readonly string[]).includes(code)
}

export function namespaceLabel(code: string, i18n: I18n, fromAep?: string): string {
  return isPrimary(code) ? i18n.t(`namespace.${code}`) : (fromAep ?? code)
}

export function namespaceOptions(fromAep: readonly NamespaceInfo[] | null, i18n: I18n): NamespaceOption[] {
  const primary = PRIMARY_NAMESPACES.map((code) => ({ code, label: namespaceLabel(code, i18n) }))
  const seen = new Set<string>(PRIMARY_NAMESPACES)
  const others: NamespaceOption[] = []
  for (const ns of fromAep ?? []) {
    const code = ns.code.trim().toLowerCase()
    if (seen.has(code) || !NAMESPACE_PATTERN.test(code)) continue
    seen.add(code)
    others.push({ code, label: ns.name.trim() || ns.code })
  }
  others.sort((a, b) => a.label.localeCompare(b.label, i18n.intlLocale))
  return [...primary, ...others]
}
