/**
 * The admin's own attribute cards (CUSTOMER_VIEW_MAPPING.attributes), in the mapping's order, as
 * rows of the customer details list. Each value is formatted for the agent's language by its format.
 */
import type { MappedAttribute, Money } from '../../../actions/lib/view/view-types'
import { type I18n, useI18n } from '../i18n/i18n-context'

const asText = (v: unknown): string => (typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v))

function isMoney(v: unknown): v is Money {
  return (
    typeof v === 'object' &&
    v !== null &&
    'value' in v &&
    typeof v.value === 'number' &&
    'currency' in v &&
    typeof v.currency === 'string'
  )
}

/** The value as the agent reads it; a value that does not fit its format is shown as text. */
export function attributeValueText(a: MappedAttribute, i18n: I18n): string {
  // Read as unknown: the view may come from a cache written by an older or newer action.
  const raw: unknown = a.value
  switch (a.format) {
    case 'number':
      return typeof raw === 'number' ? i18n.number(raw) : asText(raw)
    case 'money':
      return isMoney(raw) ? i18n.money(raw) : asText(raw)
    case 'date':
      return typeof raw === 'string' ? i18n.date(raw) : asText(raw)
    case 'boolean':
      return typeof raw === 'boolean' ? i18n.t(raw ? 'common.yes' : 'common.no') : asText(raw)
    case 'enum':
      return a.valueLabel ? i18n.localized(a.valueLabel) : asText(raw)
    default:
      return asText(raw)
  }
}

export function MappedAttributeRows({ attributes }: { attributes: MappedAttribute[] }): JSX.Element {
  const i18n = useI18n()
  return (
    <>
      {attributes.map((a) => (
        <div key={a.id} style={{ display: 'contents' }}>
          <dt>{i18n.localized(a.label)}</dt>
          <dd data-testid="mapped-attribute" data-attribute-id={a.id} data-format={a.format}>
            {attributeValueText(a, i18n)}
          </dd>
        </div>
      ))}
    </>
  )
}
