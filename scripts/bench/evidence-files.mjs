// What the benchmarks that move evidence through the extension share: a folder of evidence files on disk
// (with `zip -0` of it as the baseline) served to the extension page, and the memory of the profile's browser
// and extension processes read from /proc (Linux).
import { Buffer } from 'node:buffer';
import { spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

// ---- /proc: the Chromium processes of one profile ------------------------------------------------

async function readProc(pid, file) {
  try {
    return await readFile(`/proc/${pid}/${file}`, 'utf8');
  } catch {
    return null;
  }
}

async function processTable() {
  const pids = (await readdir('/proc')).filter((name) => /^\d+$/.test(name)).map(Number);
  const table = [];
  for (const pid of pids) {
    const [stat, cmdline] = await Promise.all([readProc(pid, 'stat'), readProc(pid, 'cmdline')]);
    if (stat === null || cmdline === null) continue;
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    // Zygote-forked children rewrite their title: their arguments are separated by spaces, not NULs.
    table.push({ pid, ppid, args: cmdline.split(/[\0 ]+/) });
  }
  return table;
}

/** The browser process of the profile and its extension renderer (`--extension-process`). */
export async function chromiumProcesses(userDataDir) {
  const table = await processTable();
  const browser = table.find(
    (proc) =>
      proc.args.includes(`--user-data-dir=${userDataDir}`) &&
      !proc.args.some((arg) => arg.startsWith('--type=')),
  );
  if (!browser) throw new Error(`No Chromium browser process for ${userDataDir}.`);
  const byPid = new Map(table.map((proc) => [proc.pid, proc]));
  const descends = (proc) => {
    for (let current = proc; current; current = byPid.get(current.ppid))
      if (current.pid === browser.pid) return true;
    return false;
  };
  const extensionRenderers = table.filter(
    (proc) =>
      descends(proc) && proc.args.includes('--type=renderer') && proc.args.includes('--extension-process'),
  );
  if (extensionRenderers.length !== 1)
    throw new Error(`Expected one extension renderer process, found ${extensionRenderers.length}.`);
  return { browser: browser.pid, extension: extensionRenderers[0].pid };
}

/** kB fields of /proc/PID/status, in bytes. */
export async function memory(pid) {
  const status = (await readProc(pid, 'status')) ?? '';
  const field = (name) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN) * 1024;
  return { rss: field('VmRSS'), hwm: field('VmHWM') };
}

/** Resets VmHWM to the current RSS (clear_refs 5); false when the kernel or permissions refuse. */
export async function resetPeak(pid) {
  try {
    await writeFile(`/proc/${pid}/clear_refs`, '5');
    return true;
  } catch {
    return false;
  }
}

// ---- the evidence, on disk ---------------------------------------------------------------------

/** Writes one capture's original.png and text.txt under `root/id` and returns its seeding item (control A.8.13). */
export async function writeCaptureFiles(root, { id, capturedAt, png, text }) {
  await mkdir(path.join(root, id));
  const files = [
    { role: 'original', name: 'original.png', mimeType: 'image/png', bytes: png },
    { role: 'text', name: 'text.txt', mimeType: 'text/plain;charset=utf-8', bytes: text },
  ];
  for (const file of files) await writeFile(path.join(root, id, file.name), file.bytes);
  return {
    id,
    capturedAt,
    controls: ['A.8.13'],
    files: files.map(({ role, name, mimeType, bytes: data }) => ({
      role,
      name,
      mimeType,
      size: data.length,
      sha256: createHash('sha256').update(data).digest('hex'),
    })),
  };
}

/** Serves the evidence folder to the extension page (CORS: the page's origin is the extension). */
export async function serveFolder(root) {
  const server = createServer((request, response) => {
    const file = path.resolve(root, `.${decodeURIComponent(new URL(request.url, 'http://x').pathname)}`);
    if (!file.startsWith(root + path.sep)) return void response.writeHead(404).end();
    stat(file)
      .then((info) => {
        response.writeHead(200, {
          'access-control-allow-origin': '*',
          'content-type': 'application/octet-stream',
          'content-length': info.size,
        });
        createReadStream(file).pipe(response);
      })
      .catch(() => response.writeHead(404).end());
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}/`,
    close: () => new Promise((resolve) => (server.closeAllConnections(), server.close(resolve))),
  };
}

// ---- an export's evidence, and its baseline -------------------------------------------------------

const MIN_PNG = 2_000_000;
const MAX_PNG = 5_000_000;
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const WORDS =
  'backup job success warning failed restore point retention repository immutable copy offsite'.split(' ');

/**
 * Writes records until `targetBytes` of payload: each an original.png of 2–5 MB (incompressible bytes behind a
 * PNG signature, so a zip stores it) and a text.txt of ~13 KB, captured an hour apart over the last 90 days.
 */
export async function writeExportEvidence(root, targetBytes) {
  const items = [];
  let bytes = 0;
  const start = Date.now() - 90 * 86_400_000;
  for (let index = 0; bytes < targetBytes; index++) {
    const capturedAt = new Date(start + index * 3_600_000).toISOString();
    const suffix = [...randomBytes(6)].map((byte) => CROCKFORD[byte % 32]).join('');
    const id = `EV-${capturedAt.slice(0, 10).replaceAll('-', '')}-${suffix}`;
    const size = MIN_PNG + Math.floor(Math.random() * (MAX_PNG - MIN_PNG));
    const png = randomBytes(size);
    png.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const text = Buffer.from(
      Array.from({ length: 1500 }, (_, word) => WORDS[(word * 7 + index) % WORDS.length]).join(' '),
    );
    items.push(await writeCaptureFiles(root, { id, capturedAt, png, text }));
    bytes += png.length + text.length;
  }
  return { items, bytes };
}

/** The baseline: `zip -0 -r` of `work`/`folder` into a file beside it, timed, then removed. */
export async function zipBaseline(work, folder) {
  const zip = path.join(work, 'baseline.zip');
  const started = performance.now();
  const run = spawnSync('zip', ['-0', '-r', '-q', zip, folder], { cwd: work });
  const seconds = (performance.now() - started) / 1000;
  if (run.status !== 0) throw new Error(`zip -0 failed: ${run.stderr}`);
  const bytes = (await stat(zip)).size;
  await rm(zip);
  return { seconds, bytes };
}
