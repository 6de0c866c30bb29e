export * from './mapped-paths'
export * from './parse'
export * from './types'
