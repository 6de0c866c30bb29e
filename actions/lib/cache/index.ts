export * from './profile-cache'
export * from './state-store'
