import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtension, type LaunchedExtension } from './harness';
import { checkExtensionTraffic } from './netlog.mjs';

// The control for the check every launch runs on close: a request the extension does send off the
// machine must be caught. 192.0.2.1 is TEST-NET-1 (RFC 5737): reserved, never answers.
const FROM_PAGE = 'http://192.0.2.1/exfiltrate?from=page';
const FROM_WORKER = 'http://192.0.2.1/exfiltrate?from=worker';

describe('the NetLog check on every browser the suite launches', () => {
  let dir: string;
  let extension: LaunchedExtension | undefined;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'isms-netlog-control-'));
  });
  afterAll(async () => {
    await extension?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('catches requests from an extension page and the service worker that leave the machine', async () => {
    const netLogPath = path.join(dir, 'netlog.json');
    extension = await launchExtension({ netLogPath, checkNetwork: false });
    const page = await extension.context.newPage();
    await page.goto(`chrome-extension://${extension.extensionId}/dashboard.html`);
    const send = (url: string) =>
      fetch(url, { mode: 'no-cors', signal: AbortSignal.timeout(2_000) }).then(
        () => 'answered',
        () => 'failed',
      );
    await page.evaluate(send, FROM_PAGE);
    await (await extension.serviceWorker()).evaluate(send, FROM_WORKER);
    await extension.close();
    const { offMachine } = await checkExtensionTraffic(netLogPath, extension.extensionId, { record: false });
    expect(offMachine.sort()).toEqual([FROM_PAGE, FROM_WORKER].sort());
  });
});
