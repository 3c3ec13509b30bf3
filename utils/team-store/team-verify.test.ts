import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../integrity/custody';
import { sha256HexSync } from '../integrity/sha256';
import type { CustodyEntry } from '../evidence/types';
import { captureChain, sampleEvidence } from '@/tests/support/team-data';
import { custodyKey, parseKey, recordKey } from './keys';
import type { CachedVersion, LayoutKey } from './pull';
import { recordObject } from './record-object';
import { applyBlobChecks, checkInstallation, parseTeamRecord, type BlobCheck } from './team-verify';

const PREFIX = 'acme';
let clock = 0;

/** A cached version as the pull stores it; later calls are later writes. */
function version(
  key: string,
  body: unknown,
  options: { deleteMarker?: boolean; id?: string } = {},
): CachedVersion {
  clock += 1;
  const parsed = parseKey(PREFIX, key) as LayoutKey;
  const versionId = options.id ?? `v${clock}`;
  return {
    id: `${key}#${versionId}`,
    key,
    versionId,
    lastModified: `2026-12-03T10:00:${String(clock).padStart(2, '0')}.000Z`,
    installationId: parsed.installationId,
    kind: parsed.kind,
    name: parsed,
    deleteMarker: options.deleteMarker ?? false,
    sha256: options.deleteMarker ? '' : sha256HexSync(canonicalJson(body)),
    body: options.deleteMarker ? undefined : body,
  };
}

const custodyVersions = (installation: string, entries: readonly CustodyEntry[]) =>
  entries.map((entry) => version(custodyKey(PREFIX, installation, entry.sequence, entry.hash), entry));

/** An installation with `count` captures, each record at revision 1. */
function installation(id: string, count: number) {
  const evidence = Array.from({ length: count }, (_, index) => sampleEvidence(id, index + 1));
  const chain = captureChain(evidence.map(({ record }) => record.id));
  const records = evidence.map(({ record }) => version(recordKey(PREFIX, id, record.id, 1), record));
  return { evidence, chain, records, custody: custodyVersions(id, chain) };
}

describe('checking one installation pulled from the team store', () => {
  it('accepts intact records and chain, taking the newest revision of each record', () => {
    const { evidence, custody, records } = installation('ana', 2);
    const retagged = { ...evidence[0]!.record, controls: ['A.5.18', 'A.8.2'] };
    const revision2 = version(recordKey(PREFIX, 'ana', retagged.id, 2), retagged);
    const check = checkInstallation('ana', [...custody, ...records, revision2]);
    expect(check.findings).toEqual([]);
    expect(check.chainVerified).toBe(true);
    expect(check.custody.map((entry) => entry.sequence)).toEqual([1, 2]);
    expect(check.records.map((record) => [record.evidenceId, record.revision])).toEqual([
      [evidence[0]!.record.id, 2],
      [evidence[1]!.record.id, 1],
    ]);
    expect(check.records[0]!.evidence.controls).toEqual(['A.5.18', 'A.8.2']);
    expect(check.records[0]!.id).toBe(`ana/${evidence[0]!.record.id}`);
  });

  it('takes a retried upload (a second version with the same bytes) as harmless', () => {
    const { custody, records } = installation('ana', 1);
    const again = version(records[0]!.key, records[0]!.body);
    const check = checkInstallation('ana', [...custody, ...records, again]);
    expect(check.findings).toEqual([]);
    expect(check.records).toHaveLength(1);
  });

  it('reports a record key given a second, different version and keeps that evidence out', () => {
    const { evidence, custody, records } = installation('ana', 2);
    const forged = version(records[1]!.key, { ...evidence[1]!.record, controls: ['A.8.13'] });
    const check = checkInstallation('ana', [...custody, ...records, forged]);
    expect(check.findings).toEqual([
      expect.objectContaining({
        kind: 'conflicting-versions',
        where: records[1]!.key,
        installationId: 'ana',
        evidenceId: evidence[1]!.record.id,
      }),
    ]);
    expect(check.findings[0]!.sentence).toMatch(/versions with different contents/);
    expect(check.records.map((record) => record.evidenceId)).toEqual([evidence[0]!.record.id]);
    expect(check.withheld).toBe(1);
  });

  it('reports a delete marker on a record key', () => {
    const { custody, records } = installation('ana', 1);
    const marker = version(records[0]!.key, undefined, { deleteMarker: true });
    const check = checkInstallation('ana', [...custody, ...records, marker]);
    expect(check.findings).toEqual([
      expect.objectContaining({ kind: 'delete-marker', where: records[0]!.key }),
    ]);
    expect(check.findings[0]!.sentence).toMatch(/tried to delete it/);
    expect(check.records).toEqual([]);
  });

  it('reports a record whose body names other evidence than its key, and one that is not a record', () => {
    const { evidence, custody, records } = installation('ana', 2);
    const swapped = version(records[0]!.key, evidence[1]!.record);
    const garbage = version(records[1]!.key, { hello: 'world' });
    const check = checkInstallation('ana', [...custody, swapped, garbage]);
    expect(check.findings.map((finding) => finding.kind).sort()).toEqual(['record-mismatch', 'unreadable']);
    expect(check.findings.find((f) => f.kind === 'record-mismatch')!.sentence).toContain(
      evidence[1]!.record.id,
    );
    expect(check.records).toEqual([]);
  });

  it('reads sync’s record objects and reports one stored under another installation’s key', () => {
    const { evidence, custody } = installation('ana', 2);
    const [first, second] = evidence.map(({ record }) => record);
    const placed = version(recordKey(PREFIX, 'ana', first!.id, 1), recordObject('ana', 1, first!, [1]));
    const moved = version(recordKey(PREFIX, 'ana', second!.id, 1), recordObject('ben', 1, second!, [2]));
    const check = checkInstallation('ana', [...custody, placed, moved]);
    expect(check.records.map((record) => record.evidenceId)).toEqual([first!.id]);
    expect(check.findings).toEqual([
      expect.objectContaining({ kind: 'record-mismatch', where: moved.key, evidenceId: second!.id }),
    ]);
  });

  it('reports a gap in the custody chain and withholds all of that installation’s evidence', () => {
    const { chain, records } = installation('ben', 4);
    const withGap = custodyVersions('ben', [chain[0]!, chain[1]!, chain[3]!]);
    const check = checkInstallation('ben', [...withGap, ...records]);
    expect(check.chainVerified).toBe(false);
    expect(check.findings).toContainEqual(
      expect.objectContaining({ kind: 'chain-gap', where: withGap[2]!.key, installationId: 'ben' }),
    );
    expect(check.findings.find((f) => f.kind === 'chain-gap')!.sentence).toMatch(/from entry 2 to 4/);
    expect(check.findings.at(-1)!.sentence).toBe(
      '4 evidence records of ben are left out of the team view until its custody chain verifies.',
    );
    expect(check.records).toEqual([]);
    expect(check.withheld).toBe(4);
  });

  it('reports a second, different custody entry written under an existing sequence', () => {
    const { chain, custody, records } = installation('ben', 2);
    const rival = { ...chain[1]!, actor: 'mallory' };
    const forged = version(custodyKey(PREFIX, 'ben', 2, sha256HexSync('x')), rival);
    const check = checkInstallation('ben', [...custody, forged, ...records]);
    expect(check.findings.map((finding) => finding.kind)).toContain('duplicate-entry');
    expect(check.records).toEqual([]);
  });

  it('reports a custody key given a new version that rewrites history', () => {
    const { chain, custody, records } = installation('ben', 3);
    const rewritten = version(custody[1]!.key, { ...chain[1]!, actor: 'mallory' });
    const check = checkInstallation('ben', [...custody, rewritten, ...records]);
    expect(check.findings).toContainEqual(
      expect.objectContaining({ kind: 'conflicting-versions', where: custody[1]!.key }),
    );
    // The chain is checked on each key's first version: the original history still verifies.
    expect(check.custody[1]!.actor).toBe('ana');
    expect(check.records).toEqual([]);
  });
});

describe('checking the blobs the records name', () => {
  const blobCheck = (sha256: string, actualSha256: string | undefined): BlobCheck => ({
    sha256,
    key: `acme/blobs/sha256/${sha256}`,
    actualSha256,
  });

  it('keeps records whose bytes match, and reports a mismatch and a missing blob naming the evidence', () => {
    const { evidence, custody, records } = installation('ana', 3);
    const check = checkInstallation('ana', [...custody, ...records]);
    const [good, bad, gone] = evidence.map(({ blobs }) => blobs[0]!.sha256);
    const blobs = new Map([
      [good!, blobCheck(good!, good)],
      [bad!, blobCheck(bad!, sha256HexSync('forged'))],
      [gone!, blobCheck(gone!, undefined)],
    ]);
    const final = applyBlobChecks(check, blobs);
    expect(final.records.map((record) => record.evidenceId)).toEqual([evidence[0]!.record.id]);
    expect(final.findings).toEqual([
      expect.objectContaining({
        kind: 'blob-mismatch',
        where: `acme/blobs/sha256/${bad}`,
        evidenceId: evidence[1]!.record.id,
      }),
      expect.objectContaining({ kind: 'blob-missing', evidenceId: evidence[2]!.record.id }),
    ]);
    expect(final.findings[0]!.sentence).toContain(sha256HexSync('forged'));
    expect(final.findings[0]!.sentence).toContain(`text.txt of evidence ${evidence[1]!.record.id}`);
    expect(final.withheld).toBe(2);
  });
});

describe('reading a record body', () => {
  it('reads the local record shape, a bundle record document and a tombstone', () => {
    const { record } = sampleEvidence('ana', 1);
    const local = parseTeamRecord(record);
    expect(local).toMatchObject({
      evidence: { id: record.id, status: 'ready' },
      artifacts: [{ name: 'text.txt' }],
    });
    const { artifacts, sequence: _s, ...evidence } = record;
    const document = parseTeamRecord({ format: 'isms-evidence-record/1', evidence, artifacts });
    expect(document).toEqual(local);
    expect(parseTeamRecord(recordObject('ana', 1, record, [1]))).toEqual(local);
    const tombstone = parseTeamRecord({ ...record, status: 'deleted' });
    expect(tombstone).toMatchObject({ evidence: { status: 'deleted' } });
    expect(parseTeamRecord([1, 2])).toEqual({ problem: 'is not a JSON object' });
    expect(parseTeamRecord({ ...record, effectiveDate: 'soon' })).toEqual({
      problem: 'has no effective date (YYYY-MM-DD)',
    });
  });
});
