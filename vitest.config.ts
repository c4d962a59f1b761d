import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'common/**/*.test.ts',
      'server/**/*.test.ts',
      'devtenant/**/*.test.ts',
      'manifest/**/*.test.ts',
      'scripts/**/*.test.ts',
      'addin/src/**/*.test.ts',
    ],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Both cores: the long suites (convergence halves, crash test, PostgreSQL) then run side by side.
    maxWorkers: 2,
    globalSetup: ['server/test/globalSetup.ts'],
  },
});
