import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_CATALOGUE } from '@/utils/catalogue/catalogue';
import { verifyBundle } from '@/utils/bundle/verify';
import { canonicalJson } from '@/utils/integrity/custody';
import { sha256HexSync } from '@/utils/integrity/sha256';
import { custodyKey, parseKey, recordKey } from '@/utils/team-store/keys';
import type { CachedVersion, LayoutKey } from '@/utils/team-store/pull';
import { checkInstallation } from '@/utils/team-store/team-verify';
import { memoryOutput } from '@/tests/support/bundle-fixtures';
import { captureChain, sampleEvidence } from '@/tests/support/team-data';
import { EvidenceDatabase } from './db';
import { openTeamCache } from './team-cache';
import { writeTeamBundle } from './team-bundle';

const NAME = 'team-bundle-test';
afterEach(() => Dexie.delete(NAME));

function cached(key: string, body: unknown): CachedVersion {
  const name = parseKey('acme', key) as LayoutKey;
  return {
    id: `${key}#1`,
    key,
    versionId: '1',
    lastModified: '2026-12-03T10:00:00.000Z',
    installationId: name.installationId,
    kind: name.kind,
    name,
    deleteMarker: false,
    sha256: sha256HexSync(canonicalJson(body)),
    body,
  };
}

/** Two installations pulled and verified into the team cache, as a pull leaves them. */
async function pulledTeam(db: EvidenceDatabase): Promise<void> {
  const cache = await openTeamCache(db, 'test-store');
  for (const installation of ['ana', 'ben']) {
    const evidence = [1, 2].map((index) =>
      sampleEvidence(installation, index, { capturer: `Admin ${installation}` }),
    );
    const chain = captureChain(evidence.map(({ record }) => record.id));
    const versions = [
      ...chain.map((entry) => cached(custodyKey('acme', installation, entry.sequence, entry.hash), entry)),
      ...evidence.map(({ record }) => cached(recordKey('acme', installation, record.id, 1), record)),
    ];
    const check = checkInstallation(installation, versions);
    for (const { blobs } of evidence)
      for (const blob of blobs)
        await cache.saveBlob(
          { sha256: blob.sha256, key: `acme/blobs/sha256/${blob.sha256}`, actualSha256: blob.sha256 },
          blob.bytes,
        );
    await cache.saveInstallation(check, '2026-12-03T10:00:00.000Z');
  }
}

describe('the team bundle', () => {
  it('holds every verified team record, each installation’s chain, and verifies like any bundle', async () => {
    const db = new EvidenceDatabase(NAME);
    await pulledTeam(db);
    const output = memoryOutput();
    const result = await writeTeamBundle(db, output.stream, {
      catalogue: DEFAULT_CATALOGUE,
      generator: { name: 'test', version: '0' },
      now: new Date('2026-12-03T12:00:00Z'),
      timeZone: 'UTC',
    });
    expect(result.evidenceCount).toBe(4);
    const bytes = output.bytes();
    const verified = await verifyBundle(new Blob([bytes as BlobPart]));
    expect(verified).toMatchObject({ ok: true });

    const dir = mkdtempSync(join(tmpdir(), 'team-bundle-'));
    const file = join(dir, 'team.zip');
    writeFileSync(file, bytes);
    execFileSync('unzip', ['-q', file, '-d', dir]);
    const bag = join(dir, result.name);
    const check = spawnSync('sha256sum', ['-c', '--strict', 'manifest-sha256.txt'], {
      cwd: bag,
      encoding: 'utf8',
    });
    expect(check.status).toBe(0);
    expect(check.stdout).toContain('data/team/ben/custody-log.jsonl: OK');
    const benLog = readFileSync(join(bag, 'data/team/ben/custody-log.jsonl'), 'utf8').trim().split('\n');
    expect(benLog.map((line) => (JSON.parse(line) as { evidenceId: string }).evidenceId)).toEqual([
      'EV-BEN-000001',
      'EV-BEN-000002',
    ]);
    const register = readFileSync(join(bag, 'data/register.csv'), 'utf8');
    expect(register).toContain('Admin ana');
    expect(register).toContain('Admin ben');
    db.close();
  });
});
