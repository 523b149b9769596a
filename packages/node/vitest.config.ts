import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'node',
    // Property suites (10 000 cases) and spawned CLIs are slow on a busy 2-core CI machine.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    include: ['src/**/*.test.ts'],
  },
});
