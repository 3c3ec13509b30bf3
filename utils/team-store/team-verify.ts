import { parseEntry } from '../bundle/custody-log';
import { parseRecordJson, RECORD_FORMAT, type BundledArtifact, type BundledEvidence } from '../bundle/record';
import type { CustodyEntry, EvidenceStatus } from '../evidence/types';
import { teamStoreTamperText as t } from '../text';
import type { CachedVersion } from './pull';
import { parseRecordObject, type RecordObject } from './record-object';
import {
  verifyBlob,
  verifyInstallationChain,
  verifyVersions,
  type PulledEntry,
  type Tampering,
} from './verify';

const RECORD_OBJECT_FORMAT = 'isms-evidence-record';

// Verification of one installation's pulled objects. The rule is strict and simple: anything a finding names
// stays out of the team view, and the finding says so. A record key with a second, different version, a
// record that is not what its key says, or a delete marker on it keeps that evidence out; any problem in the
// installation's custody chain keeps all its evidence out, since its history can no longer be trusted.

/** One installation's evidence as the team view shows it: the newest revision, read-only. */
export interface TeamRecord {
  /** `<installation-id>/<evidence-id>`: unique across the team. */
  id: string;
  installationId: string;
  evidenceId: string;
  revision: number;
  /** The object key and version the record was read from. */
  key: string;
  versionId: string;
  evidence: Omit<BundledEvidence, 'status'> & { status: EvidenceStatus };
  artifacts: BundledArtifact[];
}

export interface InstallationCheck {
  installationId: string;
  /** Evidence that passed every check so far (the blob check comes next). */
  records: TeamRecord[];
  findings: Tampering[];
  /** The installation's custody entries in sequence order, each key's first version. */
  custody: CustodyEntry[];
  chainVerified: boolean;
  /** How many evidence records the findings keep out of the team view. */
  withheld: number;
}

const byOldest = (a: CachedVersion, b: CachedVersion): number =>
  a.lastModified < b.lastModified ? -1 : a.lastModified > b.lastModified ? 1 : 0;

/** A record body as sync writes it: the local EvidenceRecord, or a bundle's record.json document. */
export function parseTeamRecord(
  body: unknown,
): { evidence: TeamRecord['evidence']; artifacts: BundledArtifact[] } | { problem: string } {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return { problem: t.notJsonObject };
  // Sync's record object wraps the record with its place; the key is checked against it by the caller.
  const wrapped = (body as { format?: unknown }).format === RECORD_OBJECT_FORMAT;
  if (wrapped && !parseRecordObject(body)) return { problem: t.notRecordObject };
  const value = (wrapped ? (body as RecordObject).record : body) as Record<string, unknown>;
  const document =
    value.format === RECORD_FORMAT
      ? value
      : (() => {
          const { artifacts, words: _words, sequence: _sequence, deletion: _deletion, ...evidence } = value;
          return { format: RECORD_FORMAT, evidence, artifacts };
        })();
  // A tombstone keeps its hashes and its place, but no status a bundle would carry: read it as such.
  const evidence = document.evidence as Record<string, unknown> | undefined;
  const deleted = evidence?.status === 'deleted';
  const parsed = parseRecordJson(
    JSON.stringify(deleted ? { ...document, evidence: { ...evidence, status: 'ready' } } : document),
  );
  if ('problem' in parsed) return parsed;
  return {
    evidence: { ...parsed.record.evidence, status: deleted ? 'deleted' : parsed.record.evidence.status },
    artifacts: parsed.record.artifacts,
  };
}

function groupByKey(versions: readonly CachedVersion[]): Map<string, CachedVersion[]> {
  const keys = new Map<string, CachedVersion[]>();
  for (const version of versions) {
    const list = keys.get(version.key);
    if (list) list.push(version);
    else keys.set(version.key, [version]);
  }
  for (const list of keys.values()) list.sort(byOldest);
  return keys;
}

/** Findings about one key's versions: a delete marker on it, or versions with different bytes. */
function keyFindings(key: string, versions: readonly CachedVersion[], installationId: string): Tampering[] {
  const found: Tampering[] = [];
  const content = versions.filter((version) => !version.deleteMarker);
  if (content.length < versions.length) {
    found.push({ kind: 'delete-marker', where: key, installationId, sentence: t.deleteMarker(key) });
  }
  for (const problem of verifyVersions({ key, versions: content }))
    found.push({ ...problem, installationId });
  return found;
}

function checkCustody(
  installationId: string,
  keys: Map<string, CachedVersion[]>,
): { entries: CustodyEntry[]; findings: Tampering[] } {
  const findings: Tampering[] = [];
  const pulled: PulledEntry[] = [];
  const bySequence = new Map<number, string>();
  for (const [key, versions] of keys) {
    findings.push(...keyFindings(key, versions, installationId));
    const first = versions.find((version) => !version.deleteMarker);
    const parsed = versions[0]!.name;
    if (!first || parsed.kind !== 'custody') continue;
    const entry = parseEntry(first.body);
    if (!entry) {
      findings.push({ kind: 'unreadable', where: key, installationId, sentence: t.unreadableEntry(key) });
      continue;
    }
    if (entry.sequence !== parsed.sequence) {
      findings.push({
        kind: 'entry-hash-mismatch',
        where: key,
        installationId,
        sentence: t.sequenceMismatch(key, entry.sequence),
      });
    }
    const other = bySequence.get(entry.sequence);
    if (other !== undefined) {
      findings.push({
        kind: 'duplicate-entry',
        where: key,
        installationId,
        sentence: t.duplicateEntry(installationId, entry.sequence, other),
      });
      continue;
    }
    bySequence.set(entry.sequence, key);
    pulled.push({ key, keyHash: parsed.entryHash, entry });
  }
  for (const problem of verifyInstallationChain(installationId, pulled))
    findings.push({ ...problem, installationId });
  const entries = pulled.map(({ entry }) => entry).sort((a, b) => a.sequence - b.sequence);
  return { entries, findings };
}

/** A record object that names another installation or revision than the key it is stored under. */
function placedElsewhere(body: unknown, installationId: string, revision: number): boolean {
  const object = parseRecordObject(body);
  return object !== undefined && (object.installationId !== installationId || object.revision !== revision);
}

interface RecordVersion {
  key: string;
  revision: number;
  versions: CachedVersion[];
}

function checkEvidence(
  installationId: string,
  evidenceId: string,
  revisions: readonly RecordVersion[],
): { record: TeamRecord | undefined; findings: Tampering[] } {
  const findings: Tampering[] = [];
  for (const { key, versions } of revisions) findings.push(...keyFindings(key, versions, installationId));
  const newest = [...revisions].sort((a, b) => b.revision - a.revision)[0]!;
  const version = newest.versions.find((candidate) => !candidate.deleteMarker);
  let record: TeamRecord | undefined;
  if (version) {
    const parsed = parseTeamRecord(version.body);
    if ('problem' in parsed) {
      findings.push({
        kind: 'unreadable',
        where: newest.key,
        installationId,
        evidenceId,
        sentence: t.unreadableRecord(newest.key, parsed.problem),
      });
    } else if (placedElsewhere(version.body, installationId, newest.revision)) {
      findings.push({
        kind: 'record-mismatch',
        where: newest.key,
        installationId,
        evidenceId,
        sentence: t.recordPlacedElsewhere(newest.key),
      });
    } else if (parsed.evidence.id !== evidenceId) {
      findings.push({
        kind: 'record-mismatch',
        where: newest.key,
        installationId,
        evidenceId,
        sentence: t.recordMismatch(newest.key, parsed.evidence.id),
      });
    } else {
      record = {
        id: `${installationId}/${evidenceId}`,
        installationId,
        evidenceId,
        revision: newest.revision,
        key: newest.key,
        versionId: version.versionId,
        ...parsed,
      };
    }
  }
  return {
    record: findings.length === 0 ? record : undefined,
    findings: findings.map((finding) => ({ ...finding, evidenceId })),
  };
}

/** Checks one installation's cached versions: key versions, custody chain and record bodies. */
export function checkInstallation(
  installationId: string,
  versions: readonly CachedVersion[],
): InstallationCheck {
  const custodyKeys = groupByKey(versions.filter((version) => version.kind === 'custody'));
  const recordKeys = groupByKey(versions.filter((version) => version.kind === 'record'));
  const custody = checkCustody(installationId, custodyKeys);
  const evidence = new Map<string, RecordVersion[]>();
  for (const [key, keyVersions] of recordKeys) {
    const parsed = keyVersions[0]!.name;
    if (parsed.kind !== 'record') continue;
    const list = evidence.get(parsed.evidenceId) ?? [];
    list.push({ key, revision: parsed.revision, versions: keyVersions });
    evidence.set(parsed.evidenceId, list);
  }
  const findings = [...custody.findings];
  const records: TeamRecord[] = [];
  for (const [evidenceId, revisions] of [...evidence].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const checked = checkEvidence(installationId, evidenceId, revisions);
    findings.push(...checked.findings);
    if (checked.record) records.push(checked.record);
  }
  const chainVerified = custody.findings.length === 0;
  if (!chainVerified && records.length > 0) {
    findings.push({
      kind: 'chain-broken',
      where: `installations/${installationId}/`,
      installationId,
      sentence: t.withheld(installationId, records.length),
    });
  }
  return {
    installationId,
    records: chainVerified ? records : [],
    findings,
    custody: custody.entries,
    chainVerified,
    withheld: evidence.size - (chainVerified ? records.length : 0),
  };
}

/** What the blob check learnt of one content-addressed blob. */
export interface BlobCheck {
  sha256: string;
  key: string;
  /** SHA-256 of the bytes the store returned; undefined when the store has no such blob. */
  actualSha256: string | undefined;
}

/**
 * Keeps the records whose every artifact's bytes hash to their key; reports the others, naming the evidence
 * and the blob.
 */
export function applyBlobChecks(
  check: InstallationCheck,
  blobs: ReadonlyMap<string, BlobCheck>,
): InstallationCheck {
  const findings = [...check.findings];
  const records: TeamRecord[] = [];
  for (const record of check.records) {
    const problems: Tampering[] = [];
    for (const artifact of record.artifacts) {
      const blob = blobs.get(artifact.sha256);
      if (!blob || blob.actualSha256 === undefined) {
        const where = blob?.key ?? artifact.sha256;
        problems.push({
          kind: 'blob-missing',
          where,
          installationId: record.installationId,
          evidenceId: record.evidenceId,
          sentence: t.blobMissing(record.evidenceId, artifact.name, where),
        });
        continue;
      }
      for (const problem of verifyBlob({ ...blob, actualSha256: blob.actualSha256 })) {
        problems.push({
          ...problem,
          installationId: record.installationId,
          evidenceId: record.evidenceId,
          sentence: `${problem.sentence} ${t.leftOut(record.evidenceId, artifact.name)}`,
        });
      }
    }
    if (problems.length === 0) records.push(record);
    else findings.push(...problems);
  }
  return { ...check, records, findings, withheld: check.withheld + (check.records.length - records.length) };
}
