import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'i18n',
    // The property suites run 10 000 cases each; on a busy 2-core CI machine that takes longer than 5 s.
    testTimeout: 120_000,
    include: ['src/**/*.test.ts'],
  },
});
