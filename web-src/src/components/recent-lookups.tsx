/**
 * The last lookups of this tab, masked, one click away. A click searches again while the page
 * still holds the real value in memory; after a reload it selects the identity type and asks the
 * agent to type the value again.
 */
import { ActionButton, Flex, Text } from '@adobe/react-spectrum'
import Delete from '@spectrum-icons/workflow/Delete'
import History from '@spectrum-icons/workflow/History'
import { useI18n } from '../i18n/i18n-context'
import type { NamespaceOption } from '../lib/namespaces'
import type { RecentLookup } from '../lib/recents-store'

interface Props {
  items: RecentLookup[]
  options: NamespaceOption[]
  onPick(item: RecentLookup): void
  onClear(): void
}

export function RecentLookups({ items, options, onPick, onClear }: Props): JSX.Element | null {
  const i18n = useI18n()
  const { t } = i18n
  if (items.length === 0) return null
  const label = (code: string): string => options.find((o) => o.code === code)?.label ?? code
  return (
    <nav aria-labelledby="cah-recents-title" data-testid="recent-lookups">
      <Flex alignItems="center" gap="size-100" wrap>
        <h2 id="cah-recents-title" className="cah-section-title" style={{ margin: 0 }}>
          {t('recents.label')}
        </h2>
        <Text UNSAFE_className="cah-muted">{t('recents.note')}</Text>
        <ActionButton isQuiet onPress={onClear} aria-label={t('recents.clear')} data-testid="recent-lookups-clear">
          <Delete />
        </ActionButton>
      </Flex>
      <ul className="cah-chip-list">
        {items.map((r) => {
          const when = i18n.ago(Math.max(0, Math.round((Date.now() - r.at) / 1000)))
          return (
            <li key={r.ref}>
              <ActionButton
                onPress={() => onPick(r)}
                data-testid="recent-lookup"
                data-searchable={r.searchable ? 'true' : 'false'}
              >
                <History />
                <Text>
                  {t('recents.chip', { namespace: label(r.namespace), masked: r.masked })}
                  <span className="cah-visually-hidden">{t('recents.when', { when })}</span>
                </Text>
              </ActionButton>
            </li>
          )
        })}
      </ul>
    </nav>
  )
}
