export * from './caller-auth'
export * from './ims-client'
export * from './service-token'
