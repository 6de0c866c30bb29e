/**
 * Who the caller is: name (the result heading), primary contact and address (masked until the agent
 * reveals them), how they may be contacted, loyalty tier, customer since, then the admin's mapped attributes.
 */
import type { ReactNode } from 'react'
import type { Address, Customer } from '../../../actions/lib/view/view-types'
import { useI18n } from '../i18n/i18n-context'
import { maskIdentity } from '../lib/mask'
import { ConsentBadges } from './consent-badges'
import { FocusHeading } from './focus-heading'
import { MappedAttributeRows } from './mapped-attributes'

function displayName(c: Customer): string | null {
  const full = c.name.full?.trim()
  if (full) return full
  const parts = [c.name.first, c.name.last].filter((p): p is string => Boolean(p?.trim()))
  return parts.length ? parts.join(' ') : null
}

function addressText(a: Address | null): string | null {
  if (!a) return null
  const cityLine = [a.city, [a.region, a.postalCode].filter(Boolean).join(' ')].filter(Boolean).join(', ')
  const parts = [a.street, cityLine, a.country].filter((p): p is string => Boolean(p?.trim()))
  return parts.length ? parts.join(', ') : null
}

interface Props {
  customer: Customer
  autoFocus: boolean
  /** Show contact details and address masked (lib/mask.ts) until the agent reveals them. */
  masked: boolean
  /** Shown between the name and the details (the likely reasons for the call). */
  lead?: ReactNode
  /** Shown under the details (the reveal button). */
  children?: ReactNode
}

export function CustomerHeader({ customer, autoFocus, masked, lead, children }: Props): JSX.Element {
  const i18n = useI18n()
  const { t } = i18n
  const { contact, attributes } = customer
  const shown = (namespace: string, v: string): string => (masked ? maskIdentity(namespace, v) : v)
  const contacts = [
    contact.email && shown('email', contact.email),
    contact.phone && shown('phone', contact.phone)
  ].filter((v): v is string => Boolean(v))
  const address = addressText(contact.address)
  const maskedAttr = masked ? 'true' : undefined
  const tier = attributes.loyaltyTier
  return (
    <header>
      <FocusHeading id="cah-customer-name" autoFocus={autoFocus} testId="result-heading">
        {displayName(customer) ?? t('customer.unnamed')}
      </FocusHeading>
      {lead}
      <dl className="cah-facts" aria-label={t('customer.details')} style={{ marginTop: 12 }}>
        <dt>{t('customer.contact')}</dt>
        <dd data-testid="customer-contact" data-masked={contacts.length ? maskedAttr : undefined}>
          {contacts.length ? contacts.map((c) => <div key={c}>{c}</div>) : t('customer.contact.none')}
        </dd>
        <dt>{t('customer.address')}</dt>
        <dd data-testid="customer-address" data-masked={address ? maskedAttr : undefined}>
          {address ? shown('address', address) : t('customer.address.none')}
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
      {children}
    </header>
  )
}
