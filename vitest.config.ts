import { defineConfig } from 'vitest/config';

// Runs every package's tests at once: `pnpm vitest run` from the root.
export default defineConfig({
  test: {
    projects: ['packages/*', 'examples/*'],
  },
});
