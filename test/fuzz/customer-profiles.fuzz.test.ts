/**
 * Property test of POST customer-profiles (batch): generated bodies — identities of every kind,
 * items of the wrong type, 101 to 10 000 items, deep nesting, huge strings, `include`, `eventsLimit`
 * and `sandbox` right and wrong. A malformed body is 400 INVALID_BODY as a whole; a good body is
 * 200 with one result per identity, each with the status the documented rules give; and every
 * multi-entity POST that reaches AEP carries only normalised valid identities.
 */
import fc from 'fast-check'
import { main as batch } from '../../actions/customer-profiles'
import type { ActionResponse } from '../../actions/lib/http/responses'
import type { BatchAnswer, BatchStatus } from '../../actions/lib/lookup/batch-lookup'
import { MERGE_POLICY_IDS } from '../../stand-ins'
import { customerProblems, errorCode, errorProblems, valueProblems, watchUnhandledRejections } from '../faults/support'
import { OTHER_ORG, startTestEnv, type TestEnv } from '../integration/harness'
import { findLeaks, seededPii, seedsOf } from '../security/leak-scan'
import { aepRecordReader, batchBodyProblems, captureAepPosts } from './aep-requests'
import { answerLabel, Findings } from './findings'
import { type IdentityCase, identityArb, knownCustomers } from './identities'
import { type AuthCase, absent, authArb, bad, good, HTTP_METHODS, junkParams, type Param } from './requests'

/** This suite's share of the fuzz suites' 10 000 generated requests. */
const RUNS = 2000
const CUSTOMERS = 40
/** The sections docs/api.md lists; the batch leaves out events and allAttributes by default. */
const SECTIONS = [
  'identities',
  'name',
  'contact',
  'attributes',
  'mappedAttributes',
  'consents',
  'insights',
  'audiences',
  'events',
  'allAttributes'
]
const DEFAULT_INCLUDE = SECTIONS.filter((s) => s !== 'events' && s !== 'allAttributes')

let env: TestEnv
let generated = 0
const unhandled = watchUnhandledRejections()

/** One item of `identities`: a tagged identity, or something that is not an identity object at all. */
type Item = { identity: IdentityCase } | { junk: unknown }
interface BatchCase {
  identities: Param<Item[] | unknown>
  params: Record<'include' | 'eventsLimit' | 'sandbox' | 'mergePolicyId', Param>
  junk: Record<string, unknown>
  auth: AuthCase
  method: string
}

const deep = (depth: number, leaf: unknown): unknown =>
  Array.from({ length: depth }).reduce<unknown>((inner) => ({ a: inner }), leaf)
const notAnIdentity = fc.oneof(
  fc.constantFrom(42, null, 'email', [], true),
  fc.constant(deep(2000, 'x')),
  fc.constant([[[[{ namespace: 'email', id: 'jane.doe@example.com' }]]]])
)

function itemsArb(customers: Parameters<typeof identityArb>[0]): fc.Arbitrary<Item[]> {
  const item = fc.oneof(
    { weight: 8, arbitrary: identityArb(customers).map((identity): Item => ({ identity })) },
    { weight: 1, arbitrary: notAnIdentity.map((junk): Item => ({ junk })) }
  )
  return fc.oneof(
    { weight: 20, arbitrary: fc.array(item, { minLength: 1, maxLength: 8 }) },
    { weight: 1, arbitrary: fc.array(item, { minLength: 90, maxLength: 100 }) }
  )
}

/** The body as the caller sends it. */
function bodyOf(c: BatchCase): Record<string, unknown> {
  const body: Record<string, unknown> = { ...c.junk }
  const v = c.identities.value
  if (v !== undefined) {
    body.identities =
      c.identities.ok === true && Array.isArray(v)
        ? (v as Item[]).map((i) =>
            'junk' in i
              ? i.junk
              : Object.fromEntries(
                  Object.entries({ namespace: i.identity.namespace, id: i.identity.id }).filter(
                    ([, x]) => x !== undefined
                  )
                )
          )
        : v
  }
  for (const [name, p] of Object.entries(c.params)) if (p.value !== undefined) body[name] = p.value
  return body
}

/** Per-item statuses the documented rules allow. */
function itemStatuses(item: Item, unknownPolicy: boolean): BatchStatus[] {
  if ('junk' in item) return ['invalid']
  const upstream: BatchStatus[] = unknownPolicy ? ['error'] : []
  switch (item.identity.expect) {
    case 'found':
      return unknownPolicy ? upstream : ['found']
    case 'unknown':
      return unknownPolicy ? upstream : ['not_found']
    case 'invalid':
      return ['invalid']
    default:
      return ['invalid', 'not_found', ...upstream]
  }
}

beforeAll(async () => {
  env = await startTestEnv()
})
afterAll(async () => {
  unhandled.stop()
  await env.close()
})

describe('customer-profiles under generated bodies', () => {
  it(`answers ${RUNS} generated batches as documented, never 5xx, and sends AEP only validated identities`, async () => {
    const seed = env.standIns.aep.sandboxes.get('prod')?.seed
    if (!seed) throw new Error('no prod seed')
    const aep = aepRecordReader(env)
    const posts = captureAepPosts(env)
    const tokens = {
      valid: [env.agentToken(), env.agentToken()],
      otherOrg: env.agentToken(OTHER_ORG),
      expired: env.agentToken(undefined, -60)
    }
    const often = <T>(usual: T, arb: fc.Arbitrary<T>): fc.Arbitrary<T> =>
      fc.oneof({ weight: 3, arbitrary: fc.constant(usual) }, { weight: 1, arbitrary: arb })
    const caseArb: fc.Arbitrary<BatchCase> = fc.record({
      identities: fc.oneof(
        {
          weight: 12,
          arbitrary: itemsArb(knownCustomers(seed, CUSTOMERS)).map((value): Param => ({ value, ok: true }))
        },
        {
          weight: 1,
          arbitrary: bad(undefined, [], {}, 'jane.doe@example.com', 5, null, deep(2000, []), { identities: [] })
        },
        {
          weight: 1,
          arbitrary: fc.integer({ min: 101, max: 10_000 }).map(
            (n): Param => ({
              value: Array.from({ length: n }, (_, i) => ({ namespace: 'crmid', id: `CRM-${i}` })),
              ok: false
            })
          )
        },
        // 100 identities of 10 kB each: a 1 MB body whose every item is refused on its own.
        {
          weight: 1,
          arbitrary: fc.constant<Param>({
            value: Array.from(
              { length: 100 },
              (): Item => ({ identity: { namespace: 'email', id: 'x'.repeat(10_240), expect: 'invalid' } })
            ),
            ok: true
          })
        }
      ),
      params: fc.record({
        include: often(
          absent,
          fc.oneof(
            good(['name'], ['insights', 'audiences'], ['events', 'name'], SECTIONS, ['name', 'name']),
            bad([], 'name', ['everything'], [1], [...SECTIONS, 'name'], { name: true }, [['name']])
          )
        ),
        eventsLimit: often(absent, fc.oneof(good(1, 3, 100), bad(0, 101, 2.5, '5', -1, null, [5]))),
        sandbox: often(absent, fc.oneof(good('prod', ' prod ', ''), bad('stage', 'PROD', 5, ['prod'], '../prod'))),
        mergePolicyId: often(
          absent,
          fc.oneof(
            good(MERGE_POLICY_IDS.prodDefault, MERGE_POLICY_IDS.prodNoStitch),
            bad('', '_x', 'a b', 5, [MERGE_POLICY_IDS.prodDefault]),
            fc.constant<Param>({ value: 'unknown-merge-policy', ok: 422 })
          )
        )
      }),
      junk: junkParams,
      auth: authArb(tokens),
      method: fc.oneof(
        { weight: 30, arbitrary: fc.constant('post') },
        { weight: 1, arbitrary: fc.constantFrom(...HTTP_METHODS) }
      )
    })

    const findings = new Findings()
    await fc.assert(
      fc.asyncProperty(caseArb, async (c) => {
        const sentBefore = posts.bodies.length
        let res: ActionResponse
        try {
          res = await env.call(
            batch,
            {},
            { method: c.method, token: c.auth.token, headers: c.auth.headers, body: bodyOf(c) }
          )
        } catch (e) {
          findings.check(false, `main threw or broke the contract: ${String(e).slice(0, 100)}`, c)
          return
        } finally {
          generated++
        }
        const label = answerLabel(res)
        const bodyOk = c.identities.ok === true && Object.values(c.params).every((p) => p.ok !== false)
        const status = c.method !== 'post' ? 405 : c.auth.expect !== 'ok' ? c.auth.expect : bodyOk ? 200 : 400
        findings.check(res.statusCode === status, `${label} where the documented rules give ${status}`, c)
        findings.check(res.statusCode < 500, `5xx: ${label}`, c)
        findings.problems(aep.check(), 'AEP received', c)
        findings.problems(posts.bodies.slice(sentBefore).flatMap(batchBodyProblems), 'AEP received', c)
        if (res.statusCode === 400)
          findings.check(
            errorCode(res) === 'INVALID_BODY',
            `400 ${errorCode(res) ?? ''} where INVALID_BODY is documented`,
            c
          )
        if (res.statusCode !== 200) {
          findings.problems(errorProblems(res), 'error body', c)
          return
        }
        const answer = res.body as BatchAnswer
        const items = c.identities.value as Item[]
        findings.check(
          answer.results.length === items.length && answer.results.every((r, i) => r.index === i),
          'results not one per identity in request order',
          c
        )
        const include =
          Array.isArray(c.params.include.value) && c.params.include.ok === true
            ? (c.params.include.value as string[])
            : DEFAULT_INCLUDE
        answer.results.forEach((r, i) => {
          const item = items[i]
          if (!item) return
          const allowed = itemStatuses(item, c.params.mergePolicyId.ok === 422)
          findings.check(
            allowed.includes(r.status),
            `item ${r.status}${r.error ? ` ${r.error.code}` : ''} where the documented rules give ${allowed.join(' or ')}${'identity' in item ? ` (identity ${item.identity.expect})` : ' (not an identity)'}`,
            { item, r }
          )
          if (r.status === 'found')
            findings.problems(customerProblems(r.customer, include), 'half-built found item', { item, r })
        })
        // `namespace` echoes the caller's own input (documented); what came from AEP must be clean.
        findings.problems(valueProblems(answer.results.map((r) => r.customer ?? null)), '200 with odd values', c)
      }),
      { numRuns: RUNS }
    )
    posts.restore()

    expect(findings.report()).toEqual({})
    expect(generated).toBeGreaterThanOrEqual(RUNS)
    expect(posts.bodies.length).toBeGreaterThan(50)
  }, 120_000)

  it('raised no unhandled rejection and logged no token, secret or customer PII', () => {
    expect(unhandled.seen).toEqual([])
    expect(
      findLeaks(
        env.logs,
        seededPii(
          seedsOf(env),
          Array.from({ length: CUSTOMERS }, (_, i) => i)
        )
      )
    ).toEqual([])
  })
})
