export * from './batch-lookup'
export * from './cached-lookup'
export * from './single-lookup'
