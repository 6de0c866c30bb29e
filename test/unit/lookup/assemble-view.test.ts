import type { AepProfileEntity } from '../../../actions/lib/aep'
import { assembleView, EVENTS_NOT_REQUESTED, type ViewParts } from '../../../actions/lib/lookup'
import { EMPTY_MAPPING } from '../../../actions/lib/mapping'
import { MAX_PROFILE_FIELDS } from '../../../actions/lib/view'

function parts(entity: Record<string, unknown>): ViewParts {
  const profile: AepProfileEntity = { entityId: 'XID-1', mergePolicyId: 'mp-1', entity, lastModifiedAt: null }
  return { profile, events: EVENTS_NOT_REQUESTED, names: new Map(), incomplete: [], timings: { totalMs: 1 } }
}

/** `meta.allAttributesTrimmed` of the view of `entity`, with the leaves it kept. */
function trimmedOf(entity: Record<string, unknown>): [number, boolean | undefined] {
  const view = assembleView(parts(entity), { sandbox: 'prod', mergePolicyId: null }, EMPTY_MAPPING)
  return [view.customer.allAttributes.length, view.meta.allAttributesTrimmed]
}

const leaves = (n: number): Record<string, number> =>
  Object.fromEntries(Array.from({ length: n }, (_, i) => [`f${i}`, i]))

describe('assembleView all attributes', () => {
  it('says nothing was trimmed from a small profile', () => {
    // Act
    const trimmed = trimmedOf({ a: 1 })
    // Assess
    expect(trimmed).toEqual([1, undefined])
  })

  it(`says it trimmed the list of a profile of more than ${MAX_PROFILE_FIELDS} leaves`, () => {
    // Act
    const trimmed = trimmedOf(leaves(MAX_PROFILE_FIELDS + 1))
    // Assess
    expect(trimmed).toEqual([MAX_PROFILE_FIELDS, true])
  })

  it(`does not say it trimmed a profile of exactly ${MAX_PROFILE_FIELDS} leaves`, () => {
    // Act
    const trimmed = trimmedOf(leaves(MAX_PROFILE_FIELDS))
    // Assess
    expect(trimmed).toEqual([MAX_PROFILE_FIELDS, undefined])
  })

  it('says it trimmed the list when a long list in the profile was cut, though few leaves remain', () => {
    // Act
    const trimmed = trimmedOf({ list: Array.from({ length: 60 }, (_, i) => i) })
    // Assess
    expect(trimmed).toEqual([50, true])
  })
})
