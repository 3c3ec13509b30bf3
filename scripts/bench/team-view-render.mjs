// The team coverage view in real Chromium, for scripts/bench/team-pull.mjs: the built extension's team cache
// (storage/team-cache.ts, schema version 11) is filled in one of its pages with what a pull of
// INSTALLATIONS × RECORDS verified records leaves behind — per installation a row with its coverage digest,
// and every record in the team library — then dashboard.html#team is opened and timed until the team's
// summary, coverage grid and per-capturer table are painted. Baseline in the same browser: the same page over
// a team cache of one installation with 100 records (the page's fixed cost).
/* global document, performance, requestAnimationFrame, MutationObserver, window */
import path from 'node:path';
import { build } from 'esbuild';
import { launchExtension, openBackgroundPage, REPO_ROOT } from '../../tests/e2e/chromium.mjs';
import { summarize } from './report.mjs';

const RUNS = Number(process.env.BENCH_TEAM_VIEW_RUNS ?? 5);

async function cacheScript() {
  const result = await build({
    stdin: {
      contents: [
        "export { EvidenceDatabase } from './storage/db.ts';",
        "export { clearTeamCache } from './storage/team-cache.ts';",
        "export { DEFAULT_CATALOGUE } from './utils/catalogue/catalogue.ts';",
      ].join('\n'),
      resolveDir: REPO_ROOT,
      sourcefile: 'bench-team-cache.ts',
      loader: 'ts',
    },
    tsconfig: path.join(REPO_ROOT, 'tsconfig.json'),
    bundle: true,
    format: 'iife',
    globalName: '__benchTeam',
    platform: 'browser',
    target: 'chrome120',
    write: false,
    logLevel: 'error',
  });
  return `${result.outputFiles[0].text}\nglobalThis.__benchTeam = __benchTeam;`;
}

/** Replaces the team cache with `installations × records` verified records, in batches of 2,000 rows. */
function fillCache(page, installations, records) {
  return page.evaluate(
    async ({ installations, records }) => {
      const { EvidenceDatabase, clearTeamCache, DEFAULT_CATALOGUE } = globalThis.__benchTeam;
      const controls = DEFAULT_CATALOGUE.items.map((item) => item.id);
      const statuses = ['ready', 'ready', 'ready', 'needs-review'];
      const db = new EvidenceDatabase();
      const started = performance.now();
      try {
        await clearTeamCache(db);
        for (let i = 0; i < installations; i += 1) {
          const installationId = `inst${String(i).padStart(2, '0')}`;
          const rows = [];
          const digest = { ids: [], effectiveDates: [], statuses: [], controls: [] };
          for (let n = 1; n <= records; n += 1) {
            const evidenceId = `EV-${installationId.toUpperCase()}-${String(n).padStart(6, '0')}`;
            const id = `${installationId}/${evidenceId}`;
            const day = String(1 + (n % 28)).padStart(2, '0');
            const evidence = {
              id: evidenceId,
              capturedAt: `2026-11-${day}T09:00:00.000Z`,
              effectiveDate: `2026-11-${day}`,
              url: `https://admin.example/${evidenceId}`,
              title: `Access review ${n}`,
              site: 'admin.example',
              capturer: `Admin ${installationId}`,
              kind: 'visible',
              controls: [controls[(n * 7 + i) % controls.length], controls[(n * 13 + i) % controls.length]],
              notes: '',
              status: statuses[n % statuses.length],
            };
            rows.push({
              id,
              installationId,
              evidenceId,
              revision: 1,
              key: `acme/installations/${installationId}/records/${evidenceId}/1.json`,
              versionId: `v${n}`,
              evidence,
              artifacts: [
                {
                  role: 'text',
                  name: 'text.txt',
                  mimeType: 'text/plain',
                  size: 32,
                  sha256: n.toString(16).padStart(64, '0'),
                },
              ],
            });
            digest.ids.push(id);
            digest.effectiveDates.push(evidence.effectiveDate);
            digest.statuses.push(evidence.status);
            digest.controls.push(evidence.controls.join(' '));
          }
          await db.transaction('rw', db.teamRecords, db.teamInstallations, async () => {
            for (let start = 0; start < rows.length; start += 2000)
              await db.teamRecords.bulkPut(rows.slice(start, start + 2000));
            await db.teamInstallations.put({
              installationId,
              checkedAt: '2026-12-03T12:00:00.000Z',
              capturers: [`Admin ${installationId}`],
              chainVerified: true,
              custodyEntries: records,
              lastCustodyHash: null,
              records,
              withheld: 0,
              findings: [],
              digest,
            });
          });
        }
        await db.teamState.put({
          id: 'pull',
          store: 'bench',
          marker: undefined,
          changed: [],
          lastPullAt: '2026-12-03T12:00:00.000Z',
        });
        return performance.now() - started;
      } finally {
        db.close();
      }
    },
    { installations, records },
  );
}

/** Records when the team view's coverage and per-capturer table are in the document, painted. */
function watchTeamView() {
  const observer = new MutationObserver(() => {
    if (window.__teamViewMs !== undefined) return;
    if (!document.querySelector('[data-testid="team-capturers"]')) return;
    if (!document.querySelector('[data-testid="team-summary"]')) return;
    requestAnimationFrame(() => {
      window.__teamViewMs ??= performance.now();
    });
  });
  observer.observe(document, { childList: true, subtree: true });
}

async function timeView(extension) {
  const samples = [];
  const summaries = new Set();
  const page = await extension.context.newPage();
  await page.addInitScript(watchTeamView);
  for (let run = 0; run < RUNS + 1; run += 1) {
    // A fresh document each time: going to the same URL again would only change the hash.
    await page.goto('about:blank');
    await page.goto(`chrome-extension://${extension.extensionId}/dashboard.html#team`);
    await page.waitForFunction(() => window.__teamViewMs !== undefined, undefined, { timeout: 120_000 });
    const ms = await page.evaluate(() => window.__teamViewMs);
    summaries.add((await page.getByTestId('team-summary').textContent())?.trim() ?? '');
    if (run > 0) samples.push(ms);
  }
  await page.close();
  return { stats: summarize(samples), summary: [...summaries].join(' / ') };
}

/** Baseline (1 × 100) and the team view at `installations × records`, both in one browser. */
export async function measureTeamView(installations, records) {
  const extension = await launchExtension();
  try {
    const filler = await openBackgroundPage(
      extension,
      `chrome-extension://${extension.extensionId}/popup.html?bench-team-cache`,
    );
    await filler.evaluate(await cacheScript());
    await fillCache(filler, 1, 100);
    const baseline = await timeView(extension);
    const fillMs = await fillCache(filler, installations, records);
    await filler.close();
    const full = await timeView(extension);
    return {
      runs: RUNS,
      baseline,
      full,
      fillSeconds: fillMs / 1000,
      chromium: extension.context.browser()?.version() ?? 'unknown',
    };
  } finally {
    await extension.close();
  }
}
