export * from './assemble-view'
export * from './batch-lookup'
export * from './cached-lookup'
export * from './single-lookup'
