// The full-page capture benchmark: how long a full-page capture of a tall admin table takes, against
// (a) the rate-limit floor, tiles × 0.5 s (Chrome allows two captureVisibleTab calls per second), and
// (b) Chromium's own full-page screenshot of the same page in the same run (DevTools protocol
// `Page.captureScreenshot` with `captureBeyondViewport: true`); and whether the stitched image is the
// same picture: pixel for pixel against that screenshot (same viewport, same device pixel ratio), with
// the rows at the seams between tiles counted apart. Writes its section of docs/BENCHMARKS.md.
//
//   node scripts/bench/full-page.mjs      (builds first unless BENCH_SKIP_BUILD=1)
//
// BENCH_RUNS_FULL_PAGE (5) captures of each kind, alternating; BENCH_FULL_PAGE_ROWS (400) table rows.
/* global document */
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { TextDecoder } from 'node:util';
import {
  CHROMIUM_PATH,
  clickToolbarButton,
  launchExtension,
  openTab,
  readDatabase,
  REPO_ROOT,
  VIEWPORT,
} from '../../tests/e2e/chromium.mjs';
import { popupTab } from '../../tests/e2e/popup.mjs';
import { verifyArtifacts, verifyCustodyChain } from '../../tests/e2e/verify.mjs';
import { readPng } from '../../tests/fixtures/hostile/read-png.mjs';
import { startFixtureServer } from '../../tests/fixtures/server.mjs';
import { describeMachine, summarize, writeSection } from './report.mjs';
import { compareImages } from './image-diff.mjs';
import { prepareBenchmark } from './prepare.mjs';

const RUNS = Number(process.env.BENCH_RUNS_FULL_PAGE ?? 5);
const ROWS = Number(process.env.BENCH_FULL_PAGE_ROWS ?? 400);
const TILE_FLOOR_MS = 500;
const GOAL_RATIO = 1.2;
const REPORT = path.join(REPO_ROOT, 'docs', 'BENCHMARKS.md');

prepareBenchmark();

/** Seams: the first output row each tile after the first contributes (CSS px), from the stored tile list. */
function seamRows(tiles, paneHeight) {
  const seams = [];
  let covered = 0;
  tiles.forEach((tile, index) => {
    const start = Math.max(covered, tile.scrollTop);
    if (index > 0) seams.push(start);
    covered = tile.scrollTop + paneHeight;
  });
  return seams;
}

async function fullPageBenchmark() {
  const server = await startFixtureServer();
  const extension = await launchExtension();
  try {
    const url = new URL(`privileged-accounts.html?rows=${ROWS}`, server.url).href;
    const page = await openTab(extension.context, url);
    const geometry = await page.evaluate(() => ({
      devicePixelRatio: globalThis.devicePixelRatio,
      width: document.documentElement.clientWidth,
      viewportHeight: globalThis.innerHeight,
      scrollHeight: document.scrollingElement.scrollHeight,
    }));
    const cdp = await extension.context.newCDPSession(page);
    const popup = await clickToolbarButton(extension, page);
    const { tabId } = await popupTab(popup);

    // Timed in the popup, trigger to committed record, as the user waits for it.
    const extensionCapture = () =>
      popup.evaluate(`(async () => {
        const start = performance.now();
        const reply = await chrome.runtime.sendMessage({ type: 'captureFullPage', payload: { tabId: ${tabId}, trigger: 'popup' } });
        return { ms: performance.now() - start, ok: reply?.ok === true, error: reply?.error ?? '', id: reply?.value?.evidence?.id ?? '' };
      })()`);
    // Timed in Node around the protocol call, the PNG's base64 transfer included.
    const devtoolsCapture = async () => {
      const start = performance.now();
      const { data } = await cdp.send('Page.captureScreenshot', {
        format: 'png',
        captureBeyondViewport: true,
        clip: { x: 0, y: 0, width: geometry.width, height: geometry.scrollHeight, scale: 1 },
      });
      return { ms: performance.now() - start, png: Buffer.from(data, 'base64') };
    };

    const loadBefore = os.loadavg()[0];
    const samples = { extension: [], devtools: [] };
    const ids = [];
    let devtoolsPng;
    console.log(
      `Benchmarking ${RUNS} full-page captures of each kind (${ROWS} rows, ${geometry.scrollHeight} px)…`,
    );
    for (let run = 0; run < RUNS; run++) {
      await sleep(1000); // clear of the previous run's screenshots
      const result = await extensionCapture();
      if (!result.ok) throw new Error(`Full-page capture failed: ${result.error}`);
      samples.extension.push(result.ms);
      ids.push(result.id);
      await sleep(500);
      const shot = await devtoolsCapture();
      samples.devtools.push(shot.ms);
      devtoolsPng = shot.png;
    }
    await popup.close();

    const dump = await readDatabase(extension, { withBlobs: true });
    const records = ids.map((id) => dump.evidence.find((record) => record.id === id));
    if (records.some((record) => !record))
      throw new Error('A capture reported success but no record is stored.');
    const problems = [
      ...records.flatMap((record) => verifyArtifacts(record, dump.blobs)),
      ...verifyCustodyChain(dump.custody),
    ];
    if (problems.length > 0) throw new Error(`Stored captures do not verify: ${problems.join('; ')}`);
    const last = records.at(-1);
    const bytesOf = (name) =>
      dump.blobs.get(last.artifacts.find((artifact) => artifact.name === name).blobKey).bytes;
    const metadata = JSON.parse(new TextDecoder().decode(bytesOf('metadata.json')));
    const { fullPage } = metadata;
    const partNames = last.artifacts.filter((artifact) => /^original-\d+\.png$/.test(artifact.name));
    if (partNames.length !== 1) throw new Error(`Expected one image part, found ${partNames.length}.`);
    const stitched = readPng(bytesOf('original-1.png'));
    const reference = readPng(devtoolsPng);
    const seams = seamRows(fullPage.tiles, geometry.viewportHeight).map((row) =>
      Math.round(row * geometry.devicePixelRatio),
    );
    const diff = compareImages(stitched, reference, seams);

    const tiles = fullPage.tiles.length;
    const floorMs = tiles * TILE_FLOOR_MS;
    const stats = { extension: summarize(samples.extension), devtools: summarize(samples.devtools) };
    const durations = summarize(
      records.map((record) => {
        const bytes = dump.blobs.get(
          record.artifacts.find((artifact) => artifact.name === 'metadata.json').blobKey,
        ).bytes;
        return JSON.parse(new TextDecoder().decode(bytes)).fullPage.durationMs;
      }),
    );
    const ratio = stats.extension.median / floorMs;
    const load = `${loadBefore.toFixed(1)} → ${os.loadavg()[0].toFixed(1)}`;
    const machine = describeMachine(CHROMIUM_PATH, extension.context.browser()?.version());
    const s = (ms) => (ms / 1000).toFixed(2);
    const n = (value) => value.toLocaleString('en-US');
    const row = (label, summary) =>
      `| ${label} | ${summary.runs} | ${s(summary.median)} | ${s(summary.min)} | ${s(summary.max)} |`;
    const seamLines = diff.seams
      .map((seam) => `${n(seam.row)} (${seam.mismatchedRows} of ${seam.rowsChecked} rows differ)`)
      .join(', ');

    const section = `
## Full-page capture: against the rate-limit floor and Chromium's own full-page screenshot

Run ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on ${machine.cpu} (${machine.cores} cores), ${machine.memory} memory,
${machine.os}, Node ${machine.node}, Chromium ${machine.chromium.replace(/^Chromium\s+/, '')} (headless).
One-minute load average before → after: ${load} (the ${machine.cores} cores are shared; every step after the last
tile competes for them, the tiles themselves are held to the rate limit).

Page: \`tests/fixtures/privileged-accounts.html?rows=${ROWS}\` (a ${ROWS}-row admin table under a sticky header
row), ${n(geometry.scrollHeight)} px tall, at ${VIEWPORT.width}×${VIEWPORT.height}, device pixel ratio ${geometry.devicePixelRatio}.
${RUNS} captures of each kind, alternating, in one browser:

- **extension**: the \`captureFullPage\` message from the popup, timed there with \`performance.now()\` — scroll,
  ${tiles} \`captureVisibleTab\` tiles at least 510 ms apart, stitch, PNG encode, text, tables, DOM, stamp,
  thumbnail, SHA-256 of every artifact, the committed record and custody entry.
- **DevTools**: \`Page.captureScreenshot\` with \`captureBeyondViewport: true\` and a clip of the whole page, timed in
  Node around the call (the PNG's base64 transfer included). Not available to an extension without the
  \`debugger\` permission, which this one does not ask for; it is the reference, not an alternative.
- **floor**: ${tiles} tiles × ${TILE_FLOOR_MS} ms = ${s(floorMs)} s: no capture made of browser tiles can be faster.

| seconds | runs | median | min | max |
|---|---:|---:|---:|---:|
${row('extension, trigger to stored record', stats.extension)}
${row('extension, tiles to image (metadata durationMs)', durations)}
${row('DevTools full-page screenshot', stats.devtools)}

Extension / floor, medians: **${ratio.toFixed(2)}×** — goal ≤ ${GOAL_RATIO}×: **${ratio <= GOAL_RATIO ? 'met' : 'missed'}**.
Extension / DevTools: ${(stats.extension.median / stats.devtools.median).toFixed(1)}×.
All ${RUNS} records verify (every artifact's SHA-256, the custody chain).

**Stitch correctness** (the last run's \`original-1.png\` against the DevTools screenshot taken right after it):
stitched ${stitched.width}×${n(stitched.height)} px, DevTools ${reference.width}×${n(reference.height)} px${diff.sameSize ? '' : ' — **sizes differ**; compared over the common area'}.
Mismatching pixels: **${n(diff.mismatchedPixels)}** of ${n(diff.comparedPixels)} (${diff.mismatchedRows} rows, largest channel difference ${diff.maxChannelDelta}).
At the ${diff.seams.length} seams between tiles (each seam row ±2 rows): **${n(diff.seamMismatchedRows)}** mismatching rows${diff.seams.length ? ` — ${seamLines}` : ''}.
${diff.firstMismatchedRows.length ? `First mismatching rows: ${diff.firstMismatchedRows.map(n).join(', ')}.` : 'The stitched image is identical to the DevTools screenshot.'}
`;
    writeSection(REPORT, 'full-page', section);
    console.log(section);
    console.log(`Wrote ${path.relative(REPO_ROOT, REPORT)}.`);
  } catch (error) {
    console.error(error instanceof Error ? error.stack : error);
    process.exitCode = 1;
  } finally {
    await extension.close();
    await server.close();
  }
}

await fullPageBenchmark();
