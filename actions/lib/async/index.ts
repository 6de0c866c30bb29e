export * from './timeout'
