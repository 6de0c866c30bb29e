/**
 * A customer an admin loaded with `npm start -- --data` (examples/luma, Adobe's Luma tutorial
 * shapes), in Chromium: the purchase with its amount and products, the email open, the app launch,
 * the call-centre interaction read through the mapping, consents and loyalty, and the all-attributes
 * panel. Screenshots in en and zh-Hant go where console.e2e.ts puts its own.
 */
import type { Browser, Page } from 'playwright-core'
import { launch, openConsole, screenshot, seriousA11yViolations, waitForTestId } from './browser'

jest.retryTimes(1, { logErrorsBeforeRetry: true })

let browser: Browser
beforeAll(async () => {
  browser = await launch()
})
afterAll(async () => {
  await browser.close()
})

/** Leah Moreno's screen-pop link, by the loyalty id the Luma data stores as a number. */
const LEAH = '#/customer?ns=lumaLoyaltyId&id=5550123'

const eventLines = (page: Page, kind: string): Promise<string[]> =>
  page.locator(`[data-testid=event-item][data-kind=${kind}]`).allInnerTexts()

describe('a customer from a --data folder', () => {
  it('shows her purchase, products, email open, app launch, mapped call, consents and loyalty', async () => {
    const { context, page } = await openConsole(browser, { hash: LEAH })
    await waitForTestId(page, 'customer-view')
    await expect(page.getByTestId('result-heading').textContent()).resolves.toContain('Leah Moreno')
    const purchases = await eventLines(page, 'purchase')
    expect(purchases.some((line) => line.includes('$252.19'))).toBe(true)
    expect((await eventLines(page, 'cart-add')).join(' ')).toMatch(/\w/)
    expect(await eventLines(page, 'email-open')).toHaveLength(1)
    expect((await eventLines(page, 'app-launch')).join(' ')).toContain('Luma')
    const mapped = page.locator('[data-testid=event-item][data-source=mapping]')
    await expect(mapped.count()).resolves.toBeGreaterThan(0)
    await expect(page.locator('[data-testid=consent][data-status=denied]').count()).resolves.toBeGreaterThan(0)
    await expect(page.locator('[data-testid=mapped-attribute][data-attribute-id=crmId]').count()).resolves.toBe(1)
    await expect(page.getByTestId('customer-view').innerText()).resolves.toContain('48,210')
    const body = await page.locator('body').innerText()
    expect(body.toLowerCase()).not.toContain('unknown')
    // Personal data is masked on a shared screen until the agent reveals it (an audited call).
    await expect(page.locator('[data-masked=true]').count()).resolves.toBeGreaterThan(0)
    await page.getByTestId('reveal-personal-data').click()
    await page.locator('[data-masked=true]').first().waitFor({ state: 'detached', timeout: 10_000 })
    await page.getByTestId('all-attributes').getByRole('button').first().click()
    await page.getByTestId('all-attributes-search').fill('firstName')
    // The search opens the matching branch: her first name shows under person.name.
    await page.getByTestId('all-attributes').getByText('Leah', { exact: false }).first().waitFor({ timeout: 10_000 })
    await screenshot(page, 'data-customer')
    expect(await seriousA11yViolations(page)).toEqual([])
    await context.close()
  })

  it('reads the same customer in Traditional Chinese', async () => {
    const { context, page } = await openConsole(browser, { hash: LEAH, locale: 'zh-TW' })
    await waitForTestId(page, 'customer-view')
    const mapped = await page.locator('[data-testid=event-item][data-source=mapping]').allInnerTexts()
    expect(mapped.join(' ')).toMatch(/[\u4e00-\u9fff]/)
    await screenshot(page, 'data-customer-zh-hant')
    await context.close()
  })
})
