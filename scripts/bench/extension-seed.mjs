// Seeds the extension's database for the benchmarks from inside one of its pages. The storage code
// (tests/support/seed.ts, storage/db.ts, the custody log and the coverage index) is bundled with esbuild and
// evaluated in the page over CDP, which the page's CSP does not restrict; records therefore have
// exactly the shapes the product writes.
/* global fetch, Blob */
import path from 'node:path';
import { build } from 'esbuild';
import { openBackgroundPage, REPO_ROOT } from '../../tests/e2e/chromium.mjs';

let bundled;

/** The seeding helpers as one browser script that defines `globalThis.__benchSeed`. */
export function seedingScript() {
  bundled ??= build({
    stdin: {
      contents: [
        "export { seedEvidence } from './tests/support/seed.ts';",
        "export { EvidenceDatabase } from './storage/db.ts';",
        "export { appendCustody } from './storage/custody-log.ts';",
        "export { updateCoverageIndex } from './storage/coverage-index.ts';",
        "export { storeSeededCapture } from './tests/support/seeded-capture.ts';",
      ].join('\n'),
      resolveDir: REPO_ROOT,
      sourcefile: 'bench-seed.ts',
      loader: 'ts',
    },
    // The `@/…` imports resolve through tsconfig.json's paths.
    tsconfig: path.join(REPO_ROOT, 'tsconfig.json'),
    bundle: true,
    format: 'iife',
    globalName: '__benchSeed',
    platform: 'browser',
    target: 'chrome120',
    write: false,
    logLevel: 'error',
  }).then((result) => `${result.outputFiles[0].text}\nglobalThis.__benchSeed = __benchSeed;`);
  return bundled;
}

/** Opens an extension page in a background tab with the seeding helpers loaded. */
export async function openSeedingPage(extension) {
  const page = await openBackgroundPage(
    extension,
    `chrome-extension://${extension.extensionId}/popup.html?bench-seed`,
  );
  await page.evaluate(await seedingScript());
  return page;
}

/**
 * Adds `count` synthetic records with tests/support/seed.ts (realistic console titles, text, controls and
 * statuses, tiny blobs, coverage index and custody chain). Returns the total record count.
 */
export function seedSynthetic(page, count, seed) {
  return page.evaluate(
    async ({ count, seed }) => {
      const { seedEvidence, EvidenceDatabase } = globalThis.__benchSeed;
      const db = new EvidenceDatabase();
      try {
        const result = await seedEvidence(db, count, { seed });
        return { milliseconds: result.milliseconds, total: await db.evidence.count() };
      } finally {
        db.close();
      }
    },
    { count, seed },
  );
}

/**
 * Stores evidence whose bytes are fetched from `baseUrl` (`<baseUrl><id>/<file name>`), one record per
 * transaction with its coverage-index update and custody entry, as a capture would be stored
 * (tests/support/seeded-capture.ts).
 * @param {{ id: string, capturedAt: string, controls: string[], files: { role: string, name: string, mimeType: string, size: number, sha256: string }[] }[]} items
 */
export function seedFiles(page, baseUrl, items) {
  return page.evaluate(
    async ({ baseUrl, items }) => {
      const { EvidenceDatabase, storeSeededCapture } = globalThis.__benchSeed;
      const db = new EvidenceDatabase();
      try {
        for (const item of items) {
          const blobs = await Promise.all(
            item.files.map(async (file) => {
              const response = await fetch(`${baseUrl}${item.id}/${file.name}`);
              if (!response.ok) throw new Error(`${item.id}/${file.name}: HTTP ${response.status}`);
              const blob = new Blob([await response.blob()], { type: file.mimeType });
              if (blob.size !== file.size) throw new Error(`${item.id}/${file.name}: ${blob.size} bytes`);
              return blob;
            }),
          );
          const files = item.files.map((file, index) => ({ ...file, blob: blobs[index] }));
          await storeSeededCapture(db, { ...item, files }, 'Benchmark');
        }
        return db.evidence.count();
      } finally {
        db.close();
      }
    },
    { baseUrl, items },
  );
}
