import { defineConfig } from 'vitest/config';

// End-to-end tests drive the built extension in a real headless Chromium, one file at a time.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.test.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
    globalSetup: ['./tests/e2e/global-setup.ts'],
  },
});
