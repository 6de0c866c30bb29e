export * from './audit'
export * from './hashing'
export * from './logger'
