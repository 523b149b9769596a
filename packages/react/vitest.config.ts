import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'react',
    include: ['test/**/*.test.ts'],
    // The Chromium suites launch their own browser; on a 2-core machine, one at a time.
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
