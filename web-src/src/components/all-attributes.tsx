/**
 * Every field of the merged profile, collapsed by default: a searchable tree grouped by path. The
 * search matches paths and values and opens every branch that holds a match; the agent can still
 * close one. Nothing is built or rendered until the panel is opened.
 */
import { Content, Disclosure, DisclosurePanel, DisclosureTitle, InlineAlert, SearchField } from '@adobe/react-spectrum'
import { useCallback, useDeferredValue, useMemo, useState } from 'react'
import type { ProfileField } from '../../../actions/lib/view/view-types'
import { useI18n } from '../i18n/i18n-context'
import { buildAttributeTree, filterAttributeTree } from '../lib/attribute-tree'
import { AttributeTreeView } from './attribute-tree-view'

interface Props {
  fields: ProfileField[]
  /** The action cut the list to stay under its size limit. */
  trimmed: boolean
  /** Personal data is masked: the raw profile (e-mail, phone, address leaves) waits for "Reveal". */
  locked?: boolean
}

function toggled(set: ReadonlySet<string>, key: string): ReadonlySet<string> {
  const next = new Set(set)
  if (!next.delete(key)) next.add(key)
  return next
}

function AttributeSearch({ fields }: { fields: ProfileField[] }): JSX.Element {
  const i18n = useI18n()
  const { t } = i18n
  const [query, setQuery] = useState('')
  // Typing stays responsive on a large profile: the tree catches up a frame later.
  const needle = useDeferredValue(query).trim()
  const tree = useMemo(() => buildAttributeTree(fields), [fields])
  const shown = useMemo(() => filterAttributeTree(tree, needle), [tree, needle])
  // Browsing opens groups one by one; a search opens all matching ones, which the agent may close.
  const [opened, setOpened] = useState<ReadonlySet<string>>(new Set())
  const [closed, setClosed] = useState<{ needle: string; keys: ReadonlySet<string> }>({ needle: '', keys: new Set() })
  const closedNow = closed.needle === needle ? closed.keys : new Set<string>()
  const isOpen = (key: string): boolean => (needle ? !closedNow.has(key) : opened.has(key))
  const onToggle = useCallback(
    (key: string) => {
      if (needle) setClosed((c) => ({ needle, keys: toggled(c.needle === needle ? c.keys : new Set(), key) }))
      else setOpened((o) => toggled(o, key))
    },
    [needle]
  )
  const count = needle
    ? i18n.plural('allAttributes.matches', shown?.leafCount ?? 0)
    : i18n.plural('allAttributes.count', tree.leafCount)
  return (
    <>
      <SearchField
        label={t('allAttributes.search')}
        description={t('allAttributes.searchHint')}
        value={query}
        onChange={setQuery}
        width="100%"
        maxWidth="size-6000"
        data-testid="all-attributes-search"
      />
      <p role="status" className="cah-muted" data-testid="all-attributes-count">
        {count}
      </p>
      {shown ? (
        <AttributeTreeView root={shown} isOpen={isOpen} onToggle={onToggle} />
      ) : (
        <p>{t('allAttributes.noMatches', { query: needle })}</p>
      )}
    </>
  )
}

export function AllAttributes({ fields, trimmed, locked = false }: Props): JSX.Element {
  const { t } = useI18n()
  const [expanded, setExpanded] = useState(false)
  return (
    <section data-testid="all-attributes">
      <Disclosure isExpanded={expanded} onExpandedChange={setExpanded} isQuiet>
        <DisclosureTitle level={3}>{t('allAttributes.title')}</DisclosureTitle>
        <DisclosurePanel>
          {expanded && trimmed && (
            <InlineAlert variant="info" data-testid="all-attributes-trimmed" marginBottom="size-200">
              <Content>{t('allAttributes.trimmed')}</Content>
            </InlineAlert>
          )}
          {expanded && locked && <p data-testid="all-attributes-locked">{t('allAttributes.locked')}</p>}
          {expanded &&
            !locked &&
            (fields.length > 0 ? <AttributeSearch fields={fields} /> : <p>{t('allAttributes.empty')}</p>)}
        </DisclosurePanel>
      </Disclosure>
    </section>
  )
}
