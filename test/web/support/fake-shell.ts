/**
 * A stand-in for the Experience Cloud shell's module runtime (`window['exc-module-runtime']`),
 * enough for exc-app's init() and runtime(): event handlers, emit, a done() spy, and the
 * `solution`/`title` the app writes for the shell's header.
 */
type Handler = (payload?: unknown) => void

export interface FakeRuntime {
  on(type: string, handler: Handler): void
  off(type: string, handler: Handler): void
  emit(type: string, payload: unknown): void
  done: jest.Mock
  listeners(type: string): number
  solution?: unknown
  title?: string
}

export function installFakeShell(): FakeRuntime {
  const handlers = new Map<string, Set<Handler>>()
  const runtime: FakeRuntime = {
    on: (type, handler) => {
      handlers.set(type, (handlers.get(type) ?? new Set()).add(handler))
    },
    off: (type, handler) => {
      handlers.get(type)?.delete(handler)
    },
    emit: (type, payload) => {
      for (const h of handlers.get(type) ?? []) h(payload)
    },
    done: jest.fn(),
    listeners: (type) => handlers.get(type)?.size ?? 0
  }
  Object.defineProperty(window, 'exc-module-runtime', {
    configurable: true,
    writable: true,
    value: { default: () => runtime }
  })
  return runtime
}

export function removeFakeShell(): void {
  Reflect.deleteProperty(window, 'exc-module-runtime')
}
