/** Debian's Chromium through playwright-core (no downloaded browser), with the flags this machine needs. */

import { mkdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core'
import { AEP_CONTROL, ROOT, UI_URL } from './app-process'

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--ignore-certificate-errors'
    ]
  })
}

export async function openConsole(
  browser: Browser,
  opts: { locale?: string; hash?: string; colorScheme?: 'light' | 'dark' } = {}
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    ignoreHTTPSErrors: true,
    locale: opts.locale ?? 'en-US',
    colorScheme: opts.colorScheme ?? 'light',
    viewport: { width: 1280, height: 900 }
  })
  const page = await context.newPage()
  await page.goto(`${UI_URL}${opts.hash ?? ''}`)
  // Signed in and the pickers loaded: typing before that could race the first render.
  await page.getByTestId('search-value').waitFor()
  await page.waitForLoadState('networkidle')
  return { context, page }
}

/** Waits for a test id; on timeout the error carries the page's text and a screenshot is left in dist/. */
export async function waitForTestId(page: Page, id: string, timeout = 20_000): Promise<void> {
  try {
    await page.getByTestId(id).first().waitFor({ timeout })
  } catch (e) {
    await page.screenshot({ path: join(ROOT, 'dist', `e2e-wait-${id}-${Date.now()}.png`), fullPage: true })
    const text = (await page.locator('body').innerText()).slice(0, 1500)
    throw new Error(`"${id}" did not appear; the page (${page.url()}) said:\n${text}`, { cause: e })
  }
}

/** Types an identity and presses Enter, then waits until the console shows an outcome of that search. */
export async function search(page: Page, value: string): Promise<void> {
  const field = page.getByTestId('search-value')
  await field.fill(value)
  await field.press('Enter')
  const outcome =
    '[data-testid=customer-view], [data-testid=not-found], [data-testid=error-message], [data-testid=customer-skeleton]'
  try {
    await page.locator(outcome).first().waitFor({ timeout: 15_000 })
  } catch (e) {
    // Leave evidence for whoever reads the CI log.
    await page.screenshot({ path: join(ROOT, 'dist', `e2e-search-failure-${Date.now()}.png`), fullPage: true })
    const text = (await page.locator('body').innerText()).slice(0, 1500)
    throw new Error(`searching "${value}" showed no outcome; the page said:\n${text}`, { cause: e })
  }
}

/** Sets faults/latency on the running AEP stand-in (its /__control endpoint). */
export async function aepControl(update: Record<string, unknown>): Promise<void> {
  const res = await fetch(AEP_CONTROL, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(update)
  })
  if (!res.ok) throw new Error(`AEP control answered ${res.status}`)
}

/**
 * Where screenshot() writes: test-results/screenshots/ (git-ignored), so a test run leaves the
 * tracked tree alone. `npm run docs:screenshots` sets SCREENSHOT_DIR=docs/screenshots to refresh
 * the committed ones on purpose. A relative SCREENSHOT_DIR is taken from the repository root.
 */
export function screenshotDir(env: NodeJS.ProcessEnv = process.env): string {
  return resolve(ROOT, env.SCREENSHOT_DIR || join('test-results', 'screenshots'))
}

export async function screenshot(page: Page, name: string): Promise<void> {
  const dir = screenshotDir()
  mkdirSync(dir, { recursive: true })
  await page.screenshot({ path: join(dir, `${name}.png`), fullPage: true })
}

/** axe-core's violations of serious or critical impact on the current page. */
export async function seriousA11yViolations(
  page: Page
): Promise<Array<{ id: string; impact: string | null; nodes: number }>> {
  await page.addScriptTag({ content: readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8') })
  const violations = await page.evaluate(async () => {
    const w = window as unknown as {
      axe: {
        run(ctx: Document): Promise<{ violations: Array<{ id: string; impact: string | null; nodes: unknown[] }> }>
      }
    }
    const result = await w.axe.run(document)
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length }))
  })
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
}
