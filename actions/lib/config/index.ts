export * from './config'
export * from './insight-map'
