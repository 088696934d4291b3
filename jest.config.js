// Jest runs every suite against real services that tests/support/global-setup.ts provisions:
// a PostgreSQL (embedded, or TEST_DATABASE_URL), a Temporal dev server and, for browser tests,
// Chromium. Two workers: the machines this runs on have two cores.
export default {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  transform: { '^.+\\.(t|j)sx?$': '<rootDir>/tests/support/jest-transform.cjs' },
  // The generated Prisma client loads its query compiler as ESM (.mjs); Jest runs CommonJS, and
  // Prisma ships a CommonJS twin (.js) of each of those files.
  moduleNameMapper: {
    '^@prisma/client/runtime/(query_compiler_bg\\.postgresql(?:\\.wasm-base64)?)\\.mjs$':
      '<rootDir>/node_modules/@prisma/client/runtime/$1.js',
  },
  moduleFileExtensions: ['ts', 'tsx', 'js', 'cjs', 'mjs', 'json'],
  globalSetup: '<rootDir>/tests/support/global-setup.ts',
  globalTeardown: '<rootDir>/tests/support/global-teardown.ts',
  maxWorkers: 2,
  testTimeout: 30_000,
  slowTestThreshold: 15,
};
