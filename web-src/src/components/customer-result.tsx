/**
 * The result area below the search bar: a prompt before any search, a skeleton while looking up,
 * then the customer, "no customer found", or the error, each with a focusable heading.
 */
import { Content, Heading, IllustratedMessage } from '@adobe/react-spectrum'
import type { ActionClient } from '../api/action-client'
import type { InteractionSettings, MergePolicyInfo } from '../api/types'
import type { CustomerLookup } from '../hooks/use-customer'
import { useI18n } from '../i18n/i18n-context'
import type { ScreenPop } from '../lib/screen-pop'
import { CustomerProfile } from './customer-profile'
import { CustomerSkeleton } from './customer-skeleton'
import { ErrorMessage } from './error-message'
import { NotFound } from './not-found'

interface Props {
  customer: CustomerLookup
  /** An invalid screen-pop link, shown instead of the idle prompt. */
  invalidPop: Extract<ScreenPop, { kind: 'invalid' }> | null
  sandbox: string | null
  mergePolicies: MergePolicyInfo[]
  labelOf(code: string): string
  maskPersonalData: boolean
  client: Pick<ActionClient, 'reveal' | 'recordInteraction'>
  interactions: InteractionSettings
}

export function CustomerResult({
  customer,
  invalidPop,
  sandbox,
  mergePolicies,
  labelOf,
  maskPersonalData,
  client,
  interactions
}: Props): JSX.Element {
  const { t } = useI18n()
  const { state } = customer
  switch (state.kind) {
    case 'idle':
      if (invalidPop) {
        return (
          <div role="alert" data-testid="screen-pop-invalid">
            <h2 className="cah-heading">{t('screenPop.invalid.title')}</h2>
            <p>{t(`screenPop.invalid.${invalidPop.problem}`)}</p>
            <p>{t('screenPop.invalid.action')}</p>
          </div>
        )
      }
      return (
        <div data-testid="idle">
          <IllustratedMessage>
            <Heading>{t('idle.title')}</Heading>
            <Content>{t('idle.body')}</Content>
          </IllustratedMessage>
        </div>
      )
    case 'loading':
      return <CustomerSkeleton />
    case 'not-found':
      return (
        <NotFound
          key={state.seq}
          namespaceLabel={labelOf(state.lookup.namespace)}
          value={state.lookup.id}
          sandbox={sandbox}
          autoFocus
        />
      )
    case 'error':
      return (
        <ErrorMessage
          key={state.seq}
          error={state.error}
          namespaceLabel={labelOf(state.lookup.namespace)}
          onRetry={customer.retry}
          autoFocus
        />
      )
    case 'loaded':
      return (
        <CustomerProfile
          key={`${state.lookup.namespace}:${state.lookup.id}`}
          state={state}
          autoFocus
          mergePolicies={mergePolicies}
          labelOf={labelOf}
          onRefresh={customer.refresh}
          onLoadMore={customer.loadMore}
          onLoadHistory={customer.loadHistory}
          maskPersonalData={maskPersonalData}
          client={client}
          interactions={interactions}
        />
      )
  }
}
