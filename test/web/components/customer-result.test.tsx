import { act, fireEvent, screen, within } from '@testing-library/react'
import { KNOWN_ERROR_CODES } from '../../../web-src/src/lib/error-text'
import { deferred } from '../support/deferred'
import type { Reply } from '../support/fake-fetch'
import { errorBody, janeDoe } from '../support/fixtures'
import { renderApp, typeAndEnter } from '../support/render-app'

const STATUS: Record<string, number> = {
  INVALID_IDENTITY: 400,
  INVALID_PARAMETER: 400,
  UNAUTHENTICATED: 401,
  ORG_MISMATCH: 403,
  UPSTREAM_UNPROCESSABLE: 422,
  UPSTREAM_RATE_LIMITED: 429,
  UPSTREAM_UNAVAILABLE: 502,
  UPSTREAM_BAD_RESPONSE: 502,
  UPSTREAM_AUTH_FAILED: 502,
  UPSTREAM_TIMEOUT: 504,
  CONFIG_INVALID: 500,
  INTERNAL_ERROR: 500
}

const EXPECTED_TITLE: Record<string, RegExp> = {
  INVALID_IDENTITY: /identifier is not valid/,
  INVALID_PARAMETER: /not accepted/,
  UNAUTHENTICATED: /session has expired/,
  ORG_MISMATCH: /Wrong organization/,
  UPSTREAM_UNPROCESSABLE: /cannot show this profile/,
  UPSTREAM_RATE_LIMITED: /Too many lookups/,
  UPSTREAM_UNAVAILABLE: /AEP is unavailable/,
  UPSTREAM_BAD_RESPONSE: /unexpected answer/,
  UPSTREAM_AUTH_FAILED: /could not sign in to AEP/,
  UPSTREAM_TIMEOUT: /took too long/,
  CONFIG_INVALID: /not configured/,
  INTERNAL_ERROR: /Something went wrong/
}

describe('customer view states', () => {
  it('prompts for a search before the first lookup', async () => {
    renderApp()

    expect(await screen.findByText('Who is calling?')).toBeTruthy()
  })

  it('shows a skeleton while the lookup runs', async () => {
    const answer = deferred<Reply>()
    renderApp({ routes: { 'customer-profile': () => answer.promise } })

    await typeAndEnter('jane.doe@example.com')

    const skeleton = screen.getByTestId('customer-skeleton')
    expect(skeleton.getAttribute('aria-busy')).toBe('true')
    expect(within(skeleton).getByRole('status').textContent).toBe('Looking up the customer…')
    await act(async () => answer.resolve({ body: janeDoe() }))
    expect(screen.queryByTestId('customer-skeleton')).toBeNull()
  })

  it('says no customer was found, with what was searched, and focuses that heading', async () => {
    renderApp({ routes: { 'customer-profile': () => ({ status: 404, body: errorBody('PROFILE_NOT_FOUND') }) } })

    await typeAndEnter('nobody@example.com')

    const notFound = await screen.findByTestId('not-found')
    expect(notFound.textContent).toContain('No profile matches Email “nobody@example.com”.')
    expect(notFound.textContent).toContain('Searched in sandbox prod.')
    expect(document.activeElement).toBe(within(notFound).getByRole('heading', { name: 'No customer found' }))
  })

  it.each(Object.keys(STATUS))('explains %s in words an agent can act on', async (code) => {
    renderApp({
      routes: {
        'customer-profile': () => ({
          status: STATUS[code],
          body: errorBody(code, 'upstream text', { retryAfterSeconds: 30 })
        })
      }
    })

    await typeAndEnter('jane.doe@example.com')

    const alert = await screen.findByTestId('error-message')
    expect(alert.getAttribute('data-error-code')).toBe(code)
    expect(alert.textContent).toMatch(EXPECTED_TITLE[code] ?? /never/)
    expect(alert.textContent).toContain('Reference: req-err-1')
    expect(alert.textContent).not.toContain('upstream text')
    expect(document.activeElement).toBe(alert)
  })

  it('has a message for every error code the actions document', () => {
    expect(KNOWN_ERROR_CODES).toEqual(expect.arrayContaining([...Object.keys(STATUS), 'PROFILE_NOT_FOUND']))
  })

  it('tells the agent when to retry after a rate limit, and retries on request', async () => {
    let calls = 0
    renderApp({
      routes: {
        'customer-profile': () =>
          ++calls === 1
            ? { status: 429, body: errorBody('UPSTREAM_RATE_LIMITED', 'x', { retryAfterSeconds: 30 }) }
            : { body: janeDoe() }
      }
    })
    await typeAndEnter('jane.doe@example.com')

    expect((await screen.findByTestId('retry-hint')).textContent).toBe('You can try again in 30 seconds.')
    await act(async () => {
      fireEvent.click(screen.getByTestId('error-retry'))
    })

    expect((await screen.findByTestId('result-heading')).textContent).toBe('Jane Doe')
  })

  it('offers no retry when only a different input can help', async () => {
    renderApp({ routes: { 'customer-profile': () => ({ status: 400, body: errorBody('INVALID_IDENTITY') }) } })

    await typeAndEnter('not-an-email')

    await screen.findByTestId('error-message')
    expect(screen.queryByTestId('error-retry')).toBeNull()
  })

  it('shows an unknown error code with the code itself', async () => {
    renderApp({ routes: { 'customer-profile': () => ({ status: 503, body: errorBody('SOMETHING_NEW') }) } })

    await typeAndEnter('jane.doe@example.com')

    expect((await screen.findByTestId('error-message')).textContent).toContain('error SOMETHING_NEW')
  })

  it('warns with a banner when the profile is a stale cached copy', async () => {
    const stale = janeDoe({ meta: { cache: { status: 'STALE', ageSeconds: 7200, staleReason: 'UPSTREAM_TIMEOUT' } } })
    renderApp({ routes: { 'customer-profile': () => ({ body: stale }) } })

    await typeAndEnter('jane.doe@example.com')

    const banner = await screen.findByTestId('stale-banner')
    expect(banner.textContent).toContain('Showing saved data')
    expect(banner.textContent).toContain(
      'AEP could not be reached (AEP took too long), so this is the copy saved 2 hours ago.'
    )
    expect(screen.getByTestId('cache-age').textContent).toBe('Saved copy, 2 hours ago')
  })

  it('shows Jane Doe: header, insights, audiences, events, identities and where the data comes from', async () => {
    renderApp({ routes: { 'customer-profile': () => ({ body: janeDoe() }) } })

    await typeAndEnter('jane.doe@example.com')

    const heading = await screen.findByTestId('result-heading')
    expect(heading.textContent).toBe('Jane Doe')
    expect(document.activeElement).toBe(heading)
    // Masked on a shared screen until the agent reveals it (personal-data.test.tsx covers the reveal).
    expect(screen.getByTestId('customer-contact').textContent).toBe('j•••@example.com+1•••••0123')
    expect(screen.getByTestId('customer-loyalty').textContent).toBe('Gold · 12,840 points')
    expect(screen.getByTestId('customer-since').textContent).toBe('Mar 14, 2019')
    expect(screen.getByTestId('insight-ltv').textContent).toContain('$4,820.50')
    expect(screen.getByTestId('insight-churn').textContent).toBe(
      'Churn risk72%HighLikely to stop buying soon, given 1 support call and 1 purchase recently.'
    )
    expect(screen.getByTestId('insight-engagement').textContent).toBe('Engagement41%Medium')
    expect(screen.getByTestId('audiences').textContent).toContain('High value customers · Member · since Nov 2, 2024')
    expect(screen.getByTestId('audiences').textContent).toContain('Audience aud-2 · Exited')
    const events = screen.getAllByTestId('event-item')
    expect(events.map((e) => e.getAttribute('data-kind'))).toEqual([
      'purchase',
      'email-open',
      'support-call',
      'web-visit'
    ])
    expect(events[0]?.textContent).toBe('Purchase: Purchased 2 items — $129.902 hours ago · via web')
    expect(screen.getByTestId('identities').textContent).toContain('Loyalty ID')
    expect(screen.getByTestId('sandbox-indicator').textContent).toBe('Sandbox: prod')
    expect(screen.getByTestId('merge-policy-indicator').textContent).toBe('Merge policy: Default time-based')
    expect(screen.getByTestId('cache-age').textContent).toBe('Read from AEP just now')
  })

  it('marks each insight band with a word and an icon, not only a colour', async () => {
    renderApp({ routes: { 'customer-profile': () => ({ body: janeDoe() }) } })
    await typeAndEnter('jane.doe@example.com')

    const churn = await screen.findByTestId('insight-churn')

    expect(within(churn).getByText('High')).toBeTruthy()
    expect(churn.querySelector('[data-band="high"] svg')).not.toBeNull()
  })

  it('says so when AEP could not give the events, and still shows the profile', async () => {
    const view = janeDoe({
      meta: { events: { status: 'unavailable', reason: 'EVENTS_LOOKUP_REFUSED', nextCursor: null } }
    })
    view.customer.events = []
    renderApp({ routes: { 'customer-profile': () => ({ body: view }) } })

    await typeAndEnter('jane.doe@example.com')

    expect((await screen.findByTestId('events-unavailable')).textContent).toContain(
      'Recent activity could not be loaded from AEP'
    )
    expect(screen.getByTestId('result-heading').textContent).toBe('Jane Doe')
    expect(screen.queryByTestId('load-more')).toBeNull()
  })

  it('still shows a customer from a view cached before mapped attributes, consents and scores', async () => {
    // Prepare
    const older = JSON.parse(JSON.stringify(janeDoe())) as { customer: Record<string, unknown> }
    for (const key of ['mappedAttributes', 'consents', 'allAttributes']) delete older.customer[key]
    const insights = older.customer.insights as Record<string, unknown>
    delete insights.scores
    delete insights.computed
    delete insights.reasons
    delete insights.explanations
    renderApp({ routes: { 'customer-profile': () => ({ body: older }) } })

    // Act
    await typeAndEnter('jane.doe@example.com')

    // Assess
    expect((await screen.findByTestId('result-heading')).textContent).toBe('Jane Doe')
    expect(screen.getByTestId('insight-churn').textContent).toBe('Churn risk72%High')
    expect(screen.getByTestId('consents').textContent).toBe('No consent recorded')
    expect(screen.queryAllByTestId('mapped-attribute')).toEqual([])
    expect(screen.queryByTestId('call-reasons')).toBeNull()
    expect(screen.queryAllByTestId('score-explanation')).toEqual([])
  })

  it('renders AEP text as text, never as markup', async () => {
    const view = janeDoe()
    view.customer.name.full = '<img src=x onerror=alert(1)>Jane'
    renderApp({ routes: { 'customer-profile': () => ({ body: view }) } })

    await typeAndEnter('jane.doe@example.com')

    expect((await screen.findByTestId('result-heading')).textContent).toBe('<img src=x onerror=alert(1)>Jane')
    expect(document.querySelector('img')).toBeNull()
  })
})
