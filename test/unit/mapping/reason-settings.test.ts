/** CUSTOMER_VIEW_MAPPING.reasons: read field by field, every problem at its `reasons.…` path. */
import { DEFAULT_REASONS, MappingError, parseViewMapping } from '../../../actions/lib/mapping'

function problems(json: string): Record<string, string> {
  try {
    parseViewMapping(json)
    return {}
  } catch (e) {
    return e instanceof MappingError ? e.fields : { thrown: String(e) }
  }
}

describe('the reasons key of the mapping', () => {
  it('defaults to every rule on, with the shipped windows and the "loyal" pattern', () => {
    // Act
    const { reasons } = parseViewMapping('{}')
    // Assess
    expect(reasons).toEqual({
      disabled: [],
      windows: { 'recent-support-contact': 168, 'recent-order': 336, 'abandoned-cart': 48, 'audience-exit': 720 },
      audiencePattern: 'loyal'
    })
    expect(reasons).toEqual(DEFAULT_REASONS)
  })

  it('reads disabled rules, windows in days or hours, and the audience pattern', () => {
    // Act
    const { reasons } = parseViewMapping(
      JSON.stringify({
        reasons: {
          disabled: ['email-opened-today'],
          windows: { 'recent-order': { days: 30 }, 'abandoned-cart': { hours: 72 } },
          audiencePattern: 'loyal|vip'
        }
      })
    )
    // Assess
    expect(reasons).toEqual({
      disabled: ['email-opened-today'],
      windows: { 'recent-support-contact': 168, 'recent-order': 720, 'abandoned-cart': 72, 'audience-exit': 720 },
      audiencePattern: 'loyal|vip'
    })
  })

  it('names every mistake at its path', () => {
    // Prepare
    const json = JSON.stringify({
      reasons: {
        disabled: ['recent-order', 'be-nice'],
        windows: {
          'recent-order': { days: 0 },
          'abandoned-cart': { weeks: 1 },
          'email-opened-today': { days: 2 },
          'audience-exit': { days: 400 }
        },
        audiencePattern: '(unclosed',
        colour: 'red'
      }
    })
    const window = 'must be {"days": n} or {"hours": n}, more than 0 and at most 365 days'
    // Act
    const fields = problems(json)
    // Assess
    expect(fields).toEqual({
      'reasons.colour': 'is not a known key',
      'reasons.disabled[1]':
        'must be one of recent-support-contact, recent-order, abandoned-cart, email-opened-today, high-churn-risk, audience-exit',
      'reasons.windows.recent-order': window,
      'reasons.windows.abandoned-cart': window,
      'reasons.windows.email-opened-today':
        'is not a rule with a window (recent-support-contact, recent-order, abandoned-cart, audience-exit)',
      'reasons.windows.audience-exit': window,
      'reasons.audiencePattern': 'must be a regular expression of 1 to 200 characters'
    })
  })

  it('refuses a reasons value that is not an object', () => {
    // Act
    const fields = problems('{"reasons":["recent-order"]}')
    // Assess
    expect(fields).toEqual({ reasons: 'must be {"disabled": […], "windows": {…}, "audiencePattern": "…"}' })
  })
})
