/**
 * The agent console once signed in: search bar, recent lookups and the result. It also starts the
 * screen-pop lookup from the link and tells the shell when the first view is ready.
 */

import type { TextFieldRef } from '@adobe/react-spectrum'
import { Flex, Text } from '@adobe/react-spectrum'
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import type { FetchLike } from '../api/action-client'
import type { ActionUrls } from '../api/action-urls'
import { interactionSettings } from '../api/interaction-settings'
import type { Lookup } from '../api/types'
import { useActionClient } from '../hooks/use-action-client'
import { useCustomer } from '../hooks/use-customer'
import { masksPersonalData, useMetadata } from '../hooks/use-metadata'
import { useRecents } from '../hooks/use-recents'
import { useScreenPop } from '../hooks/use-screen-pop'
import { useI18n } from '../i18n/i18n-context'
import type { IdentityProblem } from '../lib/identity-input'
import { namespaceLabel, namespaceOptions } from '../lib/namespaces'
import type { RecentLookup } from '../lib/recents-store'
import { useShell } from '../shell/shell-state'
import { CustomerResult } from './customer-result'
import { RecentLookups } from './recent-lookups'
import { SearchBar } from './search-bar'

interface Props {
  fetch: FetchLike
  urls?: ActionUrls
}

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName)
}

export function ConsolePage({ fetch, urls }: Props): JSX.Element {
  const shell = useShell()
  const i18n = useI18n()
  const client = useActionClient(fetch, urls)
  const metadata = useMetadata(client, shell.sandbox)
  const customer = useCustomer(client, shell.sandbox)
  const recents = useRecents()
  const route = useScreenPop()
  const inputRef = useRef<TextFieldRef>(null)
  const [namespace, setNamespace] = useState('email')
  const [value, setValue] = useState('')
  const [problem, setProblem] = useState<IdentityProblem | null>(null)
  const [retypeHint, setRetypeHint] = useState<string | null>(null)

  const interactions = useMemo(() => interactionSettings(metadata.data), [metadata.data])
  const aepNamespaces = metadata.status === 'ready' ? metadata.data.namespaces : null
  const options = useMemo(() => namespaceOptions(aepNamespaces, i18n), [aepNamespaces, i18n])
  const labelOf = useCallback(
    (code: string) => {
      const fromAep = aepNamespaces?.find((n) => n.code.toLowerCase() === code)?.name
      return namespaceLabel(code, i18n, fromAep)
    },
    [aepNamespaces, i18n]
  )

  const runSearch = (lookup: Lookup): void => {
    setProblem(null)
    setRetypeHint(null)
    recents.add(lookup)
    customer.search(lookup)
  }

  // Screen-pop: each new customer link in the hash opens that customer.
  const { search } = customer
  // biome-ignore lint/correctness/useExhaustiveDependencies: keyed on the link (and the search it runs), not on runSearch, a new function every render
  useEffect(() => {
    if (route.pop.kind !== 'lookup') return
    const lookup = route.pop.lookup
    setNamespace(lookup.namespace)
    setValue(lookup.id)
    runSearch(lookup)
    // Keyed on the link alone (runSearch is a new function every render): one lookup per link.
  }, [route.hash, search])

  const searchFromBar = (lookup: Lookup): void => {
    const pop = route.pop
    if (
      pop.kind !== 'none' &&
      !(pop.kind === 'lookup' && pop.lookup.namespace === lookup.namespace && pop.lookup.id === lookup.id)
    )
      route.clear()
    runSearch(lookup)
  }

  const pickRecent = (item: RecentLookup): void => {
    const lookup = recents.lookupFor(item.ref)
    setNamespace(item.namespace)
    if (lookup) {
      setValue(lookup.id)
      searchFromBar(lookup)
      return
    }
    setValue('')
    setRetypeHint(i18n.t('recents.retype', { namespace: labelOf(item.namespace) }))
    inputRef.current?.focus()
  }

  // "/" jumps to the search field from anywhere but a text input.
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (e.key !== '/' || e.ctrlKey || e.metaKey || e.altKey || isTyping(e.target)) return
      e.preventDefault()
      inputRef.current?.focus()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [])

  // Tell the Experience Cloud shell we are ready once the first view has settled.
  const settled = metadata.status !== 'loading' && customer.state.kind !== 'loading'
  useEffect(() => {
    if (settled) shell.done()
  }, [settled, shell])

  return (
    <Flex direction="column" gap="size-300">
      <SearchBar
        options={options}
        namespace={namespace}
        value={value}
        problem={problem}
        onNamespaceChange={(ns) => {
          setNamespace(ns)
          setProblem(null)
        }}
        onValueChange={(v) => {
          setValue(v)
          setProblem(null)
        }}
        onSearch={searchFromBar}
        onInvalid={setProblem}
        inputRef={inputRef}
      />
      <Text UNSAFE_className="cah-muted">{i18n.t('search.shortcut')}</Text>
      <div role="status" className={retypeHint ? undefined : 'cah-visually-hidden'} data-testid="recent-retype-hint">
        {retypeHint}
      </div>
      <RecentLookups items={recents.items} options={options} onPick={pickRecent} onClear={recents.clear} />
      <section aria-label={i18n.t('result.region')} data-testid="result">
        <CustomerResult
          customer={customer}
          invalidPop={route.pop.kind === 'invalid' ? route.pop : null}
          sandbox={shell.sandbox ?? metadata.data?.sandbox ?? null}
          mergePolicies={metadata.data?.mergePolicies ?? []}
          labelOf={labelOf}
          maskPersonalData={masksPersonalData(metadata)}
          client={client}
          interactions={interactions}
        />
      </section>
    </Flex>
  )
}
