/**
 * Closing the loop, in Chromium against `npm start`: the agent wraps up a call for Jane Doe (topic,
 * outcome, sentiment, note, follow-up date), sees it at once as pending, and after the AEP
 * stand-in's ingestion delay and a refresh, exactly once as stored in her timeline. With the
 * collection endpoint down, the form says so and keeps everything typed; a retry then lands it.
 * In en and zh-Hant, axe-clean.
 */
import { request } from 'node:https'
import type { Browser, Page } from 'playwright-core'
import { mintDemoToken } from '../../scripts/lib/demo-token'
import { aepControl, launch, openConsole, screenshot, search, seriousA11yViolations, waitForTestId } from './browser'

jest.retryTimes(1, { logErrorsBeforeRetry: true })

/** Long enough to see "pending" first, short enough for a test. */
const INGESTION_DELAY_MS = 1500
const BASE = 'https://localhost:9080/api/v1/web/customer-activity-hub'
const ORG = 'DEMO0000000000000000000A@AdobeOrg'
const NOTE = 'Parcel held at the depot; courier re-booked for Tuesday.'

/** One HTTPS call to aio app dev (its certificate is self-signed); resolves with the status. */
function call(token: string, action: string, query: string, body?: string): Promise<number> {
  return new Promise<number>((resolve, reject) => {
    const req = request(
      `${BASE}/${action}${query}`,
      {
        method: body === undefined ? 'GET' : 'POST',
        rejectUnauthorized: false,
        timeout: 120_000,
        headers: { authorization: `Bearer ${token}`, 'x-gw-ims-org-id': ORG, 'content-type': 'application/json' }
      },
      (res) => {
        res.resume()
        res.on('end', () => resolve(res.statusCode ?? 0))
      }
    )
    req.on('timeout', () => req.destroy(new Error('timed out')))
    req.on('error', reject)
    req.end(body)
  })
}

/**
 * `aio app dev` builds an action the first time it is called, and the UI it serves may reload
 * then: every action the page uses is called once (a wrap-up refused with 400) and the reload
 * waited out before the browser opens, so no click races a build.
 */
async function warmUp(): Promise<void> {
  const token = await mintDemoToken('http://127.0.0.1:9102', ORG)
  const jane = '?namespace=email&id=jane.doe%40example.com'
  const statuses = [
    await call(token, 'metadata', ''),
    await call(token, 'customer-profile', jane),
    await call(token, 'customer-events', `${jane}&limit=1`),
    await call(token, 'customer-interactions', '', '{}')
  ]
  if (statuses.join() !== '200,200,200,400') throw new Error(`warming the actions up answered ${statuses.join(', ')}`)
  await new Promise((resolve) => setTimeout(resolve, 5000))
}

let browser: Browser
beforeAll(async () => {
  await warmUp()
  browser = await launch()
})
/** Jane as the other suites know her: no wrap-up of ours in AEP or in any cache (memory holds views 5 s). */
afterAll(async () => {
  await aepControl({ reset: true, ingestionDelayMs: 3000, clearIngested: true })
  const token = await mintDemoToken('http://127.0.0.1:9102', ORG)
  const status = await call(
    token,
    'cache-invalidate',
    '',
    JSON.stringify({ namespace: 'email', id: 'jane.doe@example.com' })
  )
  await browser.close()
  await new Promise((resolve) => setTimeout(resolve, 6000))
  if (status !== 200) throw new Error(`clearing Jane's cached views answered ${status}`)
})
beforeEach(async () => {
  await aepControl({ reset: true, ingestionDelayMs: INGESTION_DELAY_MS })
})

/** Fills the form: Delivery, Follow-up needed, Neutral, the note, and a follow-up date a week ahead. */
async function fillWrapUp(page: Page, labels: { topic: string; outcome: string; sentiment: string }): Promise<void> {
  await waitForTestId(page, 'wrap-up-panel')
  await page.getByTestId('wrap-up-topic').click()
  await page.getByRole('option', { name: labels.topic }).click()
  // The listbox closes with an animation; until it has gone it covers the form.
  await page.getByRole('listbox').waitFor({ state: 'detached' })
  await page.getByTestId('wrap-up-outcome').getByRole('radio', { name: labels.outcome, exact: true }).check()
  await page.getByTestId('wrap-up-sentiment').getByRole('radio', { name: labels.sentiment, exact: true }).check()
  await page.getByTestId('wrap-up-note').fill(NOTE)
}

async function setFollowUp(page: Page, daysAhead: number): Promise<string> {
  const d = new Date(Date.now() + daysAhead * 86_400_000)
  const mm = String(d.getMonth() + 1).padStart(2, '0')
  const dd = String(d.getDate()).padStart(2, '0')
  const first = page.getByTestId('wrap-up-follow-up').getByRole('spinbutton').first()
  await first.click()
  await page.keyboard.type(`${mm}${dd}${d.getFullYear()}`)
  return `${d.getFullYear()}-${mm}-${dd}`
}

/** The timeline entries with this event id (stored ones; the pending one has its own test id). */
const stored = (page: Page, eventId: string) => page.locator(`[data-testid=event-item][data-event-id="${eventId}"]`)

describe('wrapping up a call', () => {
  it('records it for Jane Doe: pending at once, then stored exactly once after a refresh', async () => {
    const { context, page } = await openConsole(browser)
    await search(page, 'jane.doe@example.com')
    await fillWrapUp(page, { topic: 'Delivery', outcome: 'Follow-up needed', sentiment: 'Neutral' })
    const date = await setFollowUp(page, 7)
    await expect(page.locator('input[name=followUpDate]').inputValue()).resolves.toBe(date)
    expect(await seriousA11yViolations(page)).toEqual([])
    await screenshot(page, 'wrap-up-form')

    await page.getByTestId('wrap-up-submit').click()
    await waitForTestId(page, 'wrap-up-saved')
    const pending = page.getByTestId('timeline-pending')
    await expect(pending.innerText()).resolves.toContain('Delivery')
    const eventId = (await pending.getAttribute('data-event-id')) ?? ''
    expect(eventId).toMatch(/^cah-[0-9a-f]{32}$/)
    await screenshot(page, 'wrap-up-pending')

    // After AEP's (modelled) ingestion delay the profile has it: a refresh shows it once, as stored.
    await page.waitForTimeout(INGESTION_DELAY_MS + 500)
    await waitForTestId(page, 'refresh')
    await page.getByTestId('refresh').click()
    await stored(page, eventId).first().waitFor({ timeout: 15_000 })
    await expect(stored(page, eventId).count()).resolves.toBe(1)
    await expect(page.getByTestId('timeline-pending').count()).resolves.toBe(0)
    await expect(stored(page, eventId).innerText()).resolves.toContain('Delivery')
    await expect(stored(page, eventId).innerText()).resolves.toContain('Follow-up needed')
    await context.close()
  })

  it('keeps what the agent typed when the collection endpoint is down, and lands it on retry', async () => {
    const { context, page } = await openConsole(browser)
    await search(page, 'jane.doe@example.com')
    await fillWrapUp(page, { topic: 'Billing', outcome: 'Escalated', sentiment: 'Negative' })
    await aepControl({ faults: [{ route: 'streaming.collection', type: '503' }] })

    await page.getByTestId('wrap-up-submit').click()
    await waitForTestId(page, 'wrap-up-error', 30_000)
    await expect(page.getByTestId('wrap-up-note').inputValue()).resolves.toBe(NOTE)
    await expect(page.getByTestId('wrap-up-topic').innerText()).resolves.toContain('Billing')
    await expect(page.getByTestId('timeline-pending').count()).resolves.toBe(0)

    await aepControl({ reset: true, ingestionDelayMs: INGESTION_DELAY_MS })
    await page.getByTestId('wrap-up-retry').click()
    await waitForTestId(page, 'wrap-up-saved')
    await expect(page.getByTestId('timeline-pending').count()).resolves.toBe(1)
    await context.close()
  })

  it('reads the form in Traditional Chinese', async () => {
    const { context, page } = await openConsole(browser, { locale: 'zh-TW' })
    await search(page, 'jane.doe@example.com')
    await waitForTestId(page, 'wrap-up-panel')
    await expect(page.getByTestId('wrap-up-panel').innerText()).resolves.toMatch(/[\u4e00-\u9fff]/)
    await fillWrapUp(page, { topic: '配送', outcome: '已解決', sentiment: '正面' })
    expect(await seriousA11yViolations(page)).toEqual([])
    await screenshot(page, 'wrap-up-zh-hant')
    await context.close()
  })
})
