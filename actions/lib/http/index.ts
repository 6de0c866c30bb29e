export * from './audited'
export * from './responses'
export * from './web-action'
export * from './web-request'
