/**
 * Component tests of the agent console (web-src/) in jsdom.
 * Run alone with `npx jest -c test/web/jest.config.js`, or as a project of the root config.
 */
const path = require('node:path')

module.exports = {
  displayName: 'web',
  rootDir: path.join(__dirname, '..', '..'),
  roots: ['<rootDir>/test/web'],
  testEnvironment: 'jsdom',
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  transform: {
    '^.+\\.tsx?$': ['ts-jest', { tsconfig: '<rootDir>/test/web/tsconfig.json' }]
  },
  // React Spectrum's components import their CSS; jsdom does not need it.
  moduleNameMapper: { '\\.css$': '<rootDir>/test/web/support/style-stub.js' },
  setupFiles: ['<rootDir>/test/web/support/setup-dom.ts']
}
