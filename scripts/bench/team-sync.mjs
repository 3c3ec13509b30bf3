// `npm run bench` (team-sync): sync of ~1 GiB of evidence from the built extension in real Chromium to a
// loopback Ceph RGW 16 with Object Lock, against `rclone copy` (Debian's rclone) of the same files to the
// same RGW in the same run. Run it (or `npm run bench`) under `flock /tmp/isms-e2e.lock`: it starts an RGW.
//
// 1. Writes the evidence to a temporary folder: per record an original.png (2–5 MB of incompressible bytes
//    behind a PNG signature) and a text.txt, until the payload reaches BENCH_SYNC_MIB (1024).
// 2. Starts a throwaway RGW (tests/support/ceph-rgw.sh, memstore sized for two copies) with two locked
//    buckets (COMPLIANCE, 1 day), one per contestant.
// 3. Baseline: `rclone copy` of the folder to the first bucket, configured through RCLONE_CONFIG_* variables
//    (no config file), rclone's defaults otherwise (4 transfers, single PUTs below 200 MiB), timed.
// 4. Seeds the extension's database with the same bytes, allows the RGW's site for the extension
//    (chrome://extensions → Site access: automation cannot answer Chromium's permission prompt), then saves
//    the team store in Settings → Team store. Time: from the save click (the write-once probe runs first) to
//    every sync job done. Memory: VmRSS of the extension's renderer process (where the service worker that
//    syncs runs) and of the browser process, sampled every 100 ms from /proc.
// 5. Checks that every blob is in the bucket, writes its section of docs/BENCHMARKS.md, deletes everything.
/* global indexedDB */
import { Buffer } from 'node:buffer';
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { AwsClient } from 'aws4fetch';
import { allowSiteAccess, CHROMIUM_PATH, launchExtension, REPO_ROOT } from '../../tests/e2e/chromium.mjs';
import { openSeedingPage, seedFiles } from './extension-seed.mjs';
import { describeMachine, writeSection } from './report.mjs';
import { chromiumProcesses, memory, serveFolder, writeCaptureFiles } from './evidence-files.mjs';
import { prepareBenchmark } from './prepare.mjs';

const TARGET_BYTES = Number(process.env.BENCH_SYNC_MIB ?? 1024) * 2 ** 20;
const MIN_PNG = 2_000_000;
const MAX_PNG = 5_000_000;
const GOAL = { ratio: 0.5, growthMb: 150 };
const MB = 1e6;
const SAMPLE_MS = 100;
const PREFIX = 'acme';
const REPORT = path.join(REPO_ROOT, 'docs', 'BENCHMARKS.md');
const RGW_SCRIPT = path.join(REPO_ROOT, 'tests', 'support', 'ceph-rgw.sh');

prepareBenchmark();

// ---- the engine ----------------------------------------------------------------------------------

async function freePort() {
  for (;;) {
    const port = await new Promise((resolve, reject) => {
      const server = createServer();
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => {
        const { port: chosen } = server.address();
        server.close(() => resolve(chosen));
      });
    });
    if (port > 7300 || port < 6800) return port;
  }
}

async function startRgw(directory) {
  const env = {
    ...process.env,
    RGW_DIR: directory,
    RGW_PORT: String(await freePort()),
    RGW_MON_PORT: String(await freePort()),
    // Two copies of the payload, each blob once, with room to spare.
    RGW_MEMSTORE_BYTES: String(Math.ceil((TARGET_BYTES * 2.5) / 2 ** 30) * 2 ** 30 + 2 ** 30),
  };
  const output = execFileSync(RGW_SCRIPT, ['start'], {
    env,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const ready = /RGW_READY endpoint=(\S+) access=(\S+) secret=(\S+)/.exec(output);
  if (!ready) throw new Error(`ceph-rgw.sh start printed no RGW_READY line:\n${output}`);
  return { endpoint: ready[1], accessKeyId: ready[2], secretAccessKey: ready[3], directory };
}

const stopRgw = (rgw) =>
  execFileSync(RGW_SCRIPT, ['stop'], { env: { ...process.env, RGW_DIR: rgw.directory }, stdio: 'inherit' });

function s3(rgw) {
  const client = new AwsClient({
    accessKeyId: rgw.accessKeyId,
    secretAccessKey: rgw.secretAccessKey,
    region: 'us-east-1',
    service: 's3',
    retries: 0,
  });
  return async (method, target, body = '', headers = {}) => {
    const response = await client.fetch(`${rgw.endpoint}${target}`, {
      method,
      headers: { ...headers, 'x-amz-content-sha256': createHash('sha256').update(body).digest('hex') },
      ...(body ? { body } : {}),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${target}: HTTP ${response.status} ${text}`);
    return text;
  };
}

async function createLockedBucket(call, bucket) {
  await call('PUT', `/${bucket}`, '', { 'x-amz-bucket-object-lock-enabled': 'true' });
  const lock =
    '<ObjectLockConfiguration><ObjectLockEnabled>Enabled</ObjectLockEnabled><Rule><DefaultRetention><Mode>COMPLIANCE</Mode><Days>1</Days></DefaultRetention></Rule></ObjectLockConfiguration>';
  await call('PUT', `/${bucket}?object-lock=`, lock, {
    'content-md5': createHash('md5').update(lock).digest('base64'),
  });
}

/** Every key under a prefix (ListObjectsV2, all pages). */
async function listKeys(call, bucket, prefix) {
  const keys = [];
  let token;
  for (;;) {
    const query = `list-type=2&prefix=${encodeURIComponent(prefix)}${token ? `&continuation-token=${encodeURIComponent(token)}` : ''}`;
    const xml = await call('GET', `/${bucket}?${query}`);
    for (const match of xml.matchAll(/<Key>([^<]*)<\/Key>/g)) keys.push(match[1]);
    token = /<NextContinuationToken>([^<]*)</.exec(xml)?.[1];
    if (!token) return keys;
  }
}

// ---- /proc: the Chromium processes of one profile ------------------------------------------------

// ---- the evidence, on disk ---------------------------------------------------------------------

async function writeEvidence(root) {
  const items = [];
  let bytes = 0;
  const start = Date.now() - 90 * 86_400_000;
  for (let index = 0; bytes < TARGET_BYTES; index++) {
    const capturedAt = new Date(start + index * 3_600_000).toISOString();
    const id = `EV-${capturedAt.slice(0, 10).replaceAll('-', '')}-S${String(index).padStart(5, '0')}`;
    const png = randomBytes(MIN_PNG + Math.floor(Math.random() * (MAX_PNG - MIN_PNG)));
    png.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const text = Buffer.from(`Backup job ${id}: success, 1,024 files, retention 35 days.\n`.repeat(200));
    items.push(await writeCaptureFiles(root, { id, capturedAt, png, text }));
    bytes += png.length + text.length;
  }
  return { items, bytes };
}

// ---- the extension side --------------------------------------------------------------------------

/** The sync queue's jobs by status, read from the extension's own database in its page. */
function jobCounts(page) {
  return page.evaluate(async () => {
    const db = await new Promise((resolve, reject) => {
      const request = indexedDB.open('isms-evidence');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    try {
      const index = db.transaction('syncJobs').objectStore('syncJobs').index('status');
      const count = (status) =>
        new Promise((resolve, reject) => {
          const request = index.count(status);
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        });
      const [waiting, uploading, blocked, done] = await Promise.all(
        ['waiting', 'uploading', 'blocked', 'done'].map(count),
      );
      return { waiting, uploading, blocked, done };
    } finally {
      db.close();
    }
  });
}

// ---- run -------------------------------------------------------------------------------------------

const work = await mkdtemp(path.join(os.tmpdir(), 'isms-bench-sync-'));
let rgw;
let extension;
let server;
let sampling = false;
try {
  const evidenceDir = path.join(work, 'evidence');
  await mkdir(evidenceDir);
  console.log(`Writing ~${(TARGET_BYTES / 2 ** 20).toFixed(0)} MiB of evidence to ${evidenceDir}…`);
  const { items, bytes: payloadBytes } = await writeEvidence(evidenceDir);
  const files = items.length * 2;

  rgw = await startRgw(path.join(os.tmpdir(), `isms-rgw-bench-sync-${process.pid}`));
  const call = s3(rgw);
  await createLockedBucket(call, 'rclone-copy');
  await createLockedBucket(call, 'team-evidence');

  console.log('Baseline: rclone copy …');
  const rcloneEnv = {
    ...process.env,
    RCLONE_CONFIG_RGW_TYPE: 's3',
    RCLONE_CONFIG_RGW_PROVIDER: 'Ceph',
    RCLONE_CONFIG_RGW_ENDPOINT: rgw.endpoint,
    RCLONE_CONFIG_RGW_REGION: 'us-east-1',
    RCLONE_CONFIG_RGW_ACCESS_KEY_ID: rgw.accessKeyId,
    RCLONE_CONFIG_RGW_SECRET_ACCESS_KEY: rgw.secretAccessKey,
    RCLONE_CONFIG_RGW_FORCE_PATH_STYLE: 'true',
  };
  // The endpoint is plain HTTP on loopback; a CA bundle set for other tools only makes rclone's SDK fail.
  delete rcloneEnv.AWS_CA_BUNDLE;
  const rcloneVersion = spawnSync('rclone', ['version'], { encoding: 'utf8' }).stdout.split('\n')[0];
  let started = performance.now();
  const rclone = spawnSync(
    'rclone',
    ['copy', '--s3-no-check-bucket', evidenceDir, `rgw:rclone-copy/${PREFIX}`],
    {
      env: rcloneEnv,
      encoding: 'utf8',
    },
  );
  const rcloneSeconds = (performance.now() - started) / 1000;
  if (rclone.status !== 0) throw new Error(`rclone copy failed: ${rclone.stderr}`);
  const rcloneKeys = await listKeys(call, 'rclone-copy', `${PREFIX}/`);
  if (rcloneKeys.length !== files) throw new Error(`rclone copied ${rcloneKeys.length} of ${files} files.`);

  server = await serveFolder(evidenceDir);
  extension = await launchExtension();
  console.log(`Seeding ${items.length} records into the extension's database…`);
  started = performance.now();
  const seeder = await openSeedingPage(extension);
  for (let offset = 0; offset < items.length; offset += 16)
    await seedFiles(seeder, server.url, items.slice(offset, offset + 16));
  await seeder.close();
  const seedSeconds = (performance.now() - started) / 1000;
  await server.close();
  server = undefined;
  await rm(evidenceDir, { recursive: true, force: true });

  await allowSiteAccess(extension, rgw.endpoint);
  const page = await extension.context.newPage();
  await page.goto(`chrome-extension://${extension.extensionId}/dashboard.html#settings`);
  await page.getByTestId('team-store-panel').waitFor();
  const fill = (id, value) => page.getByTestId(`team-store-${id}`).fill(value);
  await fill('endpoint', rgw.endpoint);
  await fill('region', 'us-east-1');
  await fill('bucket', 'team-evidence');
  await fill('prefix', PREFIX);
  await fill('accessKeyId', rgw.accessKeyId);
  await fill('secret', rgw.secretAccessKey);
  if (!(await page.getByTestId('team-store-pathStyle').isChecked()))
    await page.getByTestId('team-store-pathStyle').check();
  await sleep(1000);

  const pids = await chromiumProcesses(extension.userDataDir);
  const before = { extension: (await memory(pids.extension)).rss, browser: (await memory(pids.browser)).rss };
  const peak = { ...before };
  const series = [];
  sampling = true;
  const sampler = (async () => {
    while (sampling) {
      const [ext, brw] = await Promise.all([
        memory(pids.extension).then((m) => m.rss),
        memory(pids.browser).then((m) => m.rss),
      ]);
      peak.extension = Math.max(peak.extension, ext);
      peak.browser = Math.max(peak.browser, brw);
      series.push(ext);
      await sleep(SAMPLE_MS);
    }
  })();

  console.log('Syncing…');
  started = performance.now();
  await page.getByTestId('team-store-save').click();
  let counts;
  for (;;) {
    counts = await jobCounts(page);
    if (counts.blocked > 0) throw new Error(`A sync job is blocked: ${JSON.stringify(counts)}`);
    if (counts.done >= items.length && counts.waiting + counts.uploading === 0) break;
    if (performance.now() - started > 30 * 60_000)
      throw new Error(`Sync did not finish: ${JSON.stringify(counts)}`);
    await sleep(250);
  }
  const syncSeconds = (performance.now() - started) / 1000;
  sampling = false;
  await sampler;
  const probe = (await page.getByTestId('team-store-probe-summary').textContent())?.trim() ?? '';

  const blobKeys = new Set(await listKeys(call, 'team-evidence', `${PREFIX}/blobs/`));
  const missing = items.flatMap((item) =>
    item.files.map((file) => `${PREFIX}/blobs/sha256/${file.sha256}`).filter((key) => !blobKeys.has(key)),
  );
  if (missing.length > 0) throw new Error(`${missing.length} blobs are not in the bucket after sync.`);

  const mbps = payloadBytes / MB / syncSeconds;
  const rcloneMbps = payloadBytes / MB / rcloneSeconds;
  const ratio = mbps / rcloneMbps;
  const growth = (peak.extension - before.extension) / MB;
  const browserGrowth = (peak.browser - before.browser) / MB;
  // Flat: the second half of the run holds no more than the first half's peak plus a little.
  const half = Math.floor(series.length / 2);
  const firstHalf = Math.max(...series.slice(0, half));
  const secondHalf = Math.max(...series.slice(half));
  const goalMet = ratio >= GOAL.ratio && growth <= GOAL.growthMb;
  const machine = describeMachine(CHROMIUM_PATH, extension.context.browser()?.version());
  const mib = (value) => (value / 2 ** 20).toFixed(0);
  const sized = TARGET_BYTES < 2 ** 30 ? ' (sized down from 1 GiB for this run)' : '';
  const section = `
## Team store sync of ~1 GiB in Chromium against \`rclone copy\`

Run ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on ${machine.cpu} (${machine.cores} cores, shared), ${machine.memory} memory,
${machine.os}, Node ${machine.node}, Chromium ${machine.chromium.replace(/^Chromium\s+/, '')} (headless), ${rcloneVersion}.

Evidence: ${items.length} records, each an original.png of 2–5 MB (incompressible) and a text.txt of ~12 KB:
${files} files, ${mib(payloadBytes)} MiB${sized}. Engine: a loopback Ceph RGW 16 (tests/support/ceph-rgw.sh, one
memstore OSD), two buckets with Object Lock (COMPLIANCE, 1 day), one per contestant.

- **rclone**: \`rclone copy --s3-no-check-bucket <folder> rgw:rclone-copy/${PREFIX}\`, configured with
  \`RCLONE_CONFIG_RGW_*\` variables (provider Ceph, path style), its defaults otherwise (4 transfers, one PUT per
  file below 200 MiB, Content-MD5 sent), reading the files this run just wrote (likely in the page cache).
- **extension**: the built extension, the same bytes seeded into its database, the store saved in
  Settings → Team store; timed from the save click (the write-once probe runs first) to every sync job done.
  Each blob HEAD first, then PUT with Content-MD5, \`x-amz-checksum-sha256\` and \`If-None-Match: *\`, its ETag
  compared; then its custody entry and record object. ${items.length} jobs, each blob once.

| | files | seconds | MB/s |
|---|---:|---:|---:|
| extension sync | ${files} (+ ${items.length * 2} custody and record objects) | ${syncSeconds.toFixed(1)} | **${mbps.toFixed(1)}** |
| \`rclone copy\` (baseline) | ${files} | ${rcloneSeconds.toFixed(1)} | ${rcloneMbps.toFixed(1)} |

Sync / rclone throughput: **${ratio.toFixed(2)}×** (goal ≥ ${GOAL.ratio}×).

| memory (MB), VmRSS every ${SAMPLE_MS} ms (${series.length} samples) | before | peak | growth |
|---|---:|---:|---:|
| extension renderer (the service worker that syncs) | ${(before.extension / MB).toFixed(0)} | ${(peak.extension / MB).toFixed(0)} | **${growth.toFixed(0)}** |
| browser process (holds the IndexedDB blob bytes) | ${(before.browser / MB).toFixed(0)} | ${(peak.browser / MB).toFixed(0)} | ${browserGrowth.toFixed(0)} |

Extension renderer peak in the first half of the sync ${(firstHalf / MB).toFixed(0)} MB, in the second half ${(secondHalf / MB).toFixed(0)} MB.
Goal: ≥ ${GOAL.ratio}× rclone's throughput with memory flat (≤ ${GOAL.growthMb} MB growth of the extension process) —
**${goalMet ? 'met' : 'missed'}**. Every blob was in the bucket afterwards. The probe said: "${probe}".
Seeding the database (not measured above) took ${seedSeconds.toFixed(0)} s.
`;
  writeSection(REPORT, 'team-sync', section);
  console.log(section);
} catch (error) {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exitCode = 1;
} finally {
  sampling = false;
  await server?.close();
  await extension?.close();
  if (rgw) stopRgw(rgw);
  await rm(work, { recursive: true, force: true });
}
