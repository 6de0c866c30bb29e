import { existsSync } from 'node:fs'
import { startApp } from './app-process'
import { CHROMIUM } from './browser'

export default async function globalSetup(): Promise<void> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `The browser tests need Chromium at ${CHROMIUM}. Install Debian's package: apt-get install chromium (or set CHROMIUM_PATH).`
    )
  }
  await startApp()
}
