import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Only for `npm run bench` (scripts/bench/synthetic-export.mjs): the synthetic multi-GiB export runs
// the TypeScript bundle writer in Node through vitest. Never part of `npm test`: the unit config
// includes `*.test.ts` files only, and this one file is named `.run.ts`.
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export default defineConfig({
  root,
  resolve: { alias: { '@': root } },
  test: {
    include: ['scripts/bench/synthetic-export.run.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 60 * 60_000,
  },
});
