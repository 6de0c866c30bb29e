/**
 * Property test of POST customer-interactions: generated wrap-ups, each field right, wrong, of the
 * wrong type, oversized or missing, with junk fields and the odd wrong method. Every answer is the
 * documented one (the harness checks it against docs/openapi.yaml), never a 5xx: a 202 only for a
 * wrap-up whose every field is valid, then exactly one message to the collection endpoint; a 400
 * names its fields and sends nothing. No generated note ever reaches a log line.
 */
import fc from 'fast-check'
import { main } from '../../actions/customer-interactions'
import { STREAMING_ROUTE } from '../../stand-ins'
import { watchUnhandledRejections } from '../faults/support'
import { bodyOf, JANE, startTestEnv, type TestEnv } from '../integration/harness'
import { Findings } from './findings'

const RUNS = 400

let env: TestEnv
const unhandled = watchUnhandledRejections()

beforeAll(async () => {
  env = await startTestEnv()
  env.standIns.aep.control.apply({ ingestionDelayMs: 60_000 })
})
afterAll(async () => {
  unhandled.stop()
  await env.close()
})

/** A field's value and whether the action must accept it. */
interface Field {
  value: unknown
  ok: boolean
}
const absent: Field = { value: undefined, ok: true }
const good = (...values: unknown[]) => fc.constantFrom(...values).map((value): Field => ({ value, ok: true }))
const bad = (...values: unknown[]) => fc.constantFrom(...values).map((value): Field => ({ value, ok: false }))
const day = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10)
const junkValue = fc.oneof(fc.string(), fc.integer(), fc.constant(null), fc.array(fc.string()), fc.object())

const fields = {
  // Namespace codes are case-insensitive and trimmed, like a lookup's.
  namespace: fc.oneof(good('email', 'EMAIL '), bad('', 42, ['email'], 'e mail')),
  id: fc.oneof(good(JANE.email, ' Jane.Doe@Example.com '), bad('', 'not-an-email', 7, { id: 1 })),
  topic: fc.oneof(good('delivery', 'billing', 'other'), bad('Delivery', 'weather', 1, ['billing'], 'x'.repeat(300))),
  outcome: fc.oneof(good('resolved', 'follow-up', 'escalated'), bad('done', '', true, null)),
  sentiment: fc.oneof(fc.constant(absent), good('positive', 'negative', null, ''), bad('angry', 3, ['neutral'])),
  note: fc.oneof(
    fc.constant(absent),
    fc.string({ maxLength: 500 }).map((value): Field => ({ value, ok: true })),
    fc.string({ minLength: 501, maxLength: 800 }).map((value): Field => ({ value, ok: value.length <= 500 })),
    bad(12, { text: 'x' }, ['a'])
  ),
  followUpDate: fc.oneof(
    fc.constant(absent),
    good(day(0), day(30), null, ''),
    bad(day(-30), day(400), '2026-02-30', '01/02/2027', 20270101, 'tomorrow')
  ),
  interactionId: fc.oneof(
    fc.constant(absent),
    fc.uuid().map((value): Field => ({ value, ok: true })),
    bad('short', 'has space in it', 'x'.repeat(65), 123456789, '../../etc/passwd')
  ),
  junk: fc.oneof(
    { weight: 4, arbitrary: fc.constant({}) },
    {
      weight: 1,
      arbitrary: fc.dictionary(fc.constantFrom('notes', 'agent', 'topicCode', 'x'), junkValue, { maxKeys: 2 })
    }
  ),
  method: fc.oneof(
    { weight: 15, arbitrary: fc.constant('post') },
    { weight: 1, arbitrary: fc.constantFrom('get', 'put') }
  )
}

type Case = { [K in keyof Omit<typeof fields, 'junk' | 'method'>]: Field } & {
  junk: Record<string, unknown>
  method: string
}

function bodyOfCase(c: Case): Record<string, unknown> {
  const body: Record<string, unknown> = { ...c.junk }
  for (const k of [
    'namespace',
    'id',
    'topic',
    'outcome',
    'sentiment',
    'note',
    'followUpDate',
    'interactionId'
  ] as const)
    if (c[k].value !== undefined) body[k] = c[k].value
  return body
}

/** A note of only spaces and control characters becomes no note; a note over the bound after trimming fails. */
function expectedStatus(c: Case): number {
  if (c.method !== 'post') return 405
  const note = c.note.value
  const noteOk = c.note.ok && (typeof note !== 'string' || note.trim().length <= 500)
  const valid =
    Object.keys(c.junk).length === 0 &&
    noteOk &&
    (['namespace', 'id', 'topic', 'outcome', 'sentiment', 'followUpDate', 'interactionId'] as const).every(
      (k) => c[k].ok
    )
  return valid ? 202 : 400
}

describe('customer-interactions under generated input', () => {
  it(`answers ${RUNS} generated wrap-ups as documented: 202 only when every field is valid, never 5xx`, async () => {
    const findings = new Findings()
    const notes: string[] = []
    let runs = 0
    await fc.assert(
      fc.asyncProperty(fc.record(fields) as fc.Arbitrary<Case>, async (c) => {
        runs++
        const before = env.standIns.aep.control.count(STREAMING_ROUTE)
        const res = await env.call(main, {}, { method: c.method, body: bodyOfCase(c) })
        const sent = env.standIns.aep.control.count(STREAMING_ROUTE) - before
        const expected = expectedStatus(c)
        if (typeof c.note.value === 'string' && c.note.value.trim().length >= 12) notes.push(c.note.value.trim())
        findings.check(res.statusCode < 500, `a ${res.statusCode}`, c)
        findings.check(res.statusCode === expected, `${res.statusCode} where ${expected} was expected`, c)
        findings.check(sent === (res.statusCode === 202 ? 1 : 0), `${sent} messages sent for a ${res.statusCode}`, c)
        if (res.statusCode === 400) {
          const error = bodyOf<{ error: { fields?: Record<string, string> } }>(res).error
          findings.check(Object.keys(error.fields ?? {}).length > 0, 'a 400 naming no field', c)
        }
      }),
      { numRuns: RUNS }
    )
    const logs = env.logs.join('\n')
    const leaked = notes.filter((n) => logs.includes(n))

    expect(findings.report()).toEqual({})
    expect(runs).toBeGreaterThanOrEqual(RUNS)
    expect(leaked).toEqual([])
  }, 120_000)
})
