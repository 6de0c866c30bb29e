/**
 * Who the caller is: name (the result heading), primary contact and how they may be contacted,
 * loyalty tier, customer since, then the admin's mapped attributes.
 */
import type { Customer } from '../../../actions/lib/view/view-types'
import { useI18n } from '../i18n/i18n-context'
import { ConsentBadges } from './consent-badges'
import { FocusHeading } from './focus-heading'
import { MappedAttributeRows } from './mapped-attributes'

function displayName(c: Customer): string | null {
  const full = c.name.full?.trim()
  if (full) return full
  const parts = [c.name.first, c.name.last].filter((p): p is string => Boolean(p?.trim()))
  return parts.length ? parts.join(' ') : null
}

export function CustomerHeader({ customer, autoFocus }: { customer: Customer; autoFocus: boolean }): JSX.Element {
  const i18n = useI18n()
  const { t } = i18n
  const { contact, attributes } = customer
  const contacts = [contact.email, contact.phone].filter((v): v is string => Boolean(v))
  const tier = attributes.loyaltyTier
  return (
    <header>
      <FocusHeading id="cah-customer-name" autoFocus={autoFocus} testId="result-heading">
        {displayName(customer) ?? t('customer.unnamed')}
      </FocusHeading>
      <dl className="cah-facts" aria-label={t('customer.details')} style={{ marginTop: 12 }}>
        <dt>{t('customer.contact')}</dt>
        <dd data-testid="customer-contact">
          {contacts.length ? contacts.map((c) => <div key={c}>{c}</div>) : t('customer.contact.none')}
        </dd>
        <dt>{t('consent.label')}</dt>
        <dd>
          <ConsentBadges consents={customer.consents} />
        </dd>
        <dt>{t('customer.loyalty')}</dt>
        <dd data-testid="customer-loyalty">
          {tier ?? t('customer.loyalty.none')}
          {tier && attributes.loyaltyPoints !== null && (
            <span className="cah-muted">
              {t('common.separator')}
              {t('customer.loyalty.points', { points: i18n.number(attributes.loyaltyPoints) })}
            </span>
          )}
        </dd>
        <dt>{t('customer.since')}</dt>
        <dd data-testid="customer-since">
          {attributes.customerSince ? i18n.date(attributes.customerSince) : t('customer.unknown')}
        </dd>
        <MappedAttributeRows attributes={customer.mappedAttributes} />
      </dl>
    </header>
  )
}
