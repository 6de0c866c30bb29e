/**
 * The wrap-up form's fields, in the order an agent fills them in: topic, outcome, sentiment, note
 * and follow-up date. Each shows its own problem; the note always shows its warning and its count.
 */
import { DatePicker, Flex, Item, Picker, Radio, RadioGroup, Text, TextArea } from '@adobe/react-spectrum'
import { parseDate } from '@internationalized/date'
import Alert from '@spectrum-icons/workflow/Alert'
import type { InteractionChoice, InteractionSettings } from '../api/types'
import type { MessageKey } from '../i18n/catalogues'
import type { I18n } from '../i18n/i18n-context'
import { useI18n } from '../i18n/i18n-context'
import {
  type DateRange,
  noteLength,
  type WrapUpDraft,
  type WrapUpField,
  type WrapUpProblem,
  type WrapUpProblems
} from '../lib/wrap-up-form'

/** The radio value for "no sentiment noted"; never sent. */
const NO_SENTIMENT = '__none__'
const WARNING_ID = 'cah-wrap-up-note-warning'

interface Props {
  draft: WrapUpDraft
  problems: WrapUpProblems
  settings: InteractionSettings
  range: DateRange
  disabled: boolean
  change<K extends WrapUpField>(field: K, value: WrapUpDraft[K]): void
}

const PROBLEM_KEYS: Record<WrapUpField, Partial<Record<WrapUpProblem, MessageKey>>> = {
  topic: { required: 'wrapUp.topic.required', unknown: 'wrapUp.topic.rejected', rejected: 'wrapUp.topic.rejected' },
  outcome: {
    required: 'wrapUp.outcome.required',
    unknown: 'wrapUp.outcome.rejected',
    rejected: 'wrapUp.outcome.rejected'
  },
  sentiment: { unknown: 'wrapUp.sentiment.rejected', rejected: 'wrapUp.sentiment.rejected' },
  note: { 'too-long': 'wrapUp.note.tooLong', rejected: 'wrapUp.note.rejected' },
  followUpDate: { 'date-range': 'wrapUp.followUp.range', rejected: 'wrapUp.followUp.range' }
}

function problemText(field: WrapUpField, props: Props, i18n: I18n): string | undefined {
  const problem = props.problems[field]
  const key = problem && PROBLEM_KEYS[field][problem]
  if (!key) return undefined
  const max = props.settings.noteMaxLength
  return i18n.t(key, {
    count: i18n.number(noteLength(props.draft.note)),
    max: i18n.number(max),
    from: i18n.date(props.range.min),
    to: i18n.date(props.range.max)
  })
}

const options = (choices: InteractionChoice[], i18n: I18n): Array<{ code: string; name: string }> =>
  choices.map((c) => ({ code: c.code, name: i18n.localized(c.label) }))

export function WrapUpFields(props: Props): JSX.Element {
  const i18n = useI18n()
  const { t } = i18n
  const { draft, settings, range, disabled, change } = props
  const error = (field: WrapUpField): { isInvalid: boolean; errorMessage?: string } => {
    const message = problemText(field, props, i18n)
    return message ? { isInvalid: true, errorMessage: message } : { isInvalid: false }
  }
  const topics = options(settings.topics, i18n)
  return (
    <Flex direction="column" gap="size-200">
      <Picker
        label={t('wrapUp.topic')}
        placeholder={t('wrapUp.topic.placeholder')}
        items={topics}
        selectedKey={draft.topic}
        onSelectionChange={(key) => change('topic', key === null ? null : String(key))}
        isRequired
        isDisabled={disabled}
        width="100%"
        data-testid="wrap-up-topic"
        {...error('topic')}
      >
        {(item) => <Item key={item.code}>{item.name}</Item>}
      </Picker>
      <RadioGroup
        label={t('wrapUp.outcome')}
        value={draft.outcome}
        onChange={(value) => change('outcome', value)}
        orientation="horizontal"
        isRequired
        isDisabled={disabled}
        data-testid="wrap-up-outcome"
        {...error('outcome')}
      >
        {options(settings.outcomes, i18n).map((o) => (
          <Radio key={o.code} value={o.code}>
            {o.name}
          </Radio>
        ))}
      </RadioGroup>
      {settings.fields.includes('sentiment') && (
        <RadioGroup
          label={t('wrapUp.sentiment')}
          value={draft.sentiment ?? NO_SENTIMENT}
          onChange={(value) => change('sentiment', value === NO_SENTIMENT ? null : value)}
          orientation="horizontal"
          isDisabled={disabled}
          data-testid="wrap-up-sentiment"
          {...error('sentiment')}
        >
          {[{ code: NO_SENTIMENT, name: t('wrapUp.sentiment.none') }, ...options(settings.sentiments, i18n)].map(
            (o) => (
              <Radio key={o.code} value={o.code}>
                {o.name}
              </Radio>
            )
          )}
        </RadioGroup>
      )}
      {settings.fields.includes('note') && (
        <div>
          <p id={WARNING_ID} className="cah-wrap-up-warning" data-testid="wrap-up-note-warning">
            <Alert size="S" aria-hidden="true" />
            <Text>{t('wrapUp.note.warning')}</Text>
          </p>
          <TextArea
            label={t('wrapUp.note')}
            value={draft.note}
            onChange={(value) => change('note', value)}
            description={t('wrapUp.note.count', {
              count: i18n.number(noteLength(draft.note)),
              max: i18n.number(settings.noteMaxLength)
            })}
            aria-describedby={WARNING_ID}
            isDisabled={disabled}
            width="100%"
            data-testid="wrap-up-note"
            {...error('note')}
          />
        </div>
      )}
      {settings.fields.includes('followUpDate') && (
        <DatePicker
          label={t('wrapUp.followUp')}
          description={t('wrapUp.followUp.hint', { from: i18n.date(range.min), to: i18n.date(range.max) })}
          value={draft.followUpDate ? parseDate(draft.followUpDate) : null}
          onChange={(value) => change('followUpDate', value ? value.toString() : null)}
          minValue={parseDate(range.min)}
          maxValue={parseDate(range.max)}
          granularity="day"
          name="followUpDate"
          isDisabled={disabled}
          data-testid="wrap-up-follow-up"
          {...error('followUpDate')}
        />
      )}
    </Flex>
  )
}
