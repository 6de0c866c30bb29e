/**
 * The identity search: an identity-type picker and a value field. Enter in the field (or the
 * Search button) looks the customer up; Escape clears the field.
 */

import type { TextFieldRef } from '@adobe/react-spectrum'
import { Button, Flex, Item, Picker, SearchField } from '@adobe/react-spectrum'
import type { RefObject } from 'react'
import type { Lookup } from '../api/types'
import type { MessageKey } from '../i18n/catalogues'
import { useI18n } from '../i18n/i18n-context'
import { identityProblem, MAX_ID_LENGTH } from '../lib/identity-input'
import type { NamespaceOption } from '../lib/namespaces'

interface Props {
  options: NamespaceOption[]
  namespace: string
  value: string
  /** A problem found when the agent last tried to search (cleared as they type). */
  problem: ReturnType<typeof identityProblem>
  onNamespaceChange(namespace: string): void
  onValueChange(value: string): void
  onSearch(lookup: Lookup): void
  onInvalid(problem: NonNullable<ReturnType<typeof identityProblem>>): void
  inputRef?: RefObject<TextFieldRef>
}

function hintKey(namespace: string): MessageKey {
  if (namespace === 'email' || namespace === 'phone' || namespace === 'ecid') return `search.value.hint.${namespace}`
  return 'search.value.hint.other'
}

export function SearchBar(props: Props): JSX.Element {
  const { t } = useI18n()
  const { options, namespace, value, problem } = props
  const items = options.some((o) => o.code === namespace)
    ? options
    : [...options, { code: namespace, label: namespace }]

  const submit = (): void => {
    const found = identityProblem(namespace, value)
    if (found) {
      props.onInvalid(found)
      return
    }
    props.onSearch({ namespace, id: value.trim() })
  }

  const errorMessage =
    problem === 'namespace' ? undefined : problem ? t(`search.error.${problem}`, { max: MAX_ID_LENGTH }) : undefined

  return (
    // biome-ignore lint/a11y/useSemanticElements: <search> has no implicit role in older browsers or testing-library's aria-query; the explicit role keeps the landmark
    <div role="search" aria-label={t('search.region')}>
      <Flex gap="size-150" wrap alignItems="start">
        <Picker
          label={t('search.namespace.label')}
          items={items}
          selectedKey={namespace}
          onSelectionChange={(key) => {
            if (key !== null) props.onNamespaceChange(String(key))
          }}
          validationState={problem === 'namespace' ? 'invalid' : undefined}
          errorMessage={problem === 'namespace' ? t('search.error.namespace') : undefined}
          data-testid="search-namespace"
          width="size-2400"
        >
          {(o) => <Item key={o.code}>{o.label}</Item>}
        </Picker>
        <SearchField
          ref={props.inputRef}
          label={t('search.value.label')}
          description={errorMessage ? undefined : t(hintKey(namespace))}
          value={value}
          onChange={props.onValueChange}
          onSubmit={submit}
          validationState={problem && problem !== 'namespace' ? 'invalid' : undefined}
          errorMessage={errorMessage}
          autoComplete="off"
          spellCheck="false"
          maxLength={MAX_ID_LENGTH + 1}
          data-testid="search-value"
          flexGrow={1}
          minWidth="size-3600"
        />
        <Button variant="accent" onPress={submit} data-testid="search-submit" marginTop="size-300">
          {t('search.submit')}
        </Button>
      </Flex>
    </div>
  )
}
