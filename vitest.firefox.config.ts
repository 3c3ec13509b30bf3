import { defineConfig } from 'vitest/config';

// The Firefox suite: the built add-on in a real headless Firefox, `web-ext lint`, and the store packages.
export default defineConfig({
  test: {
    include: ['tests/firefox/**/*.test.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
    globalSetup: ['./tests/firefox/global-setup.ts'],
  },
});
