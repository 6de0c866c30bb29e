import { ApiError } from '../../../web-src/src/api/api-error'
import {
  EMPTY_DRAFT,
  firstProblem,
  newInteractionId,
  serverProblems,
  toInteractionBody,
  validateDraft,
  type WrapUpDraft
} from '../../../web-src/src/lib/wrap-up-form'
import { INTERACTIONS } from '../support/fixtures'

const RANGE = { min: '2026-12-01', max: '2027-12-02' }
const FILLED: WrapUpDraft = {
  topic: 'delivery',
  outcome: 'follow-up',
  sentiment: 'negative',
  note: '  Parcel lost; re-sent  ',
  followUpDate: '2026-12-08'
}

describe('wrap-up form', () => {
  it('requires a topic and an outcome, and nothing else', () => {
    expect(validateDraft(EMPTY_DRAFT, INTERACTIONS, RANGE)).toEqual({ topic: 'required', outcome: 'required' })
    expect(validateDraft(FILLED, INTERACTIONS, RANGE)).toEqual({})
  })

  it('refuses codes the deployment does not offer', () => {
    const draft = { ...FILLED, topic: 'weather', outcome: 'maybe', sentiment: 'ecstatic' }

    expect(validateDraft(draft, INTERACTIONS, RANGE)).toEqual({
      topic: 'unknown',
      outcome: 'unknown',
      sentiment: 'unknown'
    })
  })

  it('bounds the note by its trimmed length', () => {
    const max = INTERACTIONS.noteMaxLength

    expect(validateDraft({ ...FILLED, note: ` ${'x'.repeat(max)}  ` }, INTERACTIONS, RANGE)).toEqual({})
    expect(validateDraft({ ...FILLED, note: 'x'.repeat(max + 1) }, INTERACTIONS, RANGE)).toEqual({ note: 'too-long' })
  })

  it.each([
    ['2026-11-30', 'date-range'],
    ['2026-12-01', undefined],
    ['2027-12-02', undefined],
    ['2027-12-03', 'date-range'],
    ['2026-02-30', 'date-range'],
    ['8 Dec', 'date-range']
  ])('checks the follow-up date %s', (date, problem) => {
    expect(validateDraft({ ...FILLED, followUpDate: date }, INTERACTIONS, RANGE).followUpDate).toBe(problem)
  })

  it('names the first field with a problem in the form’s order', () => {
    expect(firstProblem({ followUpDate: 'date-range', outcome: 'required' })).toBe('outcome')
    expect(firstProblem({})).toBeNull()
  })

  it('builds the body: trimmed note, empty optional fields left out, the wrap-up’s id', () => {
    const target = { namespace: 'email', id: 'jane.doe@example.com', sandbox: 'prod' }

    expect(toInteractionBody(FILLED, target, 'id-12345678')).toEqual({
      ...target,
      topic: 'delivery',
      outcome: 'follow-up',
      sentiment: 'negative',
      note: 'Parcel lost; re-sent',
      followUpDate: '2026-12-08',
      interactionId: 'id-12345678'
    })
    expect(
      toInteractionBody({ ...EMPTY_DRAFT, topic: 'billing', outcome: 'resolved', note: '   ' }, target, 'id-12345678')
    ).toEqual({ ...target, topic: 'billing', outcome: 'resolved', interactionId: 'id-12345678' })
  })

  it('puts a 400’s field messages on the form’s fields, and says when another was refused', () => {
    const onForm = new ApiError('INVALID_PARAMETER', 400, 'bad', { fields: { topic: 'x', followUpDate: 'y' } })
    const elsewhere = new ApiError('INVALID_IDENTITY', 400, 'bad', { fields: { id: 'must be an e-mail address' } })
    const down = new ApiError('UPSTREAM_UNAVAILABLE', 502, 'down')

    expect(serverProblems(onForm)).toEqual({
      problems: { topic: 'rejected', followUpDate: 'rejected' },
      elsewhere: false
    })
    expect(serverProblems(elsewhere)).toEqual({ problems: {}, elsewhere: true })
    expect(serverProblems(down)).toEqual({ problems: {}, elsewhere: true })
  })

  it('makes interaction ids the action accepts, also without crypto.randomUUID', () => {
    const ids = [newInteractionId(), newInteractionId({ getRandomValues: (a) => a }), newInteractionId({})]

    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    expect(newInteractionId({ randomUUID: () => '00000000-0000-4000-8000-000000000000' })).toBe(
      '00000000-0000-4000-8000-000000000000'
    )
    expect(newInteractionId()).not.toBe(newInteractionId())
  })
})
