import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'react-example',
    include: ['test/**/*.test.ts'],
    // The end-to-end suite starts the built servers and Chromium; one file at a time on 2 cores.
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
