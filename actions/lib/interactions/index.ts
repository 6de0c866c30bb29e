export * from './event'
export * from './note'
export * from './wrap-up'
