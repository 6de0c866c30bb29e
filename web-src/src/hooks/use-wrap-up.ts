/**
 * One wrap-up of the call with the customer on screen. What the agent entered stays until it is
 * saved: a failed save keeps it, and a retry sends the same `interactionId`, so the action records
 * the interaction once however often it is sent. A successful save starts a new, empty wrap-up.
 */
import { useCallback, useRef, useState } from 'react'
import type { ActionClient } from '../api/action-client'
import { ApiError } from '../api/api-error'
import type { InteractionAnswer, InteractionSettings, Lookup } from '../api/types'
import {
  type DateRange,
  EMPTY_DRAFT,
  newInteractionId,
  serverProblems,
  toInteractionBody,
  validateDraft,
  type WrapUpDraft,
  type WrapUpField,
  type WrapUpProblems
} from '../lib/wrap-up-form'

export type WrapUpStatus =
  | { kind: 'editing' }
  | { kind: 'saving' }
  | { kind: 'saved'; answer: InteractionAnswer }
  | { kind: 'failed'; error: ApiError }

export interface WrapUpOptions {
  client: Pick<ActionClient, 'recordInteraction'>
  target: Lookup & { sandbox: string }
  settings: InteractionSettings
  range: DateRange
  /** Called once per accepted wrap-up, with what was sent, before the form empties. */
  onSaved(answer: InteractionAnswer, draft: WrapUpDraft): void
}

export interface WrapUp {
  draft: WrapUpDraft
  /** What to show on each field now. */
  problems: WrapUpProblems
  status: WrapUpStatus
  change<K extends WrapUpField>(field: K, value: WrapUpDraft[K]): void
  /** Sends the wrap-up; returns the problems that kept it from being sent (empty when sent). */
  submit(): WrapUpProblems
}

function without(problems: WrapUpProblems, field: WrapUpField): WrapUpProblems {
  if (problems[field] === undefined) return problems
  return Object.fromEntries(Object.entries(problems).filter(([name]) => name !== field))
}

export function useWrapUp({ client, target, settings, range, onSaved }: WrapUpOptions): WrapUp {
  const [draft, setDraft] = useState<WrapUpDraft>(EMPTY_DRAFT)
  const [status, setStatus] = useState<WrapUpStatus>({ kind: 'editing' })
  const [attempted, setAttempted] = useState(false)
  const [rejected, setRejected] = useState<WrapUpProblems>({})
  const interactionId = useRef(newInteractionId())
  const saving = useRef(false)

  const found = validateDraft(draft, settings, range)
  // Before the first submit only an over-long note is flagged, as the agent types it.
  const own: WrapUpProblems = attempted ? found : found.note ? { note: found.note } : {}
  const problems: WrapUpProblems = { ...rejected, ...own }

  const change = useCallback(<K extends WrapUpField>(field: K, value: WrapUpDraft[K]) => {
    setDraft((d) => ({ ...d, [field]: value }))
    setRejected((r) => without(r, field))
    setStatus((s) => (s.kind === 'saved' ? { kind: 'editing' } : s))
  }, [])

  const submit = (): WrapUpProblems => {
    if (saving.current) return {}
    setAttempted(true)
    if (Object.keys(found).length > 0) return found
    saving.current = true
    setStatus({ kind: 'saving' })
    setRejected({})
    const sent = draft
    client.recordInteraction(toInteractionBody(sent, target, interactionId.current)).then(
      (answer) => {
        saving.current = false
        onSaved(answer, sent)
        interactionId.current = newInteractionId()
        setDraft(EMPTY_DRAFT)
        setAttempted(false)
        setStatus({ kind: 'saved', answer })
      },
      (err: unknown) => {
        saving.current = false
        const error = err instanceof ApiError ? err : new ApiError('INTERNAL_ERROR', 0, String(err))
        const { problems: onFields, elsewhere } = serverProblems(error)
        setRejected(onFields)
        setStatus(elsewhere ? { kind: 'failed', error } : { kind: 'editing' })
      }
    )
    return {}
  }

  return { draft, problems, status, change, submit }
}
