import { defineConfig } from 'vitest/config';

// Pure domain tests need no database; integration tests share one embedded PostgreSQL started by the global
// setup (one cloned database per file); reliability tests start their own processes.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: [
            'test/domain/**/*.test.ts',
            'test/contract/**/*.test.ts',
            'test/architecture/**/*.test.ts',
          ],
        },
      },
      {
        test: {
          name: 'integration',
          include: ['test/**/*.test.ts'],
          exclude: ['test/domain/**', 'test/contract/**', 'test/architecture/**', 'test/reliability/**'],
          globalSetup: ['test/global-setup.ts'],
          setupFiles: ['test/support/clock-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        // Fault, load and attack tests (docs/reliability.md): real processes killed and restarted, one file at a time.
        test: {
          name: 'reliability',
          include: ['test/reliability/**/*.test.ts'],
          globalSetup: ['test/global-setup.ts'],
          setupFiles: ['test/support/clock-setup.ts'],
          fileParallelism: false,
          testTimeout: 240_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
