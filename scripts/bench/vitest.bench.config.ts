import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Only for `npm run bench`: benchmarks whose subject is TypeScript run through vitest — the synthetic
// multi-GiB export (scripts/bench/synthetic-export.mjs) and the suggestion corpus
// (scripts/bench/suggestions.mjs, which sets BENCH_RUN_FILE). Never part of `npm test`: the unit config
// includes `*.test.ts` files only, and these are named `.run.ts`.
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export default defineConfig({
  root,
  resolve: { alias: { '@': root } },
  test: {
    include: [process.env.BENCH_RUN_FILE ?? 'scripts/bench/synthetic-export.run.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 60 * 60_000,
  },
});
