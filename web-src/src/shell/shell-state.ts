/**
 * What the console knows about where it runs: the IMS credentials, the shell's locale, theme and
 * sandbox, and whether sign-in is done. Read it anywhere through `useShell()`.
 */
import { createContext, useContext } from 'react'
import type { Credentials } from '../api/types'

export type ShellMode = 'shell' | 'standalone'
/** starting: waiting for credentials · ready · unavailable: standalone without a demo sign-in · failed: sign-in failed */
export type ShellStatus = 'starting' | 'ready' | 'unavailable' | 'failed'
export type ColorScheme = 'light' | 'dark'

export interface ShellState {
  mode: ShellMode
  status: ShellStatus
  credentials: Credentials | null
  /** Locale tag as the shell reports it (e.g. "zh_TW"); null standalone. */
  locale: string | null
  /** null follows the system (prefers-color-scheme). */
  colorScheme: ColorScheme | null
  /** The shell's current AEP sandbox name; null = the action's default. */
  sandbox: string | null
  /** The shell's tenant (the `@…` of Experience Cloud URLs); null standalone. */
  tenant: string | null
}

export interface Shell extends ShellState {
  /** Tells the Experience Cloud shell the app is ready (once; later calls are ignored). */
  done(): void
  /** The page title, shown by the Experience Cloud shell's header (no-op standalone). */
  setTitle(title: string): void
  /** Gets fresh credentials after a 401; resolves true when the call may be retried. */
  renewCredentials(): Promise<boolean>
  /** Tries signing in again after a failure. */
  retry(): void
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null
}

function nonEmpty(v: unknown): string | undefined {
  return typeof v === 'string' && v.trim() !== '' ? v : undefined
}

/** Maps a shell theme name ("light", "spectrum--darkest", …) onto a colour scheme. */
export function colorSchemeOf(theme: unknown): ColorScheme | null {
  if (typeof theme !== 'string') return null
  if (/dark/i.test(theme)) return 'dark'
  if (/light/i.test(theme)) return 'light'
  return null
}

/**
 * Folds a `ready` or `configuration` payload of the exc-app runtime into the state. Payloads carry
 * only what changed, so absent fields keep their value.
 */
export function applyShellPayload(state: ShellState, payload: unknown): ShellState {
  if (!isRecord(payload)) return state
  const token = nonEmpty(payload.imsToken) ?? state.credentials?.token
  const org = nonEmpty(payload.imsOrg) ?? state.credentials?.org
  const sandbox = isRecord(payload.sandbox) ? (nonEmpty(payload.sandbox.name) ?? state.sandbox) : state.sandbox
  const colorScheme = 'theme' in payload ? (colorSchemeOf(payload.theme) ?? state.colorScheme) : state.colorScheme
  const credentials = token && org ? { token, org } : null
  return {
    ...state,
    credentials,
    locale: nonEmpty(payload.locale) ?? state.locale,
    colorScheme,
    sandbox,
    tenant: nonEmpty(payload.tenant) ?? state.tenant,
    status: credentials ? 'ready' : state.status
  }
}

export const INITIAL_SHELL_STATE: ShellState = {
  mode: 'standalone',
  status: 'starting',
  credentials: null,
  locale: null,
  colorScheme: null,
  sandbox: null,
  tenant: null
}

export const ShellContext = createContext<Shell | null>(null)

/** The shell the console runs in; must be used below ExcShellProvider or StandaloneShellProvider. */
export function useShell(): Shell {
  const shell = useContext(ShellContext)
  if (!shell) throw new Error('useShell must be used inside a shell provider')
  return shell
}
