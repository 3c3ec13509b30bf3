import { execFileSync, spawnSync } from 'node:child_process';
import { mkdir, rm, statfs, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  captureFromPopup,
  clickToolbarButton,
  launchExtension,
  openTab,
  readDatabase,
  saveTagging,
  startFixtureServer,
  verifyArtifacts,
  verifyCustodyChain,
  type FixtureServer,
  type LaunchedExtension,
  type StoredCustodyEntry,
  type StoredEvidence,
} from './harness';
import { recordOutcome } from './reliability';

// A real full disk: the profile's IndexedDB folder is a 16 MiB tmpfs that the test fills to the last
// block. (Storage.overrideQuotaForOrigin on the extension origin is accepted but IndexedDB writes still
// succeed, with or without the unlimitedStorage permission: it cannot simulate this.)
// Mounting needs root (or sudo without a password, as on CI runners); without either it is skipped.
const asRoot = process.getuid?.() === 0;
const canMount = asRoot || spawnSync('sudo', ['-n', 'true']).status === 0;
const privileged = (command: string, ...args: string[]) =>
  asRoot ? execFileSync(command, args) : execFileSync('sudo', ['-n', command, ...args]);

describe.skipIf(!canMount)('a capture when the disk is full', () => {
  let server: FixtureServer;
  let extension: LaunchedExtension;
  let disk = '';
  const filler = () => path.join(disk, 'filler');

  beforeAll(async () => {
    server = await startFixtureServer();
    extension = await launchExtension({
      async prepareProfile(userDataDir) {
        disk = path.join(userDataDir, 'Default', 'IndexedDB');
        await mkdir(disk, { recursive: true });
        privileged('mount', '-t', 'tmpfs', '-o', 'size=16m,mode=1777', 'tmpfs', disk);
        return async () => {
          privileged('umount', '--lazy', disk);
        };
      },
    });
  });
  afterAll(async () => {
    await rm(filler(), { force: true });
    await extension?.close();
    await server?.close();
  });

  it('tells the user, stores nothing partial, keeps earlier evidence and works again once space is freed', async () => {
    const page = await openTab(extension.context, new URL('ticket.html', server.url).href);
    let popup = await clickToolbarButton(extension, page);
    expect(await captureFromPopup(popup)).toEqual({ outcome: 'tagging' });
    await saveTagging(popup, { notes: 'Stored before the disk filled up.' });
    await popup.close();
    const before = await readDatabase<StoredEvidence, StoredCustodyEntry>(extension);
    expect(before.evidence).toHaveLength(1);

    const { bavail, bsize } = await statfs(disk);
    await writeFile(filler(), Buffer.alloc(Number(bavail) * Number(bsize)));
    expect(Number((await statfs(disk)).bavail)).toBe(0);
    popup = await clickToolbarButton(extension, page);
    const failed = await captureFromPopup(popup);
    await popup.close();
    expect(failed.outcome).toBe('error');
    const message = failed.outcome === 'error' ? failed.message : '';
    expect(message).toMatch(/disk is full/);
    expect(message).toMatch(/Earlier evidence is intact/);

    // A full disk cannot even open the database for reading: free the space, then look.
    await rm(filler());
    const after = await readDatabase<StoredEvidence, StoredCustodyEntry>(extension, { withBlobs: true });
    expect(after.evidence).toEqual(before.evidence);
    expect(after.custody).toEqual(before.custody);
    expect([...after.blobs.keys()].sort()).toEqual([...before.blobs.keys()].sort());
    expect(verifyArtifacts(after.evidence[0]!, after.blobs)).toEqual([]);
    expect(verifyCustodyChain(after.custody)).toEqual([]);

    popup = await clickToolbarButton(extension, page);
    expect(await captureFromPopup(popup)).toEqual({ outcome: 'tagging' });
    await saveTagging(popup, { notes: 'Stored after space was freed.' });
    await popup.close();
    const recovered = await readDatabase<StoredEvidence, StoredCustodyEntry>(extension, { withBlobs: true });
    expect(recovered.evidence.map((record) => record.sequence).sort()).toEqual([1, 2]);
    for (const record of recovered.evidence) expect(verifyArtifacts(record, recovered.blobs)).toEqual([]);
    expect(verifyCustodyChain(recovered.custody)).toEqual([]);
    await page.close();

    recordOutcome('disk-full-capture', {
      observed: `popup: “${message.slice(0, 60)}…”; no partial record; 1 earlier record intact; next capture stored`,
      evidenceLost: before.evidence.length - after.evidence.length,
    });
  });
});
