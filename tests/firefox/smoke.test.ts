import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixtureServer, type FixtureServer } from '../fixtures/server.mjs';
import { isPng, pngSize, sha256Hex, verifyArtifacts, verifyCustodyChain } from '../e2e/verify.mjs';
import { FIREFOX_EXTENSION_DIR, launchFirefox, type LaunchedFirefox } from './firefox.mjs';
import { closeTab, evaluate, openTab } from './pages.mjs';
import { chooseContextMenuItem, pressShortcut } from './gestures.mjs';
import { waitForEvidence, type DatabaseDump } from './database.mjs';

// The production Firefox build, installed temporarily over WebDriver BiDi in headless Firefox ESR.
// Captures come from the real keyboard command (Alt+Shift+E) and the real context menu: Firefox grants
// activeTab for them, as for a user, so the add-on needs no test hook and no host permission.
describe('the Firefox add-on', () => {
  let server: FixtureServer;
  let firefox: LaunchedFirefox;

  beforeAll(async () => {
    server = await startFixtureServer();
    firefox = await launchFirefox();
  });
  afterAll(async () => {
    await firefox?.close();
    await server?.close();
  });

  it('is the production build, installed under its gecko id', async () => {
    const manifest = JSON.parse(await readFile(path.join(FIREFOX_EXTENSION_DIR, 'manifest.json'), 'utf8'));
    expect(manifest).not.toHaveProperty('host_permissions');
    expect(firefox.addonId).toBe('isms-evidence-collector@isms-evidence-collector.org');
    expect(Number.parseInt(firefox.browserVersion, 10)).toBeGreaterThanOrEqual(128);
  });

  it('stores a visible-area capture taken with the keyboard shortcut, and it reads back intact', async () => {
    const url = new URL('backup-jobs.html', server.url).href;
    const page = await openTab(firefox, url);
    const viewport = await evaluate(firefox, page, () => ({
      width: window.innerWidth,
      height: window.innerHeight,
      devicePixelRatio: window.devicePixelRatio,
    }));

    await pressShortcut(firefox, 'Alt+Shift+E');
    const dump = await waitForEvidence(firefox, 1);

    expect(dump.evidence).toHaveLength(1);
    const record = dump.evidence[0]!;
    expect(record).toMatchObject({ url, status: 'needs-review', kind: 'visible' });
    expect(record.controls).toContain('A.8.13');

    const original = artifact(dump, record, 'original.png');
    expect(isPng(original)).toBe(true);
    expect(pngSize(original)).toEqual({
      width: Math.round(viewport.width * viewport.devicePixelRatio),
      height: Math.round(viewport.height * viewport.devicePixelRatio),
    });
    const recorded = record.artifacts.find((item) => item.name === 'original.png')!;
    expect(sha256Hex(original)).toBe(recorded.sha256);
    expect(verifyArtifacts(record, dump.blobs)).toEqual([]);
    expect(verifyCustodyChain(dump.custody)).toEqual([]);
    expect(dump.custody.find((entry) => entry.evidenceId === record.id)).toMatchObject({
      event: 'capture',
      details: { trigger: 'command' },
    });

    const metadata = JSON.parse(new TextDecoder().decode(artifact(dump, record, 'metadata.json')));
    expect(metadata).toMatchObject({
      url,
      method: 'captureVisibleTab',
      trigger: 'command',
      browser: { name: 'Firefox', version: /Firefox\/([\d.]+)/.exec(firefox.userAgent)?.[1] },
      viewport,
    });
    await closeTab(firefox, page);
  });

  it('stores a capture chosen from the page’s context menu', async () => {
    const url = new URL('ticket.html', server.url).href;
    const page = await openTab(firefox, url);
    await chooseContextMenuItem(firefox, page, 'Capture as audit evidence');
    const dump = await waitForEvidence(firefox, 2);
    const record = dump.evidence.find((candidate) => candidate.url === url);
    expect(record).toMatchObject({ status: 'needs-review', kind: 'visible' });
    expect(dump.custody.find((entry) => entry.evidenceId === record!.id)?.details).toMatchObject({
      trigger: 'context-menu',
    });
    expect(verifyArtifacts(record!, dump.blobs)).toEqual([]);
    expect(verifyCustodyChain(dump.custody)).toEqual([]);
    await closeTab(firefox, page);
  });
});

/** The stored bytes of one of a record's artifacts, by file name. */
function artifact(dump: DatabaseDump, record: DatabaseDump['evidence'][number], name: string): Uint8Array {
  const entry = record.artifacts.find((item) => item.name === name);
  const bytes = entry ? dump.blobs.get(entry.blobKey)?.bytes : null;
  if (!bytes) throw new Error(`${name} is not stored for ${record.id}`);
  return bytes;
}
