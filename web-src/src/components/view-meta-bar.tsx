/**
 * Where the data comes from and how old it is: sandbox, merge policy, cache age, and a refresh
 * button that reads AEP again, skipping the cache.
 */
import { ActionButton, Flex, ProgressCircle, Text } from '@adobe/react-spectrum'
import Clock from '@spectrum-icons/workflow/Clock'
import Data from '@spectrum-icons/workflow/Data'
import Refresh from '@spectrum-icons/workflow/Refresh'
import type { ViewMeta } from '../../../actions/lib/view/view-types'
import type { MergePolicyInfo } from '../api/types'
import { useI18n } from '../i18n/i18n-context'

interface Props {
  meta: ViewMeta
  mergePolicies: MergePolicyInfo[]
  refreshing: boolean
  onRefresh(): void
}

function dataAgeSeconds(meta: ViewMeta): number {
  if (meta.cache) return meta.cache.ageSeconds
  const fetched = Date.parse(meta.fetchedAt)
  return Number.isFinite(fetched) ? Math.max(0, Math.round((Date.now() - fetched) / 1000)) : 0
}

export function ViewMetaBar({ meta, mergePolicies, refreshing, onRefresh }: Props): JSX.Element {
  const i18n = useI18n()
  const { t } = i18n
  const policy = meta.mergePolicyId
    ? (mergePolicies.find((p) => p.id === meta.mergePolicyId)?.name ?? meta.mergePolicyId)
    : t('meta.mergePolicy.default')
  const age = i18n.ago(dataAgeSeconds(meta))
  const cached = meta.cache?.status === 'HIT' || meta.cache?.status === 'STALE'
  return (
    <Flex alignItems="center" gap="size-200" wrap data-testid="view-meta">
      <Flex alignItems="center" gap="size-75">
        <Data size="S" aria-hidden="true" />
        <Text data-testid="sandbox-indicator">{t('meta.sandbox', { sandbox: meta.sandbox })}</Text>
        <Text UNSAFE_className="cah-muted">{t('common.separator')}</Text>
        <Text data-testid="merge-policy-indicator">{t('meta.mergePolicy', { policy })}</Text>
      </Flex>
      <Flex alignItems="center" gap="size-75">
        <Clock size="S" aria-hidden="true" />
        <Text data-testid="cache-age" data-cache-status={meta.cache?.status ?? 'NONE'}>
          {cached ? t('cache.cached', { age }) : t('cache.fresh', { age })}
        </Text>
      </Flex>
      {/* Stays enabled while refreshing: disabling it would drop keyboard focus to the page. */}
      <ActionButton
        onPress={() => {
          if (!refreshing) onRefresh()
        }}
        data-testid="refresh"
        aria-describedby="cah-refresh-description"
      >
        <Refresh />
        <Text>{t('refresh.label')}</Text>
      </ActionButton>
      <span role="status">
        {refreshing && <ProgressCircle size="S" isIndeterminate aria-label={t('refresh.pending')} />}
      </span>
      <span id="cah-refresh-description" className="cah-visually-hidden">
        {t('refresh.description')}
      </span>
    </Flex>
  )
}
