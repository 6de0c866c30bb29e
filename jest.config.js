// Node-side suites (actions, stand-ins, integration) and the web UI's jsdom suite, as two projects.
const fs = require('node:fs')

const node = {
  displayName: 'node',
  preset: 'ts-jest',
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/web/', '<rootDir>/test/e2e/'],
  transform: { '^.+\\.tsx?$': ['ts-jest', { tsconfig: 'tsconfig.json' }] }
}

const projects = [node]
if (fs.existsSync(`${__dirname}/test/web/jest.config.js`)) projects.push('<rootDir>/test/web/jest.config.js')

// testTimeout is a global option in Jest 29 (a project-level one is ignored).
module.exports = { projects, testTimeout: 30000 }
