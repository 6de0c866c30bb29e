import { stopApp } from './app-process'

export default async function globalTeardown(): Promise<void> {
  stopApp()
  await new Promise((r) => setTimeout(r, 1500))
}
