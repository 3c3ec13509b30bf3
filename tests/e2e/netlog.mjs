// Reads Chromium's NetLog (`--log-net-log`) and checks what the extension itself requested. Every
// browser launchExtension starts records one, and close() fails when the extension reached further
// than this machine. Plain ESM with a .d.mts beside it, like the launcher.
import { appendFile, readFile } from 'node:fs/promises';
import path from 'node:path';

const LOCAL_SCHEMES = new Set(['chrome-extension:', 'chrome:', 'data:', 'blob:', 'about:', 'devtools:']);
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** True when a request to this URL would leave the machine (anything but loopback and local schemes). */
export function leavesTheMachine(url) {
  let parsed;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (LOCAL_SCHEMES.has(parsed.protocol)) return false;
  return !LOOPBACK.has(parsed.hostname);
}

/**
 * Every request Chromium's network stack saw: pages, extension pages and service workers alike.
 * `initiator` is the origin that started it; Chromium's own traffic has none.
 * @returns {Promise<{ url: string, initiator: string }[]>}
 */
export async function loggedRequests(netLogPath) {
  const text = await readFile(netLogPath, 'utf8');
  // A NetLog cut short (browser killed) misses its closing brackets; the events themselves are intact.
  const log = JSON.parse(text.trimEnd().endsWith('}') ? text : `${text.replace(/,\s*$/, '')}]}`);
  return log.events.flatMap(({ params }) =>
    params?.url ? [{ url: params.url, initiator: String(params.initiator ?? '') }] : [],
  );
}

/**
 * Checks the NetLog of a closed browser: the requests the extension started, and those that left
 * the machine. Adds a line to `$RELIABILITY_DIR/network.jsonl` for the reliability report, unless
 * `record: false` (the check's own control, which reaches off the machine on purpose).
 */
export async function checkExtensionTraffic(netLogPath, extensionId, options = {}) {
  const origin = `chrome-extension://${extensionId}`;
  const fromExtension = (await loggedRequests(netLogPath)).filter((request) => request.initiator === origin);
  const offMachine = [...new Set(fromExtension.filter((r) => leavesTheMachine(r.url)).map((r) => r.url))];
  if (process.env.RELIABILITY_DIR && options.record !== false) {
    const line = { requests: fromExtension.length, offMachine: offMachine.length };
    await appendFile(path.join(process.env.RELIABILITY_DIR, 'network.jsonl'), `${JSON.stringify(line)}\n`);
  }
  return { requests: fromExtension, offMachine };
}
