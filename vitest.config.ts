import preact from '@preact/preset-vite';
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// Unit and component tests. End-to-end tests in a real Chromium have their own config.
export default defineConfig({
  plugins: [WxtVitest(), preact()],
  test: {
    environment: 'happy-dom',
    setupFiles: ['./tests/setup.ts'],
    include: [
      '{utils,storage,components,entrypoints,platform,background,content,scripts}/**/*.test.{ts,tsx}',
      // The lint boundaries, each broken on purpose.
      'tests/lint/*.test.ts',
      // Control suggestions scored on a corpus of admin-console pages.
      'tests/suggestions/*.test.ts',
    ],
    restoreMocks: true,
  },
});
