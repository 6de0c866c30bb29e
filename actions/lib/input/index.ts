export * from './identity'
export * from './lookup-request'
export * from './params'
export * from './requests'
