import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'browser',
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // Each Chromium suite launches its own browser; on a 2-core machine, one at a time.
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
