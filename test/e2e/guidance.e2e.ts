/**
 * Helping the agent while the phone rings, in Chromium against `npm start`: Jane Doe's likely
 * reasons for the call with their evidence, her contact details masked until Reveal, and the
 * 12-month chart; in en and zh-Hant, axe-clean.
 */
import type { Browser } from 'playwright-core'
import { launch, openConsole, screenshot, search, seriousA11yViolations, waitForTestId } from './browser'

jest.retryTimes(1, { logErrorsBeforeRetry: true })

let browser: Browser
beforeAll(async () => {
  browser = await launch()
})
afterAll(async () => {
  await browser.close()
})

describe('guidance for the agent', () => {
  it("shows Jane Doe's reasons with evidence, masks her contact details until Reveal, and draws the chart", async () => {
    const { context, page } = await openConsole(browser)
    await search(page, 'jane.doe@example.com')
    await waitForTestId(page, 'call-reasons')
    const codes = await page
      .locator('[data-testid=call-reason]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-code')))
    expect(codes).toEqual(expect.arrayContaining(['recent-support-contact', 'abandoned-cart']))
    await expect(page.getByTestId('call-reasons').innerText()).resolves.toContain('Delivery delay')
    // Masked on a shared screen: the e-mail is not on the page until the agent reveals it.
    await expect(page.getByTestId('customer-view').innerText()).resolves.not.toContain('jane.doe@example.com')
    await expect(page.locator('[data-masked=true]').count()).resolves.toBeGreaterThan(0)
    await waitForTestId(page, 'activity-chart')
    // The chart is an image with a text alternative that states the figures.
    const chart = page.getByTestId('activity-chart')
    await expect(chart.getAttribute('role')).resolves.toBe('img')
    await expect(chart.locator('desc').textContent()).resolves.toMatch(/\d/)
    expect(await seriousA11yViolations(page)).toEqual([])
    await screenshot(page, 'guidance-masked')
    await page.getByTestId('reveal-personal-data').click()
    await page.locator('[data-masked=true]').first().waitFor({ state: 'detached', timeout: 10_000 })
    await expect(page.getByTestId('customer-view').innerText()).resolves.toContain('jane.doe@example.com')
    await context.close()
  })

  it('reads the reasons in Traditional Chinese', async () => {
    const { context, page } = await openConsole(browser, { locale: 'zh-TW' })
    await search(page, 'jane.doe@example.com')
    await waitForTestId(page, 'call-reasons')
    await expect(page.getByTestId('call-reasons').innerText()).resolves.toMatch(/[\u4e00-\u9fff]/)
    await waitForTestId(page, 'activity-chart')
    await screenshot(page, 'guidance-zh-hant')
    await context.close()
  })
})
