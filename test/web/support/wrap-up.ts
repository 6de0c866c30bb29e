/**
 * Filling in the wrap-up panel the way an agent does: pick a topic, an outcome and a sentiment,
 * type a note and a follow-up date (digit by digit into the date segments), and save.
 */
import { act, fireEvent, screen, within } from '@testing-library/react'

export const panel = (): HTMLElement => screen.getByTestId('wrap-up-panel')

export async function chooseTopic(label: string | RegExp): Promise<void> {
  await act(async () => {
    fireEvent.click(screen.getByTestId('wrap-up-topic'))
  })
  const listbox = await screen.findByRole('listbox')
  await act(async () => {
    fireEvent.click(within(listbox).getByRole('option', { name: label }))
  })
}

export async function chooseRadio(testId: 'wrap-up-outcome' | 'wrap-up-sentiment', label: string): Promise<void> {
  await act(async () => {
    fireEvent.click(within(screen.getByTestId(testId)).getByRole('radio', { name: label }))
  })
}

export function noteField(): HTMLTextAreaElement {
  const el = screen.getByTestId('wrap-up-note')
  if (!(el instanceof HTMLTextAreaElement)) throw new Error('wrap-up-note is not a textarea')
  return el
}

export async function typeNote(text: string): Promise<void> {
  await act(async () => {
    fireEvent.change(noteField(), { target: { value: text } })
  })
}

/** Types `YYYY-MM-DD` into the date segments in the order the locale shows them. */
export async function typeFollowUp(date: string): Promise<void> {
  const [year = '', month = '', day = ''] = date.split('-')
  const group = screen.getByTestId('wrap-up-follow-up')
  const segments = within(group).getAllByRole('spinbutton')
  for (const segment of segments) {
    const part = segment.getAttribute('data-testid')
    const digits = part === 'year' ? year : part === 'month' ? month : day
    await act(async () => {
      segment.focus()
    })
    for (const digit of digits) {
      await act(async () => {
        segment.dispatchEvent(
          new InputEvent('beforeinput', { data: digit, inputType: 'insertText', bubbles: true, cancelable: true })
        )
      })
    }
  }
}

/** The follow-up date the picker holds, from its hidden form input. */
export function followUpValue(): string {
  return (
    screen.getByTestId('wrap-up-follow-up').querySelector<HTMLInputElement>('input[name="followUpDate"]')?.value ?? ''
  )
}

export async function save(): Promise<void> {
  await act(async () => {
    fireEvent.click(screen.getByTestId('wrap-up-submit'))
  })
}

/** The problem a field shows: the text of the negative help it is described by, or null. */
export function fieldError(testId: string): string | null {
  const ids = screen.getByTestId(testId).getAttribute('aria-describedby')?.split(' ') ?? []
  const help = ids
    .map((id) => document.getElementById(id))
    .find((el) => el?.closest('[class*="HelpText--negative"]') !== null && el !== null)
  return help?.textContent ?? null
}

/** Everything a field is described by (its help, its count, its warning), as one text. */
export function description(testId: string): string {
  const ids = screen.getByTestId(testId).getAttribute('aria-describedby')?.split(' ') ?? []
  return ids.map((id) => document.getElementById(id)?.textContent ?? '').join(' | ')
}
