export * from './entries'
export * from './profile-cache'
export * from './state-namespace'
export * from './state-store'
