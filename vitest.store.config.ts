import { defineConfig } from 'vitest/config';

// The team store against a real S3 engine with Object Lock: a loopback Ceph RADOS Gateway that the global
// setup starts and stops (tests/support/ceph-rgw.sh), never a mock.
export default defineConfig({
  resolve: { alias: { '@': new URL('.', import.meta.url).pathname } },
  test: {
    include: ['tests/store/**/*.test.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    globalSetup: ['./tests/store/global-setup.ts'],
  },
});
