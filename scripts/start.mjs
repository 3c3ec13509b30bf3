// `npm start`: build the extension, serve the demo consoles and open Chromium with the extension.
// With a display, a browser window opens on the demo home. Without one (or with --headless), the demo runs headless:
// capture the access review from the popup, save it, print what was stored and verified, then export a bundle
// through the export page into .output/demo/ and check every SHA-256 in its manifest.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import {
  chromiumProblem,
  clickToolbarButton,
  launchExtension,
  openTab,
  readDatabase,
  REPO_ROOT,
} from '../tests/e2e/chromium.mjs';
import { captureFromPopup, checkedControls, saveTagging } from '../tests/e2e/popup.mjs';
import { startFixtureServer } from '../tests/fixtures/server.mjs';
import { verifyArtifacts, verifyCustodyChain } from '../tests/e2e/verify.mjs';
import { exportAndVerify } from './demo-export.mjs';
import { seedDemo } from './demo-seed.mjs';

const problem = chromiumProblem();
if (problem) {
  console.error(problem);
  process.exit(1);
}

// `--skip-build`: the end-to-end test of this demo runs on the build the suite already made.
const build = process.argv.includes('--skip-build')
  ? { status: 0 }
  : spawnSync(path.join(REPO_ROOT, 'node_modules', '.bin', 'wxt'), ['build'], {
      cwd: REPO_ROOT,
      stdio: 'inherit',
    });
if (build.status !== 0) {
  console.error('The extension did not build (see above).');
  process.exit(1);
}

const server = await startFixtureServer();
// `npm start -- --headless` runs the scripted demo even where a display is available.
const headed =
  Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY) && !process.argv.includes('--headless');
const extension = await launchExtension({ headless: !headed });
const cleanUp = async () => {
  await extension.close();
  await server.close();
};

try {
  await seedDemo(extension);
  console.log(
    'Seeded the demo profile: capturer "Demo Admin", organisation "Northwind Demo", an example audit plan,',
  );
  console.log(
    '  a risk register of 10 IT-operations risks with SoA reasons, 4 documents, internal audit IA-1 and management review MR-1.',
  );
  if (headed) await showConsoles();
  else await runDemo();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await cleanUp();
}

async function showConsoles() {
  await openTab(extension.context, new URL('index.html', server.url).href);
  console.log(`\nDemo consoles: ${server.url}`);
  console.log(
    'Chromium is open with the extension loaded. Pin it from the puzzle-piece menu, open a console,',
  );
  console.log('and click its toolbar button. Close the browser window (or press Ctrl+C) to stop.');
  await new Promise((resolve) => {
    extension.context.once('close', resolve);
    process.once('SIGINT', resolve);
  });
}

async function runDemo() {
  console.log('\nNo display: running the demo headless.');
  const url = new URL('access-review.html', server.url).href;
  const page = await openTab(extension.context, url);
  console.log(`Opened ${url}`);
  const popup = await clickToolbarButton(extension, page);
  console.log('Clicked the toolbar button; the popup is open.');
  const result = await captureFromPopup(popup);
  if (result.outcome === 'error') throw new Error(`The popup reported: ${result.message}`);
  const controls = await checkedControls(popup);
  console.log(`Captured; suggested controls: ${controls.join(', ') || 'none'}`);
  const saved = await saveTagging(popup, { notes: 'Demo capture made by npm start.' });
  console.log(`Saved: ${saved}`);
  await popup.close();

  const dump = await readDatabase(extension, { withBlobs: true });
  // The record the popup just saved (the seed filed documents before it).
  const savedId = /EV-[\w-]+/.exec(saved)?.[0];
  const record = dump.evidence.find((item) => item.id === savedId) ?? dump.evidence.at(-1);
  if (!record) throw new Error('Nothing was stored.');
  const artifactProblems = verifyArtifacts(record, dump.blobs);
  const chainProblems = verifyCustodyChain(dump.custody);

  console.log(`\nEvidence ${record.id} (${record.status})`);
  console.log(`  captured at ${record.capturedAt} by ${record.capturer}, effective ${record.effectiveDate}`);
  console.log(`  ${record.title}`);
  console.log(`  ${record.url}`);
  console.log(`  controls: ${record.controls.join(', ') || 'none'}`);
  console.log('  artifacts:');
  for (const artifact of record.artifacts) {
    const size = `${artifact.size.toLocaleString('en')} B`.padStart(12);
    console.log(`    ${artifact.name.padEnd(16)} ${size}  sha256 ${artifact.sha256}`);
  }
  console.log(
    artifactProblems.length === 0
      ? `  every SHA-256 matches its stored bytes (${record.artifacts.length} artifacts)`
      : `  ARTIFACT PROBLEMS:\n    ${artifactProblems.join('\n    ')}`,
  );
  console.log(
    chainProblems.length === 0
      ? `Custody chain verified: ${dump.custody.length} entries, head ${dump.custody.at(-1)?.hash ?? '-'}`
      : `CUSTODY CHAIN BROKEN:\n  ${chainProblems.join('\n  ')}`,
  );
  if (artifactProblems.length > 0 || chainProblems.length > 0) {
    process.exitCode = 1;
    return;
  }

  await showTraceability();

  const bundle = await exportAndVerify(extension, path.join(REPO_ROOT, '.output', 'demo'));
  console.log(`\nExported ${path.relative(process.cwd(), bundle.zipPath)}`);
  console.log(`  every SHA-256 in manifest-sha256.txt matches (${bundle.files} files)`);
  console.log(
    `  the auditor's view: ${path.relative(process.cwd(), path.join(bundle.bagDir, 'data', 'index.html'))}`,
  );
}

/** The dashboard's traceability view, as a newcomer opens it: the seeded risks and the cells evidence covers. */
async function showTraceability() {
  const page = await extension.context.newPage();
  await page.goto(`chrome-extension://${extension.extensionId}/dashboard.html#trace`);
  const rows = page.locator('[data-testid="trace-matrix"] tr[data-risk-id]');
  await rows.first().waitFor({ timeout: 15_000 });
  const found = await rows.evaluateAll((all) =>
    all.map((row) => ({
      risk: row.getAttribute('data-risk-id') ?? '',
      covered: [...row.querySelectorAll('.trace-cell.status-covered a')].map(
        (cell) => cell.getAttribute('aria-label') ?? '',
      ),
    })),
  );
  const covered = found.flatMap(({ risk, covered }) => covered.map((label) => `${risk} × ${label}`));
  console.log(
    `\nTraceability view: ${found.length} risks (${found.map(({ risk }) => risk).join(', ')}), ${covered.length} covered cells`,
  );
  for (const line of covered) console.log(`  ${line}`);
  await page.close();
}
