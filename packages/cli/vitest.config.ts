import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'cli',
    // Spawned CLIs and a package build are slow on a busy 2-core CI machine.
    testTimeout: 120_000,
    hookTimeout: 300_000,
    include: ['src/**/*.test.ts'],
  },
});
