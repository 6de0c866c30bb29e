/** Every identity AEP links to this customer, the primary one marked; values masked until revealed. */
import { Badge, Text } from '@adobe/react-spectrum'
import type { Identity } from '../../../actions/lib/view/view-types'
import { useI18n } from '../i18n/i18n-context'
import { maskIdentity } from '../lib/mask'

export function IdentitiesList({
  identities,
  labelOf,
  masked
}: {
  identities: Identity[]
  labelOf: (code: string) => string
  masked: boolean
}): JSX.Element {
  const { t } = useI18n()
  return (
    <section aria-labelledby="cah-identities-title" data-testid="identities" data-masked={masked ? 'true' : undefined}>
      <h3 id="cah-identities-title" className="cah-section-title">
        {t('identities.label')}
      </h3>
      <dl className="cah-facts">
        {identities.map((idn) => (
          <div key={`${idn.namespace}:${idn.id}`} style={{ display: 'contents' }}>
            <dt>{labelOf(idn.namespace)}</dt>
            <dd>
              <Text>{masked ? maskIdentity(idn.namespace, idn.id) : idn.id}</Text>
              {idn.primary && (
                <>
                  {' '}
                  <Badge variant="info">{t('identities.primary')}</Badge>
                </>
              )}
            </dd>
          </div>
        ))}
      </dl>
    </section>
  )
}
