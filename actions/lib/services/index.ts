export * from './services'
