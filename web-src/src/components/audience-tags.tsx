/** Audience memberships as tags: the audience, whether the customer is in it or exited, and since when. */
import { Item, TagGroup, Text } from '@adobe/react-spectrum'
import CheckmarkCircle from '@spectrum-icons/workflow/CheckmarkCircle'
import RemoveCircle from '@spectrum-icons/workflow/RemoveCircle'
import type { Audience } from '../../../actions/lib/view/view-types'
import { useI18n } from '../i18n/i18n-context'

export function AudienceTags({ audiences }: { audiences: Audience[] }): JSX.Element {
  const i18n = useI18n()
  const { t } = i18n
  const text = (a: Audience): string => {
    const name = a.name ?? t('audiences.unnamed', { id: a.id })
    const status = t(`audiences.status.${a.status}`)
    const sep = t('common.separator')
    return a.since
      ? [name, status, t('audiences.since', { date: i18n.date(a.since) })].join(sep)
      : [name, status].join(sep)
  }
  return (
    <section aria-labelledby="cah-audiences-title" data-testid="audiences">
      <h3 id="cah-audiences-title" className="cah-section-title">
        {t('audiences.label')}
      </h3>
      <TagGroup
        aria-labelledby="cah-audiences-title"
        items={audiences}
        renderEmptyState={() => <Text>{t('audiences.empty')}</Text>}
      >
        {(a) => (
          <Item key={a.id} textValue={text(a)}>
            {a.status === 'realized' ? <CheckmarkCircle /> : <RemoveCircle />}
            <Text>{text(a)}</Text>
          </Item>
        )}
      </TagGroup>
    </section>
  )
}
