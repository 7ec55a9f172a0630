import { defineConfig } from 'vitest/config';

// Unit, service and document tests run in plain Node against real encrypted databases in temp
// folders. Forks, not threads: the native SQLite driver is happiest one per process.
export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
