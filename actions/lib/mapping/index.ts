export * from './mapped-paths'
export * from './parse'
export { DEFAULT_REASONS } from './reason-settings'
export * from './types'
