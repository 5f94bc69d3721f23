import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // A guard against hangs, not a speed target (speed is measured by `npm run bench`): property
    // tests and validator compiles take seconds on a loaded 2-core machine.
    testTimeout: 60_000,
  },
});
