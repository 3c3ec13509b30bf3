// `npm run bench` (signing): what signing and trusted time-stamping cost, each against the same run without.
//
// 1. Capture latency in real Chromium with a time-stamping authority on loopback (OpenSSL's `openssl ts
//    -reply`, tests/support/tsa-server.mjs) against no authority. The authority's origin is granted in the
//    profile before launch (Default/Preferences, as Chromium's own tests grant it: headless Chromium leaves
//    the permission prompt pending). From the popup, alternately: the `captureTab` round trip with timestamps
//    off, then on (the settings switched between the two by the `saveTimestampSettings` message, outside the
//    timing), and for the stamped capture the time from the click until its token is stored in
//    `timestampTokens`. Every capture is signed nowhere (signing is per export); the record stored is what is
//    timed, the token arrives after.
// 2. Export of 1 GiB (BENCH_SIGNING_EXPORT_MIB) with the bundle writer in Node, signed with an Ed25519 key
//    (WebCrypto) against unsigned, alternating, each written to a zip on disk (scripts/bench/signing-export.run.ts).
// Writes its section of docs/BENCHMARKS.md. Run `npm run bench` under `flock /tmp/isms-e2e.lock`.
/* global chrome, indexedDB, performance */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  CHROMIUM_PATH,
  clickToolbarButton,
  EXTENSION_DIR,
  launchExtension,
  openTab,
  readDatabase,
  REPO_ROOT,
} from '../../tests/e2e/chromium.mjs';
import { popupTab } from '../../tests/e2e/popup.mjs';
import { verifyCustodyChain } from '../../tests/e2e/verify.mjs';
import { startFixtureServer } from '../../tests/fixtures/server.mjs';
import { startTsaServer } from '../../tests/support/tsa-server.mjs';
import { describeMachine, summarize, writeSection } from './report.mjs';
import { prepareBenchmark } from './prepare.mjs';

const RUNS = Number(process.env.BENCH_SIGNING_RUNS ?? 20);
const WARM_UP = 2;
const SPACING_MS = 600;
const EXPORT_MIB = Number(process.env.BENCH_SIGNING_EXPORT_MIB ?? 1024);
const EXPORT_PAIRS = Number(process.env.BENCH_SIGNING_EXPORT_PAIRS ?? 3);
const GOAL = { captureRatio: 1.2 };
const REPORT = path.join(REPO_ROOT, 'docs', 'BENCHMARKS.md');

prepareBenchmark();

/** Chromium's ID of an unpacked extension: SHA-256 of its absolute path, first 32 hex digits written a–p. */
function unpackedExtensionId(directory) {
  return [...createHash('sha256').update(path.resolve(directory)).digest('hex').slice(0, 32)]
    .map((digit) => String.fromCharCode(97 + Number.parseInt(digit, 16)))
    .join('');
}

/** Grants the extension one origin in the fresh profile, as if the person had allowed it. */
function grantOrigin(pattern) {
  return async (userDataDir) => {
    const id = unpackedExtensionId(EXTENSION_DIR);
    const permissions = { explicit_host: [pattern], api: [], manifest_permissions: [], scriptable_host: [] };
    await mkdir(path.join(userDataDir, 'Default'), { recursive: true });
    await writeFile(
      path.join(userDataDir, 'Default', 'Preferences'),
      JSON.stringify({
        extensions: {
          settings: { [id]: { granted_permissions: permissions, active_permissions: permissions } },
        },
      }),
    );
  };
}

async function captureLatency() {
  const [server, tsa] = await Promise.all([startFixtureServer(), startTsaServer()]);
  const extension = await launchExtension({
    prepareProfile: grantOrigin('http://127.0.0.1/*'),
    // The authority is on this machine: nothing leaves it, and the traffic check would say so.
  });
  try {
    const page = await openTab(extension.context, new URL('access-review.html', server.url).href);
    const popup = await clickToolbarButton(extension, page);
    const { tabId } = await popupTab(popup);
    const granted = await popup.evaluate(() =>
      chrome.permissions.contains({ origins: ['http://127.0.0.1/*'] }),
    );
    if (!granted)
      throw new Error('The profile did not grant http://127.0.0.1/*: the authority cannot be reached.');

    const setAuthority = (url) =>
      popup.evaluate(
        async ({ url: address, pem }) => {
          const reply = await chrome.runtime.sendMessage({
            type: 'saveTimestampSettings',
            payload: { url: address, toleranceMinutes: 5, trustedPem: address ? pem : '' },
          });
          if (!reply?.ok) throw new Error(reply?.error ?? 'no answer');
        },
        { url, pem: tsa.caPem },
      );
    // The round trip timed in the popup; with `waitForToken`, also until the capture's token is stored.
    const capture = (waitForToken) =>
      popup.evaluate(
        async ({ tab, wait }) => {
          const start = performance.now();
          const reply = await chrome.runtime.sendMessage({
            type: 'captureTab',
            payload: { tabId: tab, trigger: 'popup' },
          });
          const stored = performance.now() - start;
          if (!reply?.ok) return { ok: false, error: reply?.error ?? 'no answer' };
          if (!wait) return { ok: true, stored, token: null };
          const database = await new Promise((resolve, reject) => {
            const request = indexedDB.open('isms-evidence');
            request.onsuccess = () => resolve(request.result);
            request.onerror = () => reject(request.error);
          });
          const read = (store, run) =>
            new Promise((resolve, reject) => {
              const request = run(database.transaction(store).objectStore(store));
              request.onsuccess = () => resolve(request.result);
              request.onerror = () => reject(request.error);
            });
          try {
            const entries = await read('custody', (store) =>
              store.index('evidenceId').getAll(reply.value.evidence.id),
            );
            const hash = entries.find((entry) => entry.event === 'capture').hash;
            for (;;) {
              if (await read('timestampTokens', (store) => store.get(hash)))
                return { ok: true, stored, token: performance.now() - start };
              if (performance.now() - start > 30_000) return { ok: false, error: 'no token in 30 s' };
              await new Promise((resolve) => setTimeout(resolve, 5));
            }
          } finally {
            database.close();
          }
        },
        { tab: tabId, wait: waitForToken },
      );

    const samples = { off: [], on: [], token: [] };
    let lastCall = 0;
    const timed = async (name, wait, keep) => {
      await sleep(Math.max(0, lastCall + SPACING_MS - Date.now()));
      lastCall = Date.now();
      const result = await capture(wait);
      if (!result.ok) throw new Error(`Capture (${name}) failed: ${result.error}`);
      if (!keep) return;
      samples[name].push(result.stored);
      if (result.token !== null) samples.token.push(result.token);
    };
    console.log(
      `Capture latency: ${RUNS} runs each (after ${WARM_UP} warm-up runs), off and on alternating…`,
    );
    for (let run = 0; run < WARM_UP + RUNS; run++) {
      await setAuthority('');
      await timed('off', false, run >= WARM_UP);
      await setAuthority(tsa.url);
      await timed('on', true, run >= WARM_UP);
    }
    await popup.close();
    const dump = await readDatabase(extension);
    const stamps = dump.custody.filter((entry) => entry.event === 'timestamp').length;
    if (stamps !== WARM_UP + RUNS)
      throw new Error(`Expected ${WARM_UP + RUNS} timestamp entries, found ${stamps}.`);
    const problems = verifyCustodyChain(dump.custody);
    if (problems.length > 0) throw new Error(`Custody chain broken: ${problems.join('; ')}`);
    return {
      off: summarize(samples.off),
      on: summarize(samples.on),
      token: summarize(samples.token),
      requests: tsa.requests.length,
      captures: dump.evidence.length,
      chromium: extension.context.browser()?.version(),
    };
  } finally {
    await extension.close();
    await server.close();
    await tsa.stop();
  }
}

async function exportTimes() {
  const dir = await mkdtemp(path.join(tmpdir(), 'isms-bench-signing-'));
  try {
    const run = spawnSync(
      path.join(REPO_ROOT, 'node_modules', '.bin', 'vitest'),
      ['run', '--config', 'scripts/bench/vitest.bench.config.ts'],
      {
        cwd: REPO_ROOT,
        stdio: 'inherit',
        env: {
          ...process.env,
          BENCH_RUN_FILE: 'scripts/bench/signing-export.run.ts',
          BENCH_SIGNING_DIR: dir,
          BENCH_SIGNING_EXPORT_MIB: String(EXPORT_MIB),
          BENCH_SIGNING_EXPORT_PAIRS: String(EXPORT_PAIRS),
        },
      },
    );
    if (run.status !== 0) throw new Error('The signed export benchmark failed.');
    return JSON.parse(await readFile(path.join(dir, 'result.json'), 'utf8'));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

try {
  const capture = await captureLatency();
  const exports = await exportTimes();
  const machine = describeMachine(CHROMIUM_PATH, capture.chromium);
  const ms = (value) => value.toFixed(1);
  const row = (label, s) =>
    `| ${label} | ${s.runs} | ${ms(s.median)} | ${ms(s.p90)} | ${ms(s.min)} | ${ms(s.max)} |`;
  const captureRatio = capture.on.median / capture.off.median;
  const signed = summarize(exports.signed);
  const unsigned = summarize(exports.unsigned);
  const exportRatio = signed.median / unsigned.median;
  const seconds = (value) => (value / 1000).toFixed(2);
  const section = `
## Signing and trusted timestamps

Run ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on ${machine.cpu} (${machine.cores} cores), ${machine.memory} memory,
${machine.os}, Node ${machine.node}, Chromium ${machine.chromium.replace(/^Chromium\s+/, '')} (headless). \`scripts/bench/signing.mjs\`.

**Capture with a time-stamping authority on, against off, same run.** The access-review fixture; the popup sends
\`captureTab\` (trigger to committed record and custody entry), ${capture.off.runs} runs each after ${WARM_UP} warm-up runs,
alternating off and on, every capture at least ${SPACING_MS} ms after the one before. The authority is
\`openssl ts -reply\` behind HTTP on 127.0.0.1 (tests/support/tsa-server.mjs), its origin granted in the profile.
The token is asked for after the record is stored; "until the token is stored" runs from the same click to the
verified reply written to \`timestampTokens\` with its custody entry.

| ms | runs | median | p90 | min | max |
|---|---:|---:|---:|---:|---:|
${row('capture stored, timestamps off', capture.off)}
${row('capture stored, timestamps on', capture.on)}
${row('click until the token is stored (on)', capture.token)}

On / off, medians: **${captureRatio.toFixed(2)}×**. Goal ≤ ${GOAL.captureRatio}× — **${captureRatio <= GOAL.captureRatio ? 'met' : 'missed'}**.
${capture.captures} captures stored, ${capture.requests} requests to the authority, one token each; the custody chain verifies.

**Export of ${exports.mib} MiB signed (Ed25519, WebCrypto) against unsigned, same run.** \`writeBundle\` in Node
(${exports.records} records of 2–5 MB incompressible PNG-like bytes and a text file each), streamed into a zip on disk,
${EXPORT_PAIRS} of each alternating after one unsigned warm-up run. Signing is one signature over the tag manifest (${exports.tagManifestBytes} bytes) once the
payload is written.

| s | runs | median | min | max |
|---|---:|---:|---:|---:|
| unsigned | ${unsigned.runs} | ${seconds(unsigned.median)} | ${seconds(unsigned.min)} | ${seconds(unsigned.max)} |
| signed | ${signed.runs} | ${seconds(signed.median)} | ${seconds(signed.min)} | ${seconds(signed.max)} |

Signed / unsigned, medians: **${exportRatio.toFixed(3)}×**; the signature itself took ${exports.signMs.map((value) => value.toFixed(2)).join(', ')} ms.
`;
  writeSection(REPORT, 'signing', section);
  console.log(section);
  console.log(`Wrote ${path.relative(REPO_ROOT, REPORT)}.`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
}
