// The risk benchmarks' seeding helpers for an extension page (as extension-seed.mjs does for evidence): the
// evidence seed, the synthetic register (tests/support/risk-seed.ts), the register's import write and CSV writer,
// bundled with esbuild and evaluated over CDP, so what is stored has exactly the shapes the product writes.
import path from 'node:path';
import { build } from 'esbuild';
import { REPO_ROOT } from '../../tests/e2e/chromium.mjs';

/** The evidence seed, the synthetic register and the register's own import write, bundled for an extension page. */
export async function riskSeedingScript() {
  const result = await build({
    stdin: {
      contents: [
        "export { seedEvidence } from './tests/support/seed.ts';",
        "export { syntheticRisks } from './tests/support/risk-seed.ts';",
        "export { EvidenceDatabase } from './storage/db.ts';",
        "export { applyRiskImport } from './storage/risk-repository.ts';",
        "export { riskRegisterCsv } from './utils/risk/risk-csv.ts';",
        "export { DEFAULT_RISK_CRITERIA } from './utils/risk/criteria.ts';",
      ].join('\n'),
      resolveDir: REPO_ROOT,
      sourcefile: 'bench-risk-seed.ts',
      loader: 'ts',
    },
    tsconfig: path.join(REPO_ROOT, 'tsconfig.json'),
    bundle: true,
    format: 'iife',
    globalName: '__benchRisks',
    platform: 'browser',
    target: 'chrome120',
    write: false,
    logLevel: 'error',
  });
  return `${result.outputFiles[0].text}\nglobalThis.__benchRisks = __benchRisks;`;
}
