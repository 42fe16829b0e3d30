import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Real databases and real files: give slow machines room, but never retry to hide flakiness.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
