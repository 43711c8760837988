/** Jest runs TypeScript through SWC (fast, no type checking: `npm run typecheck` does that). */
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', tsx: true },
      transform: { react: { runtime: 'automatic' } },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
  },
];

module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  setupFiles: ['<rootDir>/test/setup/shipped-data.ts'],
  transform: { '^.+\\.(t|j)sx?$': swc },
  // Some dependencies ship ES modules only; let SWC turn them into CommonJS for jest.
  transformIgnorePatterns: ['/node_modules/(?!(idb|fake-indexeddb)/)'],
  moduleFileExtensions: ['ts', 'tsx', 'js', 'mjs', 'cjs', 'json'],
  testTimeout: 30000,
};
