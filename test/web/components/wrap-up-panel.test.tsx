import { act, fireEvent, screen, within } from '@testing-library/react'
import { deferred } from '../support/deferred'
import type { Handler, Reply } from '../support/fake-fetch'
import { errorBody, interactionAccepted, janeDoe, METADATA_WITH_INTERACTIONS } from '../support/fixtures'
import { renderApp, typeAndEnter } from '../support/render-app'
import {
  chooseRadio,
  chooseTopic,
  description,
  fieldError,
  followUpValue,
  noteField,
  panel,
  save,
  typeFollowUp,
  typeNote
} from '../support/wrap-up'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/
const JANE_TARGET = { namespace: 'email', id: 'jane.doe@example.com', sandbox: 'prod' }

/** A follow-up date a week from today, as `YYYY-MM-DD` in local time. */
function inAWeek(): string {
  const d = new Date()
  d.setDate(d.getDate() + 7)
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`
}

const accepting: Handler = (_url, init) => ({
  status: 202,
  body: interactionAccepted(String(JSON.parse(String(init.body)).interactionId))
})

async function openJane(
  interactions: Handler = accepting,
  locale?: 'en-US' | 'zh-Hant',
  metadata: unknown = METADATA_WITH_INTERACTIONS
) {
  const app = renderApp({
    locale,
    routes: {
      metadata: () => ({ body: metadata }),
      'customer-profile': () => ({ body: janeDoe() }),
      'customer-interactions': interactions
    }
  })
  await typeAndEnter('jane.doe@example.com')
  await screen.findByTestId('wrap-up-panel')
  const sent = (): unknown[] => app.fetch.callsTo('customer-interactions').map((c) => JSON.parse(String(c.init.body)))
  return { ...app, sent }
}

async function fillIn(date = inAWeek()): Promise<void> {
  await chooseTopic('Delivery')
  await chooseRadio('wrap-up-outcome', 'Follow-up needed')
  await chooseRadio('wrap-up-sentiment', 'Negative')
  await typeNote('Parcel lost, re-sent by courier')
  await typeFollowUp(date)
}

const topicShown = (): string => screen.getByTestId('wrap-up-topic').textContent ?? ''
const checked = (testId: string): string[] =>
  within(screen.getByTestId(testId))
    .getAllByRole('radio')
    .filter((r) => (r as HTMLInputElement).checked)
    .map((r) => (r as HTMLInputElement).value)

// Filling in React Spectrum fields in jsdom takes a few seconds per test, more on a busy machine.
jest.setTimeout(20_000)

describe('wrap-up panel', () => {
  it('is not shown when the deployment records no interactions', async () => {
    // Prepare
    renderApp({ routes: { 'customer-profile': () => ({ body: janeDoe() }) } })

    // Act
    await typeAndEnter('jane.doe@example.com')
    await screen.findByTestId('customer-view')

    // Assess
    expect(screen.queryByTestId('wrap-up-panel')).toBeNull()
  })

  it('offers the deployment’s topics, outcomes and sentiments, warns about the note and counts it', async () => {
    // Prepare
    await openJane()

    // Act
    await chooseTopic('Billing')
    await typeNote('  Card declined twice ')

    // Assess
    expect(within(panel()).getByRole('heading', { level: 3 }).textContent).toBe('Wrap up')
    expect(topicShown()).toBe('Billing')
    expect(
      within(screen.getByTestId('wrap-up-outcome'))
        .getAllByRole('radio')
        .map((r) => r.closest('label')?.textContent)
    ).toEqual(['Resolved', 'Follow-up needed', 'Escalated'])
    expect(
      within(screen.getByTestId('wrap-up-sentiment'))
        .getAllByRole('radio')
        .map((r) => r.closest('label')?.textContent)
    ).toEqual(['Not noted', 'Positive', 'Neutral', 'Negative'])
    expect(description('wrap-up-note')).toBe(
      '19 of 40 characters | Never write card numbers or passwords in a note. Anything that looks like one is removed before saving.'
    )
  })

  it('leaves out the optional fields the deployment does not record', async () => {
    // Prepare
    const interactions = { ...METADATA_WITH_INTERACTIONS.interactions, fields: ['followUpDate'], noteMaxLength: 0 }
    const { sent } = await openJane(accepting, undefined, { ...METADATA_WITH_INTERACTIONS, interactions })

    // Act
    await chooseTopic('Billing')
    await chooseRadio('wrap-up-outcome', 'Escalated')
    await save()

    // Assess
    expect(screen.queryByTestId('wrap-up-sentiment')).toBeNull()
    expect(screen.queryByTestId('wrap-up-note')).toBeNull()
    expect(screen.getByTestId('wrap-up-follow-up')).toBeTruthy()
    expect(sent()).toEqual([
      { ...JANE_TARGET, topic: 'billing', outcome: 'escalated', interactionId: expect.stringMatching(UUID) }
    ])
  })

  it('checks topic and outcome before sending, and takes focus to the first problem', async () => {
    // Prepare
    const { sent } = await openJane()

    // Act
    await save()

    // Assess
    expect(sent()).toEqual([])
    expect(fieldError('wrap-up-topic')).toBe('Choose the topic of the call.')
    expect(fieldError('wrap-up-outcome')).toBe('Choose how the call ended.')
    expect(fieldError('wrap-up-note')).toBeNull()
    expect(document.activeElement).toBe(screen.getByTestId('wrap-up-topic'))
  })

  it('flags an over-long note as it is typed and does not send it', async () => {
    // Prepare
    const { sent } = await openJane()
    await chooseTopic('Delivery')
    await chooseRadio('wrap-up-outcome', 'Resolved')

    // Act
    await typeNote('x'.repeat(41))
    const whileTyping = fieldError('wrap-up-note')
    await save()

    // Assess
    expect(whileTyping).toBe('The note has 41 characters; at most 40 can be saved. Shorten it to save.')
    expect(sent()).toEqual([])
    expect(document.activeElement).toBe(noteField())
  })

  it('sends the wrap-up for the customer on screen, with a wrap-up id, and shows progress while saving', async () => {
    // Prepare
    const answer = deferred<Reply>()
    const { sent } = await openJane(() => answer.promise)
    const date = inAWeek()
    await fillIn(date)

    // Act
    await save()
    const submit = screen.getByTestId('wrap-up-submit')
    const whileSaving = {
      pending: submit.getAttribute('aria-disabled'),
      noteDisabled: noteField().disabled,
      saved: screen.queryByTestId('wrap-up-saved')
    }
    await save()
    const [body] = sent() as Array<{ interactionId: string }>
    await act(async () => answer.resolve({ status: 202, body: interactionAccepted(body?.interactionId ?? '') }))

    // Assess
    expect(sent()).toEqual([
      {
        ...JANE_TARGET,
        topic: 'delivery',
        outcome: 'follow-up',
        sentiment: 'negative',
        note: 'Parcel lost, re-sent by courier',
        followUpDate: date,
        interactionId: expect.stringMatching(UUID)
      }
    ])
    expect(whileSaving).toEqual({ pending: 'true', noteDisabled: true, saved: null })
    const saved = screen.getByTestId('wrap-up-saved')
    expect(saved.textContent).toBe(
      'Wrap-up savedIt appears in the customer’s profile within seconds to minutes. Until then it shows as pending in Recent activity.'
    )
    expect(document.activeElement).toBe(saved)
  })

  it('shows the action’s 400 field errors on those fields and keeps the rest', async () => {
    // Prepare
    const fields = { topic: 'must be one of billing, returns', followUpDate: 'must be at most 366 days ahead' }
    const { sent } = await openJane(() => ({ status: 400, body: errorBody('INVALID_PARAMETER', 'bad', { fields }) }))
    await fillIn()

    // Act
    await save()

    // Assess
    expect(sent()).toHaveLength(1)
    expect(fieldError('wrap-up-topic')).toBe('That topic is no longer offered. Choose another.')
    expect(fieldError('wrap-up-follow-up')).toMatch(/^Choose a date from .+ to .+\.$/)
    expect(fieldError('wrap-up-note')).toBeNull()
    expect(screen.queryByTestId('wrap-up-error')).toBeNull()
    expect(noteField().value).toBe('Parcel lost, re-sent by courier')
    expect(document.activeElement).toBe(screen.getByTestId('wrap-up-topic'))
    expect(document.body.textContent).not.toContain('must be one of')
  })

  it('keeps everything typed when AEP is down, and retries with the same interaction id', async () => {
    // Prepare
    let calls = 0
    const { sent } = await openJane((url, init) =>
      ++calls === 1 ? { status: 502, body: errorBody('UPSTREAM_UNAVAILABLE', 'collection down') } : accepting(url, init)
    )
    const date = inAWeek()
    await fillIn(date)

    // Act
    await save()
    const alert = screen.getByTestId('wrap-up-error')
    const afterFailure = {
      code: alert.getAttribute('data-error-code'),
      text: alert.textContent,
      focused: document.activeElement === alert,
      form: [topicShown(), checked('wrap-up-outcome'), checked('wrap-up-sentiment'), noteField().value, followUpValue()]
    }
    await act(async () => {
      fireEvent.click(screen.getByTestId('wrap-up-retry'))
    })

    // Assess
    expect(afterFailure).toEqual({
      code: 'UPSTREAM_UNAVAILABLE',
      text: expect.stringContaining('The wrap-up was not saved: AEP is unavailable'),
      focused: true,
      form: ['Delivery', ['follow-up'], ['negative'], 'Parcel lost, re-sent by courier', date]
    })
    expect(afterFailure.text).toContain('Everything you entered is still here.')
    expect(afterFailure.text).toContain('Reference: req-err-1')
    const [first, second] = sent()
    expect(second).toEqual(first)
    expect(screen.getByTestId('wrap-up-saved')).toBeTruthy()
  })

  it('says when the deployment cannot record interactions (503) and offers a retry', async () => {
    // Prepare
    await openJane(() => ({ status: 503, body: errorBody('INTERACTIONS_NOT_CONFIGURED') }))
    await fillIn()

    // Act
    await save()

    // Assess
    const alert = screen.getByTestId('wrap-up-error')
    expect(alert.textContent).toContain('The wrap-up was not saved: Wrap-ups cannot be saved here')
    expect(within(alert).getByTestId('wrap-up-retry')).toBeTruthy()
    expect(noteField().value).toBe('Parcel lost, re-sent by courier')
  })

  it('starts a new, empty wrap-up with a new id after a successful save', async () => {
    // Prepare
    const { sent } = await openJane()
    await fillIn()
    await save()

    // Act
    const emptied = [
      topicShown(),
      checked('wrap-up-outcome'),
      checked('wrap-up-sentiment'),
      noteField().value,
      followUpValue()
    ]
    await chooseTopic('Returns and refunds')
    await chooseRadio('wrap-up-outcome', 'Resolved')
    await save()

    // Assess
    expect(emptied).toEqual(['Choose a topic', [], ['__none__'], '', ''])
    const [first, second] = sent() as Array<{ interactionId: string }>
    expect(second).toEqual({
      ...JANE_TARGET,
      topic: 'returns',
      outcome: 'resolved',
      interactionId: expect.stringMatching(UUID)
    })
    expect(second?.interactionId).not.toBe(first?.interactionId)
  })

  it('tells the agent when the action removed something from the note', async () => {
    // Prepare
    await openJane((_url, init) => ({
      status: 202,
      body: interactionAccepted(String(JSON.parse(String(init.body)).interactionId), { noteRedacted: true })
    }))
    await fillIn()

    // Act
    await save()

    // Assess
    expect(screen.getByTestId('wrap-up-note-redacted').textContent).toBe(
      'Something in the note looked like a card number or a password, so it was removed before saving.'
    )
  })

  it('does not send on Enter in the note, and reaches every field and Save with Tab, in order', async () => {
    // Prepare
    const { sent } = await openJane()
    await fillIn()

    // Act
    await act(async () => {
      noteField().focus()
      fireEvent.keyDown(noteField(), { key: 'Enter', code: 'Enter' })
    })

    // Assess
    expect(sent()).toEqual([])
    const tabbable = Array.from(panel().querySelectorAll<HTMLElement>('button, input, textarea, [tabindex]')).filter(
      (el) =>
        el.tabIndex >= 0 &&
        (el as HTMLInputElement).type !== 'hidden' &&
        !(el as HTMLButtonElement).disabled &&
        el.closest('[aria-hidden="true"]') === null
    )
    const names = tabbable.map(
      (el) => el.dataset.testid ?? el.getAttribute('aria-label') ?? (el as HTMLInputElement).value
    )
    expect(names).toEqual([
      'wrap-up-topic',
      'follow-up',
      'negative',
      'wrap-up-note',
      'month',
      'day',
      'year',
      'Calendar',
      'wrap-up-submit'
    ])
  })

  it('speaks Traditional Chinese, with the admin’s labels in zh-Hant and English where none is written', async () => {
    // Prepare
    await openJane(accepting, 'zh-Hant')
    const heading = within(panel()).getByRole('heading', { level: 3 }).textContent
    const resolved = within(screen.getByTestId('wrap-up-outcome')).getByRole('radio', { name: '已解決' })

    // Act
    await act(async () => {
      fireEvent.click(screen.getByTestId('wrap-up-topic'))
    })
    const options = within(await screen.findByRole('listbox'))
      .getAllByRole('option')
      .map((o) => o.textContent)

    // Assess
    expect(heading).toBe('通話總結')
    expect(options).toEqual(['配送', '帳單', 'Returns and refunds'])
    expect((resolved as HTMLInputElement).value).toBe('resolved')
    expect(description('wrap-up-note')).toContain('備註中請勿填寫信用卡號碼或密碼')
    expect(screen.getByTestId('wrap-up-submit').textContent).toBe('儲存通話總結')
  })
})
