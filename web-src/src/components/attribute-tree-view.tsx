/**
 * The "All attributes" tree: nested lists whose groups open with native disclosure buttons (in the
 * tab order, Enter or Space toggles). A group's children are rendered only while it is open, so a
 * large profile costs nothing until the agent looks.
 */
import ChevronDown from '@spectrum-icons/workflow/ChevronDown'
import ChevronRight from '@spectrum-icons/workflow/ChevronRight'
import { useId } from 'react'
import { useI18n } from '../i18n/i18n-context'
import type { AttributeGroup, AttributeNode } from '../lib/attribute-tree'

interface Props {
  root: AttributeGroup
  isOpen(key: string): boolean
  onToggle(key: string): void
}

function Branch({ node, isOpen, onToggle }: { node: AttributeNode } & Omit<Props, 'root'>): JSX.Element {
  const i18n = useI18n()
  const listId = useId()
  if (node.kind === 'leaf') {
    return (
      <li className="cah-tree-item cah-tree-leaf" data-testid="attribute-leaf" data-path={node.key}>
        <span className="cah-muted">{node.name}</span>
        {i18n.t('common.colon')}
        <span>{node.value}</span>
      </li>
    )
  }
  const open = isOpen(node.key)
  const Chevron = open ? ChevronDown : ChevronRight
  return (
    <li className="cah-tree-item">
      <button
        type="button"
        className="cah-tree-toggle"
        aria-expanded={open}
        aria-controls={open ? listId : undefined}
        onClick={() => onToggle(node.key)}
        data-testid="attribute-group"
        data-path={node.key}
      >
        <Chevron size="XS" aria-hidden="true" />
        <span>{node.name}</span>
        <span className="cah-muted">{i18n.t('allAttributes.groupCount', { count: i18n.number(node.leafCount) })}</span>
      </button>
      {open && <Children id={listId} nodes={node.children} isOpen={isOpen} onToggle={onToggle} />}
    </li>
  )
}

function Children({ id, nodes, isOpen, onToggle }: { id?: string; nodes: AttributeNode[] } & Omit<Props, 'root'>) {
  return (
    <ul id={id} className="cah-tree">
      {nodes.map((n) => (
        <Branch key={n.key} node={n} isOpen={isOpen} onToggle={onToggle} />
      ))}
    </ul>
  )
}

export function AttributeTreeView({ root, isOpen, onToggle }: Props): JSX.Element {
  return <Children nodes={root.children} isOpen={isOpen} onToggle={onToggle} />
}
