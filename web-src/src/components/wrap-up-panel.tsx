/**
 * "Wrap up": the agent records the call's topic, outcome, sentiment, a note and a follow-up date,
 * and the action streams it into the customer's profile. A failed save keeps the form as it was,
 * with the reason and a retry; a saved one empties it and shows as pending in the timeline.
 */
import { Button, Content, Heading, InlineAlert } from '@adobe/react-spectrum'
import { getLocalTimeZone, today } from '@internationalized/date'
import { useEffect, useMemo, useRef } from 'react'
import type { ActionClient } from '../api/action-client'
import type { InteractionAnswer, InteractionSettings, Lookup } from '../api/types'
import { useWrapUp } from '../hooks/use-wrap-up'
import { useI18n } from '../i18n/i18n-context'
import { type DateRange, firstProblem, type WrapUpDraft, type WrapUpField } from '../lib/wrap-up-form'
import { ErrorMessage } from './error-message'
import { WrapUpFields } from './wrap-up-fields'

/**
 * The action accepts follow-ups up to 366 days after today in UTC. The agent's calendar can be a day
 * ahead of UTC, so the picker offers one day less and never a date the action would refuse.
 */
const FOLLOW_UP_DAYS = 365

interface Props {
  client: Pick<ActionClient, 'recordInteraction'>
  target: Lookup & { sandbox: string }
  settings: InteractionSettings
  namespaceLabel: string
  onSaved(answer: InteractionAnswer, draft: WrapUpDraft): void
}

/** Where keyboard focus goes for a field with a problem. */
const FOCUS: Record<WrapUpField, string> = {
  topic: '[data-testid="wrap-up-topic"]',
  outcome: '[data-testid="wrap-up-outcome"] input:checked, [data-testid="wrap-up-outcome"] input',
  sentiment: '[data-testid="wrap-up-sentiment"] input:checked, [data-testid="wrap-up-sentiment"] input',
  note: 'textarea',
  followUpDate: '[role="spinbutton"]'
}

function followUpRange(): DateRange {
  const first = today(getLocalTimeZone())
  return { min: first.toString(), max: first.add({ days: FOLLOW_UP_DAYS }).toString() }
}

export function WrapUpPanel({ client, target, settings, namespaceLabel, onSaved }: Props): JSX.Element {
  const { t } = useI18n()
  const range = useMemo(followUpRange, [])
  const wrapUp = useWrapUp({ client, target, settings, range, onSaved })
  const { status, problems } = wrapUp
  const panel = useRef<HTMLElement>(null)
  const before = useRef(status.kind)

  const focusField = (field: WrapUpField | null): void => {
    if (field) panel.current?.querySelector<HTMLElement>(FOCUS[field])?.focus()
  }

  // The action refused a field (400): take the agent to it, as a failed check on submit does.
  useEffect(() => {
    if (before.current === 'saving' && status.kind === 'editing') focusField(firstProblem(problems))
    before.current = status.kind
  })

  const submit = (): void => focusField(firstProblem(wrapUp.submit()))
  const retry = (): void => {
    // The retry button goes while saving: keep focus on the (pending) submit button meanwhile.
    panel.current?.querySelector<HTMLElement>('[data-testid="wrap-up-submit"]')?.focus()
    submit()
  }

  return (
    <section aria-labelledby="cah-wrap-up-title" data-testid="wrap-up-panel" ref={panel} className="cah-wrap-up">
      <h3 id="cah-wrap-up-title" className="cah-section-title">
        {t('wrapUp.title')}
      </h3>
      <p className="cah-muted">{t('wrapUp.intro')}</p>
      <WrapUpFields
        draft={wrapUp.draft}
        problems={problems}
        settings={settings}
        range={range}
        disabled={status.kind === 'saving'}
        change={wrapUp.change}
      />
      <Button
        variant="accent"
        onPress={submit}
        isPending={status.kind === 'saving'}
        data-testid="wrap-up-submit"
        marginTop="size-200"
        marginBottom="size-200"
      >
        {t('wrapUp.submit')}
      </Button>
      {status.kind === 'failed' && (
        <ErrorMessage
          error={status.error}
          namespaceLabel={namespaceLabel}
          onRetry={retry}
          retryable={status.error.status !== 400}
          retryTestId="wrap-up-retry"
          testId="wrap-up-error"
          titlePrefix={(reason) => t('wrapUp.failed', { reason })}
          autoFocus
        >
          <p>{t('wrapUp.kept')}</p>
        </ErrorMessage>
      )}
      {status.kind === 'saved' && (
        <InlineAlert variant="positive" autoFocus data-testid="wrap-up-saved">
          <Heading>{t('wrapUp.saved.title')}</Heading>
          <Content>
            <p style={{ marginTop: 0 }}>{t('wrapUp.saved.body')}</p>
            {status.answer.noteRedacted && <p data-testid="wrap-up-note-redacted">{t('wrapUp.noteRedacted')}</p>}
          </Content>
        </InlineAlert>
      )}
    </section>
  )
}
